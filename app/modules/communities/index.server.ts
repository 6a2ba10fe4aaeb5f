/**
 * What other areas may use of communities (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules are in index.ts.
 */
export { isGlobalModerator, moderatedCommunityIds, standingIn, type Standing, type Viewer } from "./access.server";
export { waitingRequestCount } from "./moderation.server";
export { linkParts, LINK_REL, type TextPart } from "./links.server";
