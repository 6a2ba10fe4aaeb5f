/**
 * The states of an application and of its interview rounds, and their words (pure). The jobs
 * area owns job_applications: an applicant reads these words on their pages (application-rules)
 * and the hiring pipeline uses the same ones (hiring/rules takes them from here, one direction
 * only; docs/decisions/039-area-boundaries.md).
 *
 * In the reader's language (decision 040) the same words are messages of app/locales/<lang>/applications.json:
 * `applications.pipelineStatus.<status>`, `applications.status.<status>` (the applicant's, with
 * `applications.status.withdrawn`), `applications.roundType.<type>` and `applications.roundStatus.<status>`;
 * hiring/rules says them (pipelineStatusLabel, applicantStatusLabel, roundTypeLabel, roundState).
 * The English maps below stay for callers that have no translator yet, and must read as the English catalog does.
 */
import { applicationStatuses, roundStatuses, roundTypes } from "../../../db/enums";

export type ApplicationStatus = (typeof applicationStatuses)[number];
export type RoundType = (typeof roundTypes)[number];
export type RoundStatus = (typeof roundStatuses)[number];

export const PIPELINE_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: "Pending",
  reviewing: "Reviewing",
  shortlisted: "Shortlisted",
  interviewing: "Interviewing",
  offered: "Offered",
  hired: "Hired",
  rejected: "Rejected",
};

export const PIPELINE_ROUND_TYPE_LABELS: Record<RoundType, string> = {
  phone_screening: "Phone screening",
  job_assessment: "Job assessment",
  hr: "HR interview",
  final: "Final interview",
};

export const PIPELINE_ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  rescheduled: "Rescheduled",
};

// The pipeline's words, but an applicant reads "Not selected" rather than "Rejected".
export const APPLICATION_STATUS_LABELS: Record<string, string> = { ...PIPELINE_STATUS_LABELS, rejected: "Not selected" } satisfies Record<ApplicationStatus, string>;
