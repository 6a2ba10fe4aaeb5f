/**
 * The daily interview's pure rules (issue 19): the member's day on their own clock across time
 * zones and daylight-saving changes, when the next interview opens, the streak across a missed day
 * and across midnight, and the question number and first open question of an interview.
 */
import { describe, expect, it } from "vitest";
import { firstOpenQuestion, memberDay, nextDayStartsAt, questionNumber, streakOf } from "../../app/modules/interviews/rules";

const at = (iso: string) => new Date(iso);
const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
const HOUR = 3_600_000;

describe("memberDay", () => {
  it("is the date on the member's own clock, stored at 00:00 UTC, also when UTC is already on the next day", () => {
    // 23:30 in Los Angeles on 5 March is 07:30 UTC on 6 March.
    expect(memberDay("America/Los_Angeles", at("2026-03-06T07:30:00Z"))).toEqual(day("2026-03-05"));
    expect(memberDay("UTC", at("2026-03-06T07:30:00Z"))).toEqual(day("2026-03-06"));
  });

  it("turns to the next day at midnight in Kolkata (UTC+5:30), at 18:30 UTC", () => {
    expect(memberDay("Asia/Kolkata", at("2026-12-06T18:29:59Z"))).toEqual(day("2026-12-06"));
    expect(memberDay("Asia/Kolkata", at("2026-12-06T18:30:00Z"))).toEqual(day("2026-12-07"));
  });

  it("is a day ahead of UTC in Auckland in summer (UTC+13) and in winter (UTC+12)", () => {
    expect(memberDay("Pacific/Auckland", at("2026-12-06T10:59:00Z"))).toEqual(day("2026-12-06"));
    expect(memberDay("Pacific/Auckland", at("2026-12-06T11:00:00Z"))).toEqual(day("2026-12-07"));
    expect(memberDay("Pacific/Auckland", at("2026-07-06T11:59:00Z"))).toEqual(day("2026-07-06"));
    expect(memberDay("Pacific/Auckland", at("2026-07-06T12:00:00Z"))).toEqual(day("2026-07-07"));
  });

  it("follows Los Angeles across the spring change of 8 March 2026: the day starts at 08:00 UTC and ends at 07:00 UTC", () => {
    expect(memberDay("America/Los_Angeles", at("2026-03-08T07:59:00Z"))).toEqual(day("2026-03-07"));
    expect(memberDay("America/Los_Angeles", at("2026-03-08T08:00:00Z"))).toEqual(day("2026-03-08"));
    // 02:30 on 8 March does not exist; 10:30 UTC is 03:30 PDT, still 8 March.
    expect(memberDay("America/Los_Angeles", at("2026-03-08T10:30:00Z"))).toEqual(day("2026-03-08"));
    expect(memberDay("America/Los_Angeles", at("2026-03-09T06:59:00Z"))).toEqual(day("2026-03-08"));
    expect(memberDay("America/Los_Angeles", at("2026-03-09T07:00:00Z"))).toEqual(day("2026-03-09"));
  });

  it("follows Los Angeles across the autumn change of 1 November 2026: the repeated hour stays on 1 November", () => {
    expect(memberDay("America/Los_Angeles", at("2026-11-01T06:59:00Z"))).toEqual(day("2026-10-31"));
    expect(memberDay("America/Los_Angeles", at("2026-11-01T07:00:00Z"))).toEqual(day("2026-11-01"));
    // 01:30 happens twice: at 08:30 UTC (PDT) and at 09:30 UTC (PST).
    expect(memberDay("America/Los_Angeles", at("2026-11-01T08:30:00Z"))).toEqual(day("2026-11-01"));
    expect(memberDay("America/Los_Angeles", at("2026-11-01T09:30:00Z"))).toEqual(day("2026-11-01"));
    expect(memberDay("America/Los_Angeles", at("2026-11-02T07:59:00Z"))).toEqual(day("2026-11-01"));
    expect(memberDay("America/Los_Angeles", at("2026-11-02T08:00:00Z"))).toEqual(day("2026-11-02"));
  });
});

describe("nextDayStartsAt", () => {
  it("is the member's next midnight: 18:30 UTC for Kolkata, 11:00 UTC for Auckland in summer", () => {
    expect(nextDayStartsAt("Asia/Kolkata", at("2026-12-06T08:14:00Z"))).toEqual(at("2026-12-06T18:30:00Z"));
    expect(nextDayStartsAt("Asia/Kolkata", at("2026-12-06T18:30:00Z"))).toEqual(at("2026-12-07T18:30:00Z"));
    expect(nextDayStartsAt("Pacific/Auckland", at("2026-12-06T08:14:00Z"))).toEqual(at("2026-12-06T11:00:00Z"));
  });

  it("makes 8 March 2026 in Los Angeles 23 hours long and 1 November 2026 25 hours long", () => {
    const springStart = nextDayStartsAt("America/Los_Angeles", at("2026-03-07T20:00:00Z"));
    expect(springStart).toEqual(at("2026-03-08T08:00:00Z"));
    const springEnd = nextDayStartsAt("America/Los_Angeles", at("2026-03-08T12:00:00Z"));
    expect(springEnd).toEqual(at("2026-03-09T07:00:00Z"));
    expect(springEnd.getTime() - springStart.getTime()).toBe(23 * HOUR);

    const autumnStart = nextDayStartsAt("America/Los_Angeles", at("2026-10-31T20:00:00Z"));
    expect(autumnStart).toEqual(at("2026-11-01T07:00:00Z"));
    const autumnEnd = nextDayStartsAt("America/Los_Angeles", at("2026-11-01T09:30:00Z"));
    expect(autumnEnd).toEqual(at("2026-11-02T08:00:00Z"));
    expect(autumnEnd.getTime() - autumnStart.getTime()).toBe(25 * HOUR);
  });

  it("is always after now and on the next member day", () => {
    for (const zone of ["UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Auckland"]) {
      for (const iso of ["2026-03-08T09:59:00Z", "2026-11-01T08:59:00Z", "2026-12-31T23:59:59Z"]) {
        const now = at(iso);
        const next = nextDayStartsAt(zone, now);
        expect(next.getTime(), `${zone} ${iso}`).toBeGreaterThan(now.getTime());
        expect(memberDay(zone, next).getTime() - memberDay(zone, now).getTime(), `${zone} ${iso}`).toBe(24 * HOUR);
        expect(memberDay(zone, new Date(next.getTime() - 1)), `${zone} ${iso}`).toEqual(memberDay(zone, now));
      }
    }
  });
});

describe("streakOf", () => {
  const days = (...dates: string[]) => dates.map(day);

  it("counts consecutive days ending today, or ending yesterday while today is not done yet", () => {
    expect(streakOf(days("2026-12-04", "2026-12-05", "2026-12-06"), day("2026-12-06"))).toBe(3);
    expect(streakOf(days("2026-12-04", "2026-12-05"), day("2026-12-06"))).toBe(2);
    expect(streakOf(days("2026-12-06", "2026-12-04", "2026-12-05", "2026-12-05"), day("2026-12-06"))).toBe(3);
  });

  it("breaks at a missed day and is 0 once a whole day passed without an interview", () => {
    expect(streakOf(days("2026-12-01", "2026-12-02", "2026-12-04", "2026-12-05"), day("2026-12-05"))).toBe(2);
    expect(streakOf(days("2026-12-03", "2026-12-04"), day("2026-12-06"))).toBe(0);
    expect(streakOf([], day("2026-12-06"))).toBe(0);
  });

  it("keeps a Kolkata member's streak across their midnight and loses it a day later", () => {
    const done = days("2026-12-04", "2026-12-05");
    const zone = "Asia/Kolkata";
    // 23:59 on 5 December in Kolkata, then 00:01 on 6 December, then 00:01 on 7 December.
    expect(streakOf(done, memberDay(zone, at("2026-12-05T18:29:00Z")))).toBe(2);
    expect(streakOf(done, memberDay(zone, at("2026-12-05T18:31:00Z")))).toBe(2);
    expect(streakOf(done, memberDay(zone, at("2026-12-06T18:31:00Z")))).toBe(0);
  });

  it("keeps a Los Angeles member's streak across their midnight, which is 08:00 UTC the next day", () => {
    const done = days("2026-12-04", "2026-12-05");
    const zone = "America/Los_Angeles";
    // 23:59 on 5 December in Los Angeles is already 6 December in UTC: still 5 December for the member.
    expect(memberDay(zone, at("2026-12-06T07:59:00Z"))).toEqual(day("2026-12-05"));
    expect(streakOf(done, memberDay(zone, at("2026-12-06T07:59:00Z")))).toBe(2);
    expect(streakOf(done, memberDay(zone, at("2026-12-06T08:01:00Z")))).toBe(2);
    expect(streakOf(done, memberDay(zone, at("2026-12-07T08:01:00Z")))).toBe(0);
    // In UTC the same instants would already have broken it.
    expect(streakOf(done, memberDay("UTC", at("2026-12-07T07:59:00Z")))).toBe(0);
    expect(streakOf(done, memberDay(zone, at("2026-12-07T07:59:00Z")))).toBe(2);
  });
});

describe("questionNumber", () => {
  it("reads 1 to 5", () => {
    for (const n of [1, 2, 3, 4, 5]) expect(questionNumber(String(n))).toBe(n);
  });

  it("refuses 0, 6, 9, negatives, fractions, padded or spaced numbers, words and a missing number", () => {
    for (const raw of ["0", "6", "9", "-1", "2.5", "3.0", "03", " 3", "3e0", "three", "", undefined]) expect(questionNumber(raw), String(raw)).toBeNull();
  });

  it("follows a smaller count", () => {
    expect(questionNumber("3", 3)).toBe(3);
    expect(questionNumber("4", 3)).toBeNull();
  });
});

describe("firstOpenQuestion", () => {
  const ids = [1004, 1001, 1009, 1002, 1007];

  it("is the first question in the plan's order neither answered nor skipped, 1-based", () => {
    expect(firstOpenQuestion(ids, new Set())).toBe(1);
    expect(firstOpenQuestion(ids, new Set([1004, 1001]))).toBe(3);
    expect(firstOpenQuestion(ids, new Set([1001, 1009]))).toBe(1);
    expect(firstOpenQuestion(ids, new Set([1004, 1001, 1009, 1002]))).toBe(5);
  });

  it("is null when every question is done", () => {
    expect(firstOpenQuestion(ids, new Set(ids))).toBeNull();
    expect(firstOpenQuestion([], new Set())).toBeNull();
  });
});
