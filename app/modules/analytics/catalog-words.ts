/** An activity category's or type's words in the reader's language (app/locales/<lang>/adminTracking.json). */
import type { Translate } from "~/lib/i18n";

/** A name the code does not know (an old row, a type added by hand) keeps its stored description, else its name. */
export function activityWords(t: Translate, kind: "category" | "type", name: string, stored: string | null): string {
  const key = `adminTracking.${kind}.${name}`;
  const out = t(key);
  return out === key ? (stored ?? name) : out;
}
