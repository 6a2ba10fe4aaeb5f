/**
 * Reports and moderation of the anonymous feed that need no database (issue 17, item 6,
 * docs/decisions/043-anonymous-feed.md): the reasons and their words, the limits the forms and
 * pages share, and what a report or a moderator's decision says afterwards. Safe in the browser.
 */
import { feedReportReasons } from "../../../db/enums";
import type { FeedAuthor } from "./access.server";

export type ReportReason = (typeof feedReportReasons)[number];
export const REPORT_REASONS: readonly ReportReason[] = feedReportReasons;

/** The readable label of each reason (app/locales/<lang>/feedReports.json). */
export const REASON_LABELS: Record<ReportReason, string> = {
  spam: "feedReports.reason.spam",
  harassment: "feedReports.reason.harassment",
  hate: "feedReports.reason.hate",
  personal_information: "feedReports.reason.personal_information",
  false_information: "feedReports.reason.false_information",
  other: "feedReports.reason.other",
};

export const isReportReason = (value: string): value is ReportReason => (REPORT_REASONS as readonly string[]).includes(value);

/** A reporter's optional words for the moderators. */
export const REPORT_DETAILS_MAX = 500;
/** The queue's page: one row per reported post or comment, each with its own forms. */
export const REPORT_QUEUE_PAGE_SIZE = 20;
/** The reporters' words shown per row (the newest are the least read: oldest first). */
export const REPORT_DETAILS_SHOWN = 3;
/** The "N open" count of the moderation tabs stops counting here and reads "99+". */
export const OPEN_REPORTS_COUNT_LIMIT = 100;
/** How much of the reported text the report page quotes (the reporter has just read all of it). */
export const REPORT_QUOTE_MAX = 280;
/** The excerpt of the post a reported comment answers, in the queue. */
export const PARENT_EXCERPT_MAX = 140;

/** What is being reported: a post, or one comment on a post. */
export type ReportTarget = { kind: "post"; postId: string } | { kind: "comment"; postId: string; commentId: string };

/** Where the reporter goes back to: the post's page (a comment is read there too). */
export const targetHref = (target: ReportTarget) => `/feed/${target.postId}`;

/** The report page's address. */
export const reportHref = (target: ReportTarget) =>
  target.kind === "post" ? `/feed/${target.postId}/report` : `/feed/${target.postId}/comments/${target.commentId}/report`;

/** The reported thing as the report page shows it. */
export interface ReportedView {
  kind: ReportTarget["kind"];
  author: FeedAuthor;
  /** The start of the text (REPORT_QUOTE_MAX characters). */
  quote: string;
  /** When it was written, in the reader's words. */
  written: string;
}

/** Why a report was not filed (the page says so, with this status). */
export type ReportRefusal = "not_found" | "own" | "hidden";

export const REFUSAL_STATUS: Record<ReportRefusal, number> = { not_found: 404, own: 403, hidden: 409 };

export const refusalMessage = (refusal: ReportRefusal, kind: ReportTarget["kind"]) => `feedReports.refused.${refusal}.${kind}`;

/** The first `max` characters of `text` (whole code points), with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max).join("").trimEnd()}…`;
}

/** What a moderator did, and what became of it. */
export type ModerationAction = "hide" | "dismiss";
export type ModerationOutcome =
  /** Hidden now: the removal row landed, the reports closed and the author told. */
  | "hidden"
  /** Another moderator hid it first (or a moment ago); any reports still open were closed. */
  | "already_hidden"
  /** The open reports were dismissed. */
  | "dismissed"
  /** Nothing was open any more: another moderator decided first. */
  | "nothing_open"
  /** No such post or comment, or the viewer is no moderator (the write's WHERE said no). */
  | "not_found";

export const MODERATION_FLASH: Record<ModerationOutcome, { message: string; kind: "success" | "info" | "error" }> = {
  hidden: { message: "feedReports.queue.flash.hidden", kind: "success" },
  already_hidden: { message: "feedReports.queue.flash.alreadyHidden", kind: "info" },
  dismissed: { message: "feedReports.queue.flash.dismissed", kind: "success" },
  nothing_open: { message: "feedReports.queue.flash.nothingOpen", kind: "info" },
  not_found: { message: "feedReports.queue.flash.gone", kind: "error" },
};

/** The count in the tab: "99+" past the cap. */
export const openCountLabel = (count: number) => (count >= OPEN_REPORTS_COUNT_LIMIT ? `${OPEN_REPORTS_COUNT_LIMIT - 1}+` : String(count));
