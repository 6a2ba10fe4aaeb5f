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
  /** The feed's name in English, for logs and code; pages show `t(labelId)`. */
  label: string;
  /** The feed's name in the catalogs: jobs.feed.<feed>.label. */
  labelId: string;
  /** One line under the feed's heading (a message id). */
  blurbId: string;
  /** "Back to remote jobs" (a message id). */
  backId: string;
}

const ids = (key: string) => ({ labelId: `jobs.feed.${key}.label`, blurbId: `jobs.feed.${key}.blurb`, backId: `jobs.feed.${key}.back` });

export const FEEDS: Record<FeedSlug, Feed> = {
  general: { slug: "general", table: "jobs", path: "/jobs", label: "Jobs", ...ids("general") },
  remote: { slug: "remote", table: "remote_jobs", path: "/jobs/remote", label: "Remote jobs", ...ids("remote") },
  "part-time": { slug: "part-time", table: "part_time_jobs", path: "/jobs/part-time", label: "Part-time jobs", ...ids("partTime") },
};

export const isFeedSlug = (value: unknown): value is FeedSlug => typeof value === "string" && (FEED_SLUGS as readonly string[]).includes(value);

/** A job's page: /jobs/<feed>/<job_id> (the general feed's slug is "general"). */
export const jobPath = (feed: FeedSlug, jobId: string) => `/jobs/${feed}/${encodeURIComponent(jobId)}`;

/** What a list row needs to name and link one job: a React key, the job's address and its feed's label (English) and label id. */
export const jobLinkOf = (feed: FeedSlug, jobId: string) => ({
  key: `${feed}/${jobId}`,
  feed,
  jobId,
  href: jobPath(feed, jobId),
  feedLabel: FEEDS[feed].label,
  feedLabelId: FEEDS[feed].labelId,
});

/** job_id is VARCHAR(32) in every feed. */
export const JOB_ID_MAX = 32;
export const isJobId = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= JOB_ID_MAX;
