/**
 * Membership and moderation rules that need no database (issue 16, decision 041): the limits the
 * forms and pages share, which membership button a member sees, and what one submit of the queue
 * says afterwards (one message for one request or for a ticked batch).
 */

/** A decline, removal or ban reason: what the member reads in their notification. */
export const REASON_MAX = 500;
/** Requests one queue submit may decide (a page shows at most QUEUE_PAGE_SIZE). */
export const BULK_MAX = 100;
/**
 * 20 requests a page, like the directory and the posts: each row carries its own approve and
 * decline forms, so a page of 30 cost a third more to render and to send (at 500,000 memberships
 * a full page of 30 made /moderation's p99 1.5 times the demo's 18 rows).
 */
export const QUEUE_PAGE_SIZE = 20;
export const MEMBERS_PAGE_SIZE = 30;
/** The header's count of waiting requests stops counting here and reads "99+". */
export const WAITING_COUNT_LIMIT = 100;

export type MembershipIntent = "ask" | "withdraw" | "leave";
export type Decision = "approve" | "decline";
export type MemberAction = "remove" | "ban";

/** Where a member stands, as the membership page and button read it. */
export interface StandingView {
  membership: "pending" | "approved" | null;
  banned: boolean;
  /** The community's creator: they delete the community instead of leaving it. */
  creator: boolean;
}

/** The one thing a signed-in member can do about their membership. */
export type MembershipChoice = "ask" | "withdraw" | "leave" | "banned" | "creator";

export function membershipChoice(standing: StandingView): MembershipChoice {
  if (standing.membership === "approved") return standing.creator ? "creator" : "leave";
  if (standing.membership === "pending") return "withdraw";
  return standing.banned ? "banned" : "ask";
}

export type AskOutcome = "requested" | "already_pending" | "already_member" | "banned" | "not_found";
export type WithdrawOutcome = "withdrawn" | "not_pending" | "not_found";
export type LeaveOutcome = "left" | "not_member" | "creator" | "not_found";

/** What became of one request in a queue submit. */
export type DecisionOutcome =
  | { membershipId: string; kind: "done"; decision: Decision; memberName: string | null; communityName: string }
  | { membershipId: string; kind: "already"; decision: Decision; by: string | null; memberName: string | null }
  | { membershipId: string; kind: "not_found" };

/** A message id with its values, said by the flash (no JavaScript) or beside the queue (a fetcher). */
export interface Said {
  message: string;
  values?: Record<string, string | number>;
  kind: "success" | "info" | "error";
}

/**
 * The one message for a submit. `names` turns a stored name (or none) and a decider (or none)
 * into words in the reader's language. One request says who and what; several say how many, and
 * how many had already been decided by someone else.
 */
export function decisionSummary(
  decision: Decision,
  outcomes: readonly DecisionOutcome[],
  names: { member: (name: string | null) => string; moderator: (name: string | null) => string },
): Said {
  const done = outcomes.filter((o) => o.kind === "done");
  const already = outcomes.filter((o) => o.kind === "already");
  if (outcomes.length === 1) {
    const [only] = outcomes;
    if (only.kind === "done") {
      return { message: only.decision === "approve" ? "moderation.flash.approved" : "moderation.flash.declined", values: { name: names.member(only.memberName) }, kind: "success" };
    }
    if (only.kind === "already") {
      return {
        message: only.decision === "approve" ? "moderation.flash.alreadyApproved" : "moderation.flash.alreadyDeclined",
        values: { name: names.member(only.memberName), by: names.moderator(only.by) },
        kind: "info",
      };
    }
    return { message: "moderation.flash.gone", kind: "error" };
  }
  const skipped = outcomes.length - done.length;
  if (done.length === 0) return { message: "moderation.flash.noneDecided", values: { count: outcomes.length, already: already.length }, kind: "info" };
  const message = decision === "approve" ? "moderation.flash.bulkApproved" : "moderation.flash.bulkDeclined";
  return { message, values: { count: done.length, skipped }, kind: skipped > 0 ? "info" : "success" };
}

/** The outcome of a moderator's action on a member, by message id. */
export const MEMBER_OUTCOME_MESSAGES = {
  removed: "moderation.members.flash.removed",
  banned: "moderation.members.flash.banned",
  appointed: "moderation.members.flash.appointed",
  already_moderator: "moderation.members.flash.alreadyModerator",
  stepped_down: "moderation.members.flash.steppedDown",
  creator: "moderation.members.flash.creator",
  moderator: "moderation.members.flash.moderator",
  self: "moderation.members.flash.self",
  not_member: "moderation.members.flash.notMember",
  not_found: "moderation.members.flash.gone",
} as const;

export type MemberOutcome = keyof typeof MEMBER_OUTCOME_MESSAGES;

export const MEMBERSHIP_OUTCOME_MESSAGES: Record<AskOutcome | WithdrawOutcome | LeaveOutcome, string> = {
  requested: "moderation.membership.flash.requested",
  already_pending: "moderation.membership.flash.alreadyPending",
  already_member: "moderation.membership.flash.alreadyMember",
  banned: "moderation.membership.flash.banned",
  not_found: "moderation.membership.flash.gone",
  withdrawn: "moderation.membership.flash.withdrawn",
  not_pending: "moderation.membership.flash.notPending",
  left: "moderation.membership.flash.left",
  not_member: "moderation.membership.flash.notMember",
  creator: "moderation.membership.flash.creator",
};

export const isGoodOutcome = (outcome: string) => ["requested", "withdrawn", "left", "removed", "banned", "appointed", "stepped_down"].includes(outcome);
