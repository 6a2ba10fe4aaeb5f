/** Pieces of the calendar's translated sentences for pages that mark one value up. Pure: route components use it too. */
import type { MessageValues, Translate } from "~/lib/i18n";

const MARKER = "\u0000";

/**
 * A translated sentence split around one of its values, so the page can mark that value up
 * (<strong>, <bdi>) wherever the language puts it: `[before, after]`.
 */
export function around(t: Translate, id: string, values: MessageValues, slot: string): [string, string] {
  const text = t(id, { ...values, [slot]: MARKER });
  const at = text.indexOf(MARKER);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + MARKER.length)];
}
