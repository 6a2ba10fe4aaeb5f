/** A message as pages and the polling route send it to the browser (dates already formatted). */
import { formatDateTime } from "~/lib/format";
import type { Language } from "~/lib/i18n";

export interface MessageView {
  id: string;
  fromMe: boolean;
  text: string;
  at: string;
  /** epoch milliseconds, for ordering on the page */
  ms: number;
  /** a message to the viewer that the viewer had not seen before this page */
  unread: boolean;
}

/** The view of a message for a reader in `zone` (their time zone: every time says which zone it is in), in their language. */
export const viewOf = (zone: string, lang: Language = "en") => (m: { id: string; fromMe: boolean; text: string; at: Date; read: boolean }): MessageView => ({
  id: m.id,
  fromMe: m.fromMe,
  text: m.text,
  at: formatDateTime(m.at, zone, { lang }),
  ms: m.at.getTime(),
  unread: !m.read,
});
