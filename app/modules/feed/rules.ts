/**
 * The anonymous feed's own rules, pure (issue 17): topics and their labels, the limits of a post,
 * the filters and sort of /feed as they travel in a URL, how a long post is clipped on a card, and
 * how a stored image is named. No server-only imports: route components and the unit tests read
 * them directly.
 */
import { postTopics } from "../../../db/enums";

export type Topic = (typeof postTopics)[number];
export const TOPICS: readonly Topic[] = postTopics;
export const DEFAULT_TOPIC: Topic = "general";
export const isTopic = (value: unknown): value is Topic => typeof value === "string" && (TOPICS as readonly string[]).includes(value);
/** The catalog id of a topic's readable label ("Company culture"). */
export const topicLabelId = (topic: Topic) => `feed.topic.${topic}`;

/** At most this many characters in a post (plain text; links become clickable when shown). */
export const POST_CONTENT_MAX = 5_000;
/** The company and industry a post is about, each optional. */
export const COMPANY_MAX = 100;
export const INDUSTRY_MAX = 100;
/** Posts on one page of /feed. */
export const FEED_PAGE_SIZE = 20;
/** "Top this week": posts of the last seven days, most liked first. */
export const TOP_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** New posts one member may write in an hour (rate_limit_buckets, fixed windows). */
export const FEED_POST_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 } as const;
/** A card shows at most this many characters of a post, then "Read more". */
export const CARD_TEXT_MAX = 300;
/** And at most this many lines. */
export const CARD_LINES_MAX = 6;

/** Images: PNG, JPEG or WebP of at most 2 MB, re-encoded to a WebP of at most 1200 x 1200 without metadata. */
export const FEED_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_IMAGE_BOX = { width: 1200, height: 1200 } as const;
/** A form with an image may be this large; a larger body is refused unread (the image over 2 MB is only counted). */
export const FEED_FORM_MAX_BYTES = 10 * 1024 * 1024;
/** A form without a file (the short form of /feed, the name step): urlencoded text only. */
export const FEED_TEXT_FORM_MAX_BYTES = 100_000;

/** Stored images are named by the app: "feed-<32 hex>.webp" (services/storage randomKey, 128 random bits). */
export const FEED_IMAGE_PREFIX = "feed";
const FEED_IMAGE_KEY = /^feed-[0-9a-f]{32}\.webp$/;
export const isFeedImageKey = (value: string | null | undefined): value is string => typeof value === "string" && FEED_IMAGE_KEY.test(value);

export const postHref = (postId: string) => `/feed/${postId}`;
export const postImageHref = (postId: string) => `/feed/${postId}/image`;

/** Message ids of the feed's forms (readForm and the actions say them in the reader's language). */
export const FEED_MESSAGES = {
  contentRequired: "feed.form.contentRequired",
  contentTooLong: "feed.form.contentTooLong",
  topicInvalid: "feed.form.topicInvalid",
  companyTooLong: "feed.form.companyTooLong",
  industryTooLong: "feed.form.industryTooLong",
  imageTooLarge: "feed.form.imageTooLarge",
  imageChooseAgain: "feed.form.imageChooseAgain",
  nameRequired: "feed.name.required",
  tooMany: "feed.new.tooMany",
  notFound: "feed.post.notFound",
  removed: "feed.edit.removed",
  changed: "feed.edit.changed",
  brokenLink: "feed.list.brokenLink",
} as const;

export type Sort = "new" | "top";

/** What /feed shows: its GET parameters, read and cleaned. */
export interface FeedFilters {
  topic: Topic | null;
  company: string | null;
  industry: string | null;
  sort: Sort;
}

export const NO_FILTERS: FeedFilters = { topic: null, company: null, industry: null, sort: "new" };

/** A filter's typed text as it is matched: one line, trimmed, spaces made one, at most `max` characters; empty is none. */
export function filterText(raw: string | null | undefined, max: number): string | null {
  const text = (raw ?? "")
    .split("")
    .map((c) => (c < " " || c === "\u007f" ? " " : c))
    .join("")
    .trim()
    .split(" ")
    .filter(Boolean)
    .join(" ");
  const cut = [...text].slice(0, max).join("").trim();
  return cut === "" ? null : cut;
}

/** The filters of /feed from its query string; an unknown topic or sort is no filter. */
export function readFilters(params: URLSearchParams): FeedFilters {
  const topic = params.get("topic");
  return {
    topic: isTopic(topic) ? topic : null,
    company: filterText(params.get("company"), COMPANY_MAX),
    industry: filterText(params.get("industry"), INDUSTRY_MAX),
    sort: params.get("sort") === "top" ? "top" : "new",
  };
}

/** The address of /feed with `filters` (and a page cursor), parameters in a fixed order, defaults left out. */
export function feedHref(filters: FeedFilters, after?: string | null): string {
  const params = new URLSearchParams();
  if (filters.sort === "top") params.set("sort", "top");
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.company) params.set("company", filters.company);
  if (filters.industry) params.set("industry", filters.industry);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `/feed?${query}` : "/feed";
}

export const hasFilters = (filters: FeedFilters) => filters.topic !== null || filters.company !== null || filters.industry !== null;

/** A post's text for a card: at most CARD_TEXT_MAX characters and CARD_LINES_MAX lines, cut on a space where one is near. */
export function clipText(content: string, maxChars = CARD_TEXT_MAX, maxLines = CARD_LINES_MAX): { text: string; clipped: boolean } {
  const lines = content.split("\n");
  let text = lines.length > maxLines ? lines.slice(0, maxLines).join("\n") : content;
  let clipped = text.length < content.length;
  const chars = [...text];
  if (chars.length > maxChars) {
    const cut = chars.slice(0, maxChars).join("");
    const space = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("\n"));
    text = space > maxChars * 0.6 ? cut.slice(0, space) : cut;
    clipped = true;
  }
  return { text: clipped ? `${text.trimEnd()}…` : text, clipped };
}

/** A "post anonymously" box as a form sends it: ticked is "on" (or "true"/"1"), anything else is off. */
export const isTicked = (value: unknown): boolean => value === "on" || value === "true" || value === "1";
