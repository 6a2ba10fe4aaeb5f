/**
 * What each area of app/lib/areas.ts will do, shown on its coming-soon page: the `promise.<slug>`
 * messages of the `areas` namespace (app/locales/<lang>/areas.json). Kept apart from the header's
 * list so that the browser never downloads them: only the coming-soon route's loader (server code)
 * and the tests read this module, and the words reach the page through the loader's data.
 */
import english from "../locales/en/areas.json";
import type { Translate } from "./i18n";

const ENGLISH: Record<string, string> = english;

/** What the area `slug` will do: in the reader's language with `t`, in English without; "" when nothing is promised. */
export function promiseOf(slug: string, t?: Translate): string {
  const key = `promise.${slug}`;
  if (!slug || !Object.hasOwn(ENGLISH, key)) return "";
  return t ? t(`areas.${key}`) : ENGLISH[key];
}
