/** Posting a job, pure rules: who posts as whom, what an edit does to the review, the form's checks, the words a poster reads. */
import { describe, expect, it } from "vitest";
import {
  checkDeclineReason,
  checkPost,
  editedMessage,
  formValuesOf,
  initialPosting,
  isStaff,
  ladderJobId,
  postedMessage,
  postingStatusLabel,
  statusAfterEdit,
  type PostFormValues,
} from "../../app/modules/jobs/posting-rules";

const good: PostFormValues = {
  feed: "general",
  title: "Junior data analyst",
  employer: "Nile Analytics",
  city: "Cairo",
  state: "",
  country: "EG",
  employmentType: "Full-time",
  salaryMin: "12,000",
  salaryMax: "18000",
  salaryPeriod: "MONTH",
  description: "Clean and chart sales data.\r\nFresh graduates welcome.",
};

const errorsOf = (values: PostFormValues) => {
  const result = checkPost(values);
  if (result.ok) throw new Error("expected the post to be refused");
  return result.errors;
};

describe("who posts as whom", () => {
  it("career team and admins post as the career team, listed at once", () => {
    expect(initialPosting("career_team")).toEqual({ postedBy: "career_team", status: "approved" });
    expect(initialPosting("admin")).toEqual({ postedBy: "career_team", status: "approved" });
  });

  it("members, recruiters and moderators post as alumni and wait for approval", () => {
    for (const role of ["user", "recruiter", "moderator", null]) expect(initialPosting(role)).toEqual({ postedBy: "alumni", status: "pending" });
  });

  it("only career team and admins are staff", () => {
    expect(["user", "recruiter", "career_team", "moderator", "admin"].filter(isStaff)).toEqual(["career_team", "admin"]);
  });
});

describe("an edit and the review", () => {
  it("an alumni edit of an approved or declined post sends it back to pending; a pending one stays pending", () => {
    expect(statusAfterEdit("user", "approved")).toBe("pending");
    expect(statusAfterEdit("user", "declined")).toBe("pending");
    expect(statusAfterEdit("recruiter", "pending")).toBe("pending");
  });

  it("a staff poster's edit keeps the post's state", () => {
    expect(statusAfterEdit("career_team", "approved")).toBe("approved");
    expect(statusAfterEdit("admin", "approved")).toBe("approved");
  });

  it("a closed post cannot be edited by anyone", () => {
    expect(statusAfterEdit("user", "closed")).toBeNull();
    expect(statusAfterEdit("career_team", "closed")).toBeNull();
  });

  it("the message after an edit says whether the post left the list", () => {
    expect(editedMessage("approved", "pending")).toMatch(/off the list until the career team approves it again/);
    expect(editedMessage("declined", "pending")).toMatch(/sent to the career team for another look/);
    expect(editedMessage("pending", "pending")).toMatch(/still waiting/);
    expect(editedMessage("approved", "approved")).toBe("Changes saved.");
  });
});

describe("job ids", () => {
  it("a Ladder job id is 'ladder-' and 20 lowercase base32 characters, within the 32 of job_id", () => {
    const id = ladderJobId(new Uint8Array(Array.from({ length: 20 }, (_, i) => i * 13)));
    expect(id).toMatch(/^ladder-[a-z2-7]{20}$/);
    expect(id.length).toBeLessThanOrEqual(32);
  });

  it("different random bytes give different ids", () => {
    expect(ladderJobId(new Uint8Array(20).fill(1))).not.toBe(ladderJobId(new Uint8Array(20).fill(2)));
  });

  it("too few random bytes are refused rather than padded", () => {
    expect(() => ladderJobId(new Uint8Array(10))).toThrow();
  });
});

describe("the post form", () => {
  it("a good post is cleaned: trimmed text, unix line ends, salary as plain numbers", () => {
    const result = checkPost(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      feed: "general",
      title: "Junior data analyst",
      city: "Cairo",
      state: null,
      country: "EG",
      employmentType: "Full-time",
      remote: false,
      salaryMin: "12000",
      salaryMax: "18000",
      salaryPeriod: "MONTH",
      description: "Clean and chart sales data.\nFresh graduates welcome.",
    });
  });

  it("title, employer, employment type, feed and description are required, each with its own message", () => {
    const errors = errorsOf({ description: "  " });
    expect(Object.keys(errors).sort()).toEqual(["description", "employer", "employmentType", "feed", "title"]);
    expect(errors.title).toBe("Enter the job title.");
  });

  it("a title over 200 characters and a description over 10,000 are refused with the count", () => {
    const errors = errorsOf({ ...good, title: "x".repeat(201), description: "y".repeat(10_001) });
    expect(errors.title).toMatch(/200 characters or fewer \(it has 201\)/);
    expect(errors.description).toMatch(/10,000 characters or fewer \(it has 10,001\)/);
    expect(checkPost({ ...good, title: "x".repeat(200), description: "y".repeat(10_000) }).ok).toBe(true);
  });

  it("a salary that is not a number of 0 or more is refused", () => {
    for (const bad of ["-5", "abc", "1e5", "12.345", "99999999999"]) expect(errorsOf({ ...good, salaryMin: bad }).salaryMin).toMatch(/number of 0 or more/);
  });

  it("a salary from above the salary up to is refused at the second field", () => {
    expect(errorsOf({ ...good, salaryMin: "20000", salaryMax: "15000" }).salaryMax).toMatch(/at least the salary from/);
  });

  it("an amount needs a period and a period needs an amount", () => {
    expect(errorsOf({ ...good, salaryPeriod: "" }).salaryPeriod).toMatch(/per hour, per month or per year/);
    expect(errorsOf({ ...good, salaryMin: "", salaryMax: "" }).salaryPeriod).toMatch(/Give an amount/);
    const none = checkPost({ ...good, salaryMin: "", salaryMax: "", salaryPeriod: "" });
    expect(none.ok && none.input.salaryPeriod === null && none.input.salaryMin === null).toBe(true);
  });

  it("a country outside the list and an unknown employment type or feed are refused", () => {
    const errors = errorsOf({ ...good, country: "Egypt", employmentType: "Gig", feed: "jobs" });
    expect(errors.country).toMatch(/Choose a country/);
    expect(errors.feed).toMatch(/Choose the feed/);
  });

  it("the remote feed always marks a job remote, the part-time feed always part-time", () => {
    const remote = checkPost({ ...good, feed: "remote", remote: "" });
    expect(remote.ok && remote.input.remote).toBe(true);
    const partTime = checkPost({ ...good, feed: "part-time", employmentType: "Full-time" });
    expect(partTime.ok && partTime.input.employmentType).toBe("Part-time");
    const ticked = checkPost({ ...good, remote: "on" });
    expect(ticked.ok && ticked.input.remote).toBe(true);
  });

  it("a stored job fills the edit form with the values the form takes", () => {
    const values = formValuesOf({
      feed: "remote",
      job_title: "Support engineer",
      employer_name: "Desert Cloud",
      job_city: null,
      job_state: null,
      job_country: "JO",
      job_employment_type: "Contract",
      job_is_remote: true,
      job_min_salary: "900",
      job_max_salary: null,
      job_salary_period: "month",
      job_description: "Answer tickets.",
    });
    expect(values).toMatchObject({ feed: "remote", city: "", remote: "on", salaryPeriod: "MONTH", salaryMax: "" });
    expect(checkPost(values).ok).toBe(true);
  });
});

describe("declines and labels", () => {
  it("a decline needs a reason of at most 500 characters", () => {
    expect(checkDeclineReason("   ")).toEqual({ ok: false, error: "Tell the poster why, so they can fix the post." });
    expect(checkDeclineReason("x".repeat(501)).ok).toBe(false);
    expect(checkDeclineReason("  Add the salary.  ")).toEqual({ ok: true, reason: "Add the salary." });
  });

  it("the poster reads Listed, Waiting for approval, Declined with the reason, or Closed", () => {
    expect(postingStatusLabel("approved", null)).toBe("Listed");
    expect(postingStatusLabel("pending", null)).toBe("Waiting for approval");
    expect(postingStatusLabel("declined", "Add the salary.")).toBe("Declined: Add the salary.");
    expect(postingStatusLabel("closed", "old reason")).toBe("Closed");
  });

  it("the message after posting says what happens next", () => {
    expect(postedMessage("approved")).toMatch(/listed now/);
    expect(postedMessage("pending")).toMatch(/career team will review it/);
  });
});
