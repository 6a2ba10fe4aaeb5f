/** Words for application and interview states, shown to applicants (pure). */
import { formatInstant, offsetLabel } from "~/modules/calendar/rules";

export const COVER_LETTER_MAX = 10_000;

export const APPLICATION_STATUS_LABELS: Record<string, string> = {
  pending: "Pending",
  reviewing: "Reviewing",
  shortlisted: "Shortlisted",
  interviewing: "Interviewing",
  offered: "Offered",
  hired: "Hired",
  rejected: "Not selected",
};

export const ROUND_TYPE_LABELS: Record<string, string> = {
  phone_screening: "Phone screening",
  job_assessment: "Job assessment",
  hr: "HR interview",
  final: "Final interview",
};

export const ROUND_STATUS_LABELS: Record<string, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  rescheduled: "Rescheduled",
};

export const statusLabel = (status: string | null, withdrawn: boolean | null) =>
  withdrawn ? `Withdrawn (was ${(APPLICATION_STATUS_LABELS[status ?? "pending"] ?? status ?? "Pending").toLowerCase()})` : (APPLICATION_STATUS_LABELS[status ?? "pending"] ?? status ?? "Pending");

/** "Tuesday 2 December 2026, 10:00 UTC" or "…, 13:00 Asia/Amman (GMT+3)": always says which zone. */
export function zonedTime(zone: string, at: Date): string {
  const instant = at.getTime();
  const when = formatInstant(zone, instant);
  return zone === "UTC" ? `${when} UTC` : `${when} ${zone} (${offsetLabel(zone, instant)})`;
}
