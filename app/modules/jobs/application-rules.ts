/** Words for application and interview states, shown to applicants (pure). */
import { formatInstant, offsetLabel } from "~/modules/calendar";
import { APPLICATION_STATUS_LABELS, PIPELINE_ROUND_STATUS_LABELS, PIPELINE_ROUND_TYPE_LABELS } from "./application-states";

export const COVER_LETTER_MAX = 10_000;

export { APPLICATION_STATUS_LABELS };

// One wording for rounds, on the applicant's pages and in the pipeline (looked up by stored text here).
export const ROUND_TYPE_LABELS: Record<string, string> = PIPELINE_ROUND_TYPE_LABELS;
export const ROUND_STATUS_LABELS: Record<string, string> = PIPELINE_ROUND_STATUS_LABELS;

export const statusLabel = (status: string | null, withdrawn: boolean | null) =>
  withdrawn ? `Withdrawn (was ${(APPLICATION_STATUS_LABELS[status ?? "pending"] ?? status ?? "Pending").toLowerCase()})` : (APPLICATION_STATUS_LABELS[status ?? "pending"] ?? status ?? "Pending");

/** "Tuesday 2 December 2026, 10:00 UTC" or "…, 13:00 Asia/Amman (GMT+3)": always says which zone. */
export function zonedTime(zone: string, at: Date): string {
  const instant = at.getTime();
  const when = formatInstant(zone, instant);
  return zone === "UTC" ? `${when} UTC` : `${when} ${zone} (${offsetLabel(zone, instant)})`;
}
