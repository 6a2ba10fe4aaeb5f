/**
 * Connection rules, pure (no database): the state between two members and the one action that
 * fits it. See docs/decisions/010-connections.md.
 */
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

export const OUTCOME_MESSAGES: Record<ConnectOutcome, string> = {
  requested: "Request sent.",
  accepted: "They had already asked you, so you are now connected.",
  already_requested: "You have already sent this member a request. Wait for their answer, or withdraw it.",
  already_connected: "You are already connected.",
  self: "You cannot connect to yourself.",
  not_found: "There is no such member.",
};

export const CHANGE_MESSAGES: Record<Exclude<ConnectionIntent, "connect">, { done: string; not_found: string }> = {
  accept: { done: "Request accepted: you are now connected.", not_found: "There is no request from this member to accept." },
  reject: { done: "Request declined.", not_found: "There is no request from this member to decline." },
  withdraw: { done: "Request withdrawn.", not_found: "You have no request to this member to withdraw." },
  remove: { done: "Connection removed.", not_found: "You are not connected to this member." },
};

/** Notification texts; `name` is the other member's name. */
// A declined request tells the requester nothing (issue 13): being told "no" is worse than silence.
export function notificationText(type: "connection_request" | "connection_accepted", name: string) {
  switch (type) {
    case "connection_request":
      return { title: "New connection request", message: `${name} would like to connect with you.` };
    case "connection_accepted":
      return { title: "Request accepted", message: `${name} accepted your connection request.` };
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

export const displayName = (name: string | null | undefined) => (name && name.trim() ? name.trim() : "A Ladder member");
