/**
 * The job importer's pure part: read a JSearch-shaped JSON file (an array, or {data: [...]} as the
 * JSearch API answers) and check each row. Unknown keys are ignored; a row with a wrong value is
 * rejected with a reason, the others go on (importer.server.ts writes them).
 */
import { JOB_ID_MAX } from "./feeds";
import { employmentTypeLabel } from "./rules";

export const TEXT_MAX = 2_000;
export const DESCRIPTION_MAX = 100_000;

/** The columns an import writes (the spec's job columns, without poster and timestamps). */
export interface ImportRow {
  job_id: string;
  job_title: string | null;
  employer_name: string | null;
  employer_logo: string | null;
  job_city: string | null;
  job_state: string | null;
  job_country: string | null;
  job_posted_at_datetime_utc: Date | null;
  job_apply_link: string | null;
  job_employment_type: string | null;
  job_description: string | null;
  job_is_remote: boolean | null;
  job_min_salary: string | null;
  job_max_salary: string | null;
  job_salary_period: string | null;
}

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; jobId: string | null; reason: string };

export type FileCheck = { ok: true; items: unknown[] } | { ok: false; message: string };

/** The file's text → its rows, or one clear sentence saying why not. */
export function parseImportFile(text: string): FileCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON (${(error as Error).message.replace(/\s+/g, " ").trim()}).` };
  }
  if (Array.isArray(parsed)) return { ok: true, items: parsed };
  if (parsed && typeof parsed === "object" && Array.isArray((parsed as { data?: unknown }).data)) return { ok: true, items: (parsed as { data: unknown[] }).data };
  return { ok: false, message: "The file must hold a JSON array of jobs, or an object whose \"data\" is that array (as JSearch answers)." };
}

const TEXT_FIELDS = ["job_title", "employer_name", "employer_logo", "job_city", "job_state", "job_country", "job_apply_link", "job_employment_type", "job_description", "job_salary_period"] as const;

/** ISO 8601 date or date-time (what JSearch sends in job_posted_at_datetime_utc). */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function salaryText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim().slice(0, TEXT_MAX);
  return undefined;
}

/** One item of the file → a row to write, or the reason it is refused. */
export function checkImportRow(item: unknown): RowCheck {
  if (!item || typeof item !== "object" || Array.isArray(item)) return { ok: false, jobId: null, reason: "not an object" };
  const o = item as Record<string, unknown>;
  const rawId = o.job_id;
  const jobId = typeof rawId === "string" ? rawId.trim() : null;
  const fail = (reason: string): RowCheck => ({ ok: false, jobId: jobId || (typeof rawId === "number" ? String(rawId) : null), reason });
  if (rawId === undefined || rawId === null || jobId === "") return fail("job_id is missing");
  if (jobId === null) return fail("job_id must be text");
  if (jobId.length > JOB_ID_MAX) return fail(`job_id is longer than ${JOB_ID_MAX} characters`);

  const text: Partial<Record<(typeof TEXT_FIELDS)[number], string | null>> = {};
  for (const field of TEXT_FIELDS) {
    const value = o[field];
    if (value === undefined || value === null) text[field] = null;
    else if (typeof value !== "string") return fail(`${field} must be text`);
    else {
      const max = field === "job_description" ? DESCRIPTION_MAX : TEXT_MAX;
      if (value.length > max) return fail(`${field} is longer than ${max.toLocaleString("en-GB")} characters`);
      text[field] = value.trim() === "" ? null : field === "job_description" ? value : value.trim();
    }
  }

  let postedAt: Date | null = null;
  const posted = o.job_posted_at_datetime_utc;
  if (posted !== undefined && posted !== null) {
    if (typeof posted !== "string" || !ISO.test(posted.trim())) return fail("job_posted_at_datetime_utc must be an ISO date, e.g. 2026-11-20T08:00:00.000Z");
    postedAt = new Date(posted.trim());
    if (Number.isNaN(postedAt.getTime())) return fail("job_posted_at_datetime_utc is not a real date");
  }

  const remote = o.job_is_remote;
  if (remote !== undefined && remote !== null && typeof remote !== "boolean") return fail("job_is_remote must be true or false");

  const min = salaryText(o.job_min_salary);
  if (min === undefined) return fail("job_min_salary must be a number or text");
  const max = salaryText(o.job_max_salary);
  if (max === undefined) return fail("job_max_salary must be a number or text");

  const postedBy = o.posted_by;
  if (postedBy !== undefined && postedBy !== null && postedBy !== "external") return fail("posted_by must be \"external\" (or absent) for imported jobs");

  if (text.job_apply_link && !/^https?:\/\//i.test(text.job_apply_link)) return fail("job_apply_link must start with http:// or https://");

  return {
    ok: true,
    row: {
      job_id: jobId,
      job_title: text.job_title ?? null,
      employer_name: text.employer_name ?? null,
      employer_logo: text.employer_logo ?? null,
      job_city: text.job_city ?? null,
      job_state: text.job_state ?? null,
      job_country: text.job_country ? text.job_country.toUpperCase() : null,
      job_posted_at_datetime_utc: postedAt,
      job_apply_link: text.job_apply_link ?? null,
      job_employment_type: employmentTypeLabel(text.job_employment_type),
      job_description: text.job_description ?? null,
      job_is_remote: typeof remote === "boolean" ? remote : null,
      job_min_salary: min,
      job_max_salary: max,
      job_salary_period: text.job_salary_period ? text.job_salary_period.toUpperCase() : null,
    },
  };
}
