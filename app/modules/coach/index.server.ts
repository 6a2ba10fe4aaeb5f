/**
 * What other areas may use of coach (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules go in index.ts.
 */
export { AiError, aiErrorMessage, aiMode, coachReply, coachStream, toAiError, type AiErrorKind } from "./ai.server";
export { markdownHtml } from "./markdown.server";
export { chargeForReply, DAILY_MESSAGES, dayStartUtc, messagesLeft, quotaReachedSentence, refundMessage } from "./quota.server";
export { allowedHref, LINK_REL } from "./markdown";
