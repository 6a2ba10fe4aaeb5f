/**
 * The three job feeds, pure (no database): each feed is one spec table and one URL. Every jobs
 * module and route names a feed by its slug and reaches the table through `feedTable`.
 */
export const FEED_SLUGS = ["general", "remote", "part-time"] as const;
export type FeedSlug = (typeof FEED_SLUGS)[number];

export type FeedTableName = "jobs" | "remote_jobs" | "part_time_jobs";

export interface Feed {
  slug: FeedSlug;
  table: FeedTableName;
  /** The feed's list page; a job's page is `${jobPath}` below. */
  path: string;
  label: string;
  /** One line under the feed's heading. */
  blurb: string;
}

export const FEEDS: Record<FeedSlug, Feed> = {
  general: { slug: "general", table: "jobs", path: "/jobs", label: "Jobs", blurb: "Jobs across the region, from employers, alumni and the career team." },
  remote: { slug: "remote", table: "remote_jobs", path: "/jobs/remote", label: "Remote jobs", blurb: "Remote roles open to people in the Middle East and North Africa." },
  "part-time": { slug: "part-time", table: "part_time_jobs", path: "/jobs/part-time", label: "Part-time jobs", blurb: "Part-time roles in India." },
};

export const isFeedSlug = (value: unknown): value is FeedSlug => typeof value === "string" && (FEED_SLUGS as readonly string[]).includes(value);

/** A job's page: /jobs/<feed>/<job_id> (the general feed's slug is "general"). */
export const jobPath = (feed: FeedSlug, jobId: string) => `/jobs/${feed}/${encodeURIComponent(jobId)}`;

/** What a list row needs to name and link one job: a React key, the job's address and its feed's label. */
export const jobLinkOf = (feed: FeedSlug, jobId: string) => ({ key: `${feed}/${jobId}`, feed, jobId, href: jobPath(feed, jobId), feedLabel: FEEDS[feed].label });

/** job_id is VARCHAR(32) in every feed. */
export const JOB_ID_MAX = 32;
export const isJobId = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= JOB_ID_MAX;
