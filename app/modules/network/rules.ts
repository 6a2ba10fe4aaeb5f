/**
 * Connection rules, pure (no database): the state between two members and the one action that
 * fits it. See docs/decisions/010-connections.md.
 */
import type { Translate } from "~/lib/i18n";
import { safeRedirectPath } from "~/lib/safe-redirect";

/** At most this many characters in a connection request's message. */
export const REQUEST_MESSAGE_MAX = 300;

/**
 * The state between the viewer and another member:
 * - none: no row, or a rejected request (either side may send a new request);
 * - outgoing: the viewer asked, the other has not answered;
 * - incoming: the other asked the viewer;
 * - connected: an accepted request, in either direction.
 */
export type ConnectionState = "none" | "outgoing" | "incoming" | "connected";

export interface PairRow {
  sender_id: string;
  receiver_id: string;
  status: string | null;
}

export function stateOf(row: PairRow | null | undefined, viewerId: string): ConnectionState {
  if (!row || row.status === "rejected") return "none";
  if (row.status === "accepted") return "connected";
  return row.sender_id === viewerId ? "outgoing" : "incoming";
}

export type ConnectionIntent = "connect" | "accept" | "reject" | "withdraw" | "remove";

/** What each intent may act on: the WHERE clause of the module follows this table. */
export const INTENT_NEEDS: Record<Exclude<ConnectionIntent, "connect">, ConnectionState> = {
  accept: "incoming",
  reject: "incoming",
  withdraw: "outgoing",
  remove: "connected",
};

export type ConnectOutcome = "requested" | "accepted" | "already_requested" | "already_connected" | "self" | "not_found";
export type ChangeOutcome = "done" | "not_found";

/** What a connect answers, as message ids (flashes carry the id; the next page says it in its reader's language). */
export const OUTCOME_MESSAGES: Record<ConnectOutcome, string> = {
  requested: "network.outcome.requested",
  accepted: "network.outcome.accepted",
  already_requested: "network.outcome.alreadyRequested",
  already_connected: "network.outcome.alreadyConnected",
  self: "network.outcome.self",
  not_found: "network.outcome.notFound",
};

export const CHANGE_MESSAGES: Record<Exclude<ConnectionIntent, "connect">, { done: string; not_found: string }> = {
  accept: { done: "network.change.acceptDone", not_found: "network.change.acceptNotFound" },
  reject: { done: "network.change.rejectDone", not_found: "network.change.rejectNotFound" },
  withdraw: { done: "network.change.withdrawDone", not_found: "network.change.withdrawNotFound" },
  remove: { done: "network.change.removeDone", not_found: "network.change.removeNotFound" },
};

/** The connection notifications' types: their words are made from the type and the other member's name. */
export type ConnectionNotificationType = "connection_request" | "connection_accepted" | "connection_rejected";

export const isConnectionNotification = (type: string | null | undefined): type is ConnectionNotificationType =>
  type === "connection_request" || type === "connection_accepted" || type === "connection_rejected";

/**
 * A connection notification's words in `t`'s language; `name` is the other member's name. Written
 * in the recipient's language when stored, and made again in the reader's when shown.
 */
// A declined request tells the requester nothing (issue 13): being told "no" is worse than silence.
// connection_rejected is only in imported history (db/seed/scale.ts); Ladder no longer writes it.
export function notificationText(t: Translate, type: ConnectionNotificationType, name: string) {
  switch (type) {
    case "connection_request":
      return { title: t("notifications.request.title"), message: t("notifications.request.message", { name }) };
    case "connection_accepted":
      return { title: t("notifications.accepted.title"), message: t("notifications.accepted.message", { name }) };
    case "connection_rejected":
      return { title: t("notifications.rejected.title"), message: t("notifications.rejected.message", { name }) };
  }
}

/**
 * Where a notification's title leads: its stored link (notification_links) when that is a path
 * on Ladder itself, else the person of a connection notification, else nowhere (null). A stored
 * link is checked here, on the way out, because any module may write one.
 */
export function notificationHref(n: { href: string | null; type: string | null; relatedUserId: string | null }): string | null {
  if (n.href) {
    const local = safeRedirectPath(n.href, "");
    if (local) return local;
  }
  if (n.relatedUserId && (n.type === "connection_request" || n.type === "connection_accepted")) return `/u/${n.relatedUserId}`;
  return null;
}

/** A member's name, or a stand-in for a member without one (in `t`'s language when given, else English). */
export const displayName = (name: string | null | undefined, t?: Translate) =>
  name && name.trim() ? name.trim() : t ? t("network.unnamedMember") : "A Ladder member";
