/** A message as pages and the polling route send it to the browser (dates already formatted). */
import { formatDateTime } from "~/lib/format";

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

/** The view of a message for a reader in `zone` (their time zone: every time says which zone it is in). */
export const viewOf = (zone: string) => (m: { id: string; fromMe: boolean; text: string; at: Date; read: boolean }): MessageView => ({
  id: m.id,
  fromMe: m.fromMe,
  text: m.text,
  at: formatDateTime(m.at, zone),
  ms: m.at.getTime(),
  unread: !m.read,
});
