/**
 * What other areas' server modules may use of jobs (docs/decisions/039-area-boundaries.md): its
 * server functions, and the pure rules that only server modules of other areas use.
 */
export { ROUND_TYPE_LABELS, zonedTime } from "./application-rules";
export { applicationPath } from "./applications.server";
export { CV_CONTENT_TYPES, cvFileName, isCvKey, kindOfKey, type CvKind } from "./cv";
export { listFeed, type FeedJob } from "./feed.server";
export { FEED_SLUGS, isFeedSlug, isJobId, jobPath, type FeedSlug } from "./feeds";
export { feedTable, type PostingStatus } from "./jobs.server";
export { isStaff } from "./posting-rules";
export { pendingCount } from "./posting.server";
