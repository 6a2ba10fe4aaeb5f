/**
 * What other areas may use of network (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules are in index.ts.
 */
export { stateWith } from "./connections.server";
export { insertLinkedNotification, unreadCount } from "./notifications.server";
