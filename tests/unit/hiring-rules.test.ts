import { describe, expect, it } from "vitest";
import { addRoundSchema, completeRoundSchema, statusFormSchema } from "../../app/modules/hiring/forms.server";
import {
  canActOnRound,
  checkStatusChange,
  isStaff,
  isStatusFilter,
  nextRoundNumber,
  parseLocalDateTime,
  parseScore,
  rescheduledStatus,
  statusLabel,
  statusMail,
  statusNotification,
} from "../../app/modules/hiring/rules";

describe("status changes", () => {
  it("allows any status to move to any other, backwards included", () => {
    expect(checkStatusChange({ status: "rejected", feedback: null, withdrawn: false }, { status: "reviewing", feedback: null })).toEqual({ ok: true, statusChanged: true, feedbackChanged: false });
    expect(checkStatusChange({ status: "pending", feedback: null, withdrawn: false }, { status: "hired", feedback: "Welcome" })).toEqual({ ok: true, statusChanged: true, feedbackChanged: true });
  });

  it("refuses every change to a withdrawn application", () => {
    expect(checkStatusChange({ status: "interviewing", feedback: null, withdrawn: true }, { status: "offered", feedback: null })).toEqual({ ok: false, reason: "withdrawn" });
  });

  it("counts new feedback with the same status as a change, and the same status and feedback as none", () => {
    expect(checkStatusChange({ status: "reviewing", feedback: null, withdrawn: false }, { status: "reviewing", feedback: "Nice" })).toEqual({ ok: true, statusChanged: false, feedbackChanged: true });
    expect(checkStatusChange({ status: "reviewing", feedback: "Nice", withdrawn: null }, { status: "reviewing", feedback: "Nice" })).toEqual({ ok: false, reason: "unchanged" });
    expect(checkStatusChange({ status: null, feedback: null, withdrawn: false }, { status: "pending", feedback: null })).toEqual({ ok: false, reason: "unchanged" });
  });

  it("reads a withdrawn application as Withdrawn whatever its stored status", () => {
    expect(statusLabel("offered", true)).toBe("Withdrawn");
    expect(statusLabel("offered", false)).toBe("Offered");
    expect(statusLabel(null, null)).toBe("Pending");
  });

  it("knows the filters and who is staff", () => {
    expect(["all", "withdrawn", "hired"].every(isStatusFilter)).toBe(true);
    expect(isStatusFilter("sleeping")).toBe(false);
    expect(isStaff("career_team") && isStaff("admin")).toBe(true);
    expect(isStaff("recruiter") || isStaff("moderator") || isStaff(null)).toBe(false);
  });
});

describe("the applicant's notification and email", () => {
  const job = { title: "Data Analyst", employer: "Nile Analytics" };
  it("says the new status, with the feedback", () => {
    const text = statusNotification(job, { status: "shortlisted", statusChanged: true, feedback: "Strong SQL." });
    expect(text.message).toBe("Your application for Data Analyst at Nile Analytics is now Shortlisted. Feedback: Strong SQL.");
    expect(text.title).toBe("Application shortlisted");
  });

  it("says there is new feedback when only the feedback changed, and copes with a job without a title or employer", () => {
    expect(statusNotification({ title: null, employer: " " }, { status: "reviewing", statusChanged: false, feedback: "Soon." }).message).toBe(
      "Your application for a job has new feedback (status: Reviewing). Feedback: Soon.",
    );
  });

  it("mails the subject the owner asked for and a link to the application", () => {
    const mail = statusMail({ to: "a@example.test", name: "Amal", job, status: "offered", statusChanged: true, feedback: null, link: "https://l.test/applications/1" });
    expect(mail.subject).toBe("Your application for Data Analyst at Nile Analytics is now Offered");
    expect(mail.text).toContain("Hello Amal,");
    expect(mail.text).toContain("https://l.test/applications/1");
    expect(mail.text).not.toContain("Feedback from");
  });
});

describe("interview rounds", () => {
  it("numbers a new round one past the highest, gaps and all", () => {
    expect(nextRoundNumber([])).toBe(1);
    expect(nextRoundNumber([1, 2])).toBe(3);
    expect(nextRoundNumber([3, 1])).toBe(4);
  });

  it("lets only open rounds change, and a first scheduling stay 'scheduled'", () => {
    expect(canActOnRound("scheduled", "complete")).toBe(true);
    expect(canActOnRound("rescheduled", "cancel")).toBe(true);
    expect(canActOnRound("completed", "reschedule")).toBe(false);
    expect(canActOnRound("cancelled", "complete")).toBe(false);
    expect(rescheduledStatus(false)).toBe("scheduled");
    expect(rescheduledStatus(true)).toBe("rescheduled");
  });

  it("takes scores 1 to 10 and refuses 0, 11, fractions, words and nothing", () => {
    expect(parseScore("1")).toEqual({ ok: true, score: 1 });
    expect(parseScore(" 10 ")).toEqual({ ok: true, score: 10 });
    for (const bad of ["0", "11", "7.5", "x", "", "-3", "007"]) expect(parseScore(bad).ok).toBe(false);
    expect(completeRoundSchema.safeParse({ score: "11", feedback: "" }).success).toBe(false);
    expect(completeRoundSchema.parse({ score: "9", feedback: " ok " })).toEqual({ score: 9, notes: null, feedback: "ok" });
    expect(completeRoundSchema.parse({ score: "9", notes: " private\r\nline ", feedback: "" })).toEqual({ score: 9, notes: "private\nline", feedback: null });
  });

  it("reads a local date and time in the member's zone as a UTC instant", () => {
    expect(parseLocalDateTime("2026-12-03", "10:30", "Asia/Amman")).toEqual({ ok: true, at: new Date("2026-12-03T07:30:00.000Z") });
    expect(parseLocalDateTime("2026-12-03", "10:30", "Asia/Kolkata")).toEqual({ ok: true, at: new Date("2026-12-03T05:00:00.000Z") });
    expect(parseLocalDateTime("", "", "UTC")).toEqual({ ok: true, at: null });
  });

  it("names the field that is wrong: half a date, an impossible day, a malformed time, a required day left out", () => {
    expect(parseLocalDateTime("2026-12-03", "", "UTC")).toEqual({ ok: false, errors: { time: "Choose the time as well as the day." } });
    expect(parseLocalDateTime("", "10:00", "UTC")).toEqual({ ok: false, errors: { date: "Choose the day as well as the time." } });
    const impossible = parseLocalDateTime("2026-02-30", "25:00", "UTC");
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) {
      expect(impossible.errors.date).toContain("does not exist");
      expect(impossible.errors.time).toContain("HH:MM");
    }
    expect(parseLocalDateTime("", "", "UTC", { required: true })).toEqual({ ok: false, errors: { date: "Choose the day of the interview." } });
    expect(parseLocalDateTime("1999-01-01", "10:00", "UTC").ok).toBe(false);
  });

  it("checks the add-round form: a known kind, an interviewer name of at most 255 characters and a real email", () => {
    expect(addRoundSchema.parse({ roundType: "hr", interviewerName: "  ", interviewerEmail: "Sam@Example.TEST" })).toEqual({ roundType: "hr", interviewerName: null, interviewerEmail: "sam@example.test" });
    expect(addRoundSchema.safeParse({ roundType: "coffee", interviewerName: "", interviewerEmail: "" }).success).toBe(false);
    expect(addRoundSchema.safeParse({ roundType: "hr", interviewerName: "n".repeat(256), interviewerEmail: "" }).success).toBe(false);
    expect(addRoundSchema.safeParse({ roundType: "hr", interviewerName: "", interviewerEmail: "nope" }).success).toBe(false);
  });

  it("checks the status form: a listed status, feedback of at most 5,000 characters and the form's version", () => {
    expect(statusFormSchema.parse({ status: "hired", feedback: "", updatedAt: "1764000000000" })).toEqual({ status: "hired", feedback: null, updatedAt: "1764000000000" });
    expect(statusFormSchema.safeParse({ status: "withdrawn", feedback: "", updatedAt: "1" }).success).toBe(false);
    expect(statusFormSchema.safeParse({ status: "hired", feedback: "a".repeat(5001), updatedAt: "1" }).success).toBe(false);
    expect(statusFormSchema.safeParse({ status: "hired", feedback: "", updatedAt: "yesterday" }).success).toBe(false);
  });
});
