/**
 * Status pills (decision 025): each state has a colour AND words, so colour is never the only
 * signal (WCAG 1.4.1). Pure, so a unit test can check that every state has both.
 */
import { applicationStatuses } from "../../../db/enums";

type ApplicationStatus = (typeof applicationStatuses)[number];

/** Light background, dark text of the same hue: AA contrast on every pair (text-*-900 on *-100). */
export const TONE_CLASS = {
  stone: "bg-stone-100 text-stone-800 border-stone-300",
  sky: "bg-sky-100 text-sky-900 border-sky-300",
  indigo: "bg-indigo-100 text-indigo-900 border-indigo-300",
  violet: "bg-violet-100 text-violet-900 border-violet-300",
  amber: "bg-amber-100 text-amber-900 border-amber-300",
  green: "bg-green-100 text-green-900 border-green-300",
  rose: "bg-rose-100 text-rose-900 border-rose-300",
} as const;

export type Tone = keyof typeof TONE_CLASS;

/** Cool colours while an application moves on, green when hired, rose when it ends. */
export const APPLICATION_TONES: Record<ApplicationStatus, Tone> = {
  pending: "stone",
  reviewing: "sky",
  shortlisted: "indigo",
  interviewing: "violet",
  offered: "amber",
  hired: "green",
  rejected: "rose",
};

/** The tone of an application's pill; a withdrawn application is grey whatever its stored status. */
export function applicationTone(status: string | null, withdrawn: boolean | null): Tone {
  if (withdrawn) return "stone";
  return (applicationStatuses as readonly string[]).includes(status ?? "") ? APPLICATION_TONES[status as ApplicationStatus] : APPLICATION_TONES.pending;
}

/** The review states of a member's job post (job_postings.status); the words are postingStatusLabel's without a reason. */
export const POST_STATES = ["pending", "approved", "declined", "closed"] as const;
export type PostState = (typeof POST_STATES)[number];

export const POST_LABELS: Record<PostState, string> = {
  pending: "Waiting for approval",
  approved: "Listed",
  declined: "Declined",
  closed: "Closed",
};

/** The same words as message ids in the jobs catalog, for pages (a page showing them loads "jobs"). */
export const POST_LABEL_IDS: Record<PostState, string> = {
  pending: "jobs.status.pending",
  approved: "jobs.status.approved",
  declined: "jobs.status.declined",
  closed: "jobs.status.closed",
};

export const POST_TONES: Record<PostState, Tone> = { pending: "amber", approved: "green", declined: "rose", closed: "stone" };

export const isPostState = (value: unknown): value is PostState => typeof value === "string" && (POST_STATES as readonly string[]).includes(value);
