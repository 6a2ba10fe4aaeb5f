/** The importer's row and file checks: what is accepted, what is refused and why. */
import { describe, expect, it } from "vitest";
import { checkImportRow, parseImportFile } from "../../app/modules/jobs/importer";

const base = { job_id: "abc123==", job_title: "Backend developer", employer_name: "Nile Payments" };

describe("Import file", () => {
  it("takes a JSON array or JSearch's {data: [...]}", () => {
    expect(parseImportFile("[1, 2]")).toEqual({ ok: true, items: [1, 2] });
    expect(parseImportFile('{"status":"OK","data":[{"job_id":"a"}]}')).toEqual({ ok: true, items: [{ job_id: "a" }] });
  });

  it("refuses text that is not JSON, and JSON that is not a list of jobs, with one sentence", () => {
    const notJson = parseImportFile("job_id,title\n1,x");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message).toMatch(/^The file is not valid JSON \(.+\)\.$/);
    for (const text of ['{"data": {}}', '"jobs"', "null", "{}"]) {
      expect(parseImportFile(text)).toEqual({ ok: false, message: 'The file must hold a JSON array of jobs, or an object whose "data" is that array (as JSearch answers).' });
    }
  });
});

describe("Import rows", () => {
  it("a full JSearch row is read: salaries as text from numbers, the date parsed, the job type named, unknown keys ignored", () => {
    const check = checkImportRow({
      ...base, job_city: " Cairo ", job_country: "eg", job_posted_at_datetime_utc: "2026-11-20T08:00:00.000Z", job_is_remote: false,
      job_min_salary: 15000, job_max_salary: "20,000", job_salary_period: "month", job_employment_type: "FULLTIME",
      job_description: "Line 1\nLine 2", job_highlights: { x: 1 }, posted_by_user_id: "someone",
    });
    expect(check).toEqual({
      ok: true,
      row: {
        job_id: "abc123==", job_title: "Backend developer", employer_name: "Nile Payments", employer_logo: null, job_city: "Cairo", job_state: null,
        job_country: "EG", job_posted_at_datetime_utc: new Date("2026-11-20T08:00:00.000Z"), job_apply_link: null, job_employment_type: "Full-time",
        job_description: "Line 1\nLine 2", job_is_remote: false, job_min_salary: "15000", job_max_salary: "20,000", job_salary_period: "MONTH",
      },
    });
  });

  it("only job_id is required; absent and empty values are stored as nothing", () => {
    const check = checkImportRow({ job_id: "only", job_title: "", job_min_salary: "" });
    expect(check).toMatchObject({ ok: true, row: { job_id: "only", job_title: null, job_min_salary: null, job_is_remote: null, job_posted_at_datetime_utc: null } });
  });

  it.each([
    [{}, null, "job_id is missing"],
    [{ job_id: "  " }, null, "job_id is missing"],
    [{ job_id: 42 }, "42", "job_id must be text"],
    [{ job_id: "x".repeat(33) }, "x".repeat(33), "job_id is longer than 32 characters"],
    [{ ...base, job_title: ["a"] }, "abc123==", "job_title must be text"],
    [{ ...base, job_posted_at_datetime_utc: "yesterday" }, "abc123==", "job_posted_at_datetime_utc must be an ISO date, e.g. 2026-11-20T08:00:00.000Z"],
    [{ ...base, job_posted_at_datetime_utc: "2026-13-45" }, "abc123==", "job_posted_at_datetime_utc is not a real date"],
    [{ ...base, job_posted_at_datetime_utc: 1700000000 }, "abc123==", "job_posted_at_datetime_utc must be an ISO date, e.g. 2026-11-20T08:00:00.000Z"],
    [{ ...base, job_is_remote: "yes" }, "abc123==", "job_is_remote must be true or false"],
    [{ ...base, job_min_salary: { amount: 1 } }, "abc123==", "job_min_salary must be a number or text"],
    [{ ...base, job_max_salary: Infinity }, "abc123==", "job_max_salary must be a number or text"],
    [{ ...base, posted_by: "alumni" }, "abc123==", 'posted_by must be "external" (or absent) for imported jobs'],
    [{ ...base, job_apply_link: "javascript:alert(1)" }, "abc123==", "job_apply_link must start with http:// or https://"],
    [{ ...base, job_description: "x".repeat(100_001) }, "abc123==", "job_description is longer than 100,000 characters"],
  ])("a row like %j is refused, naming its job_id (%s): %s", (item, jobId, reason) => {
    expect(checkImportRow(item)).toEqual({ ok: false, jobId, reason });
  });

  it("an item that is not an object is refused", () => {
    expect(checkImportRow("abc")).toEqual({ ok: false, jobId: null, reason: "not an object" });
    expect(checkImportRow([base])).toEqual({ ok: false, jobId: null, reason: "not an object" });
  });
});
