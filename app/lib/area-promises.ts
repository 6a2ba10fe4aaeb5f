/**
 * What each area of app/lib/areas.ts will do, shown on its coming-soon page: the `promise.<slug>`
 * messages of the `areas` namespace (app/locales/<lang>/areas.json). Kept apart from the header's
 * list so that the browser never downloads them: only the coming-soon route's loader (server code)
 * and the tests read this module, and the words reach the page through the loader's data.
 */
import fs from "node:fs";
import path from "node:path";
import type { Translate } from "./i18n";

let english: Record<string, string> | undefined;
/** The English catalog, read once (from the app's folder, as app/lib/i18n.server.ts reads every catalog). */
const englishAreas = (): Record<string, string> =>
  (english ??= JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "app/locales/en/areas.json"), "utf8")) as Record<string, string>);

/** What the area `slug` will do: in the reader's language with `t`, in English without; "" when nothing is promised. */
export function promiseOf(slug: string, t?: Translate): string {
  const key = `promise.${slug}`;
  if (!slug || !Object.hasOwn(englishAreas(), key)) return "";
  return t ? t(`areas.${key}`) : englishAreas()[key];
}
