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

export const viewOf = (m: { id: string; fromMe: boolean; text: string; at: Date; read: boolean }): MessageView => ({
  id: m.id,
  fromMe: m.fromMe,
  text: m.text,
  at: formatDateTime(m.at),
  ms: m.at.getTime(),
  unread: !m.read,
});
