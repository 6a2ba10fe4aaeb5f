/**
 * What other areas may use of messages (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules go in index.ts.
 */
export { unreadMessageCount } from "./conversations.server";
export { sendMessage } from "./messages.server";
