import { describe, expect, it } from "vitest";
import { completesEarly, roundState } from "../../app/modules/hiring/rules";

const at = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
const day = new Date("2026-12-08T10:00:00Z");
const done = new Date("2026-12-08T11:30:00Z");

describe("the state of an interview round", () => {
  it("an open round without a date reads 'Not scheduled yet' and never 'Scheduled', whatever its stored status", () => {
    for (const status of ["scheduled", "rescheduled", null]) {
      const state = roundState({ status, scheduledDate: null, completedDate: null }, at);
      expect(state.kind).toBe("unscheduled");
      expect(state.label).toBe("Not scheduled yet");
      expect(`${state.label} ${state.line}`).not.toMatch(/\bScheduled\b|Rescheduled/);
    }
  });

  it("a scheduled round says 'Scheduled' with its date, a moved one 'Rescheduled' with the new date", () => {
    expect(roundState({ status: "scheduled", scheduledDate: day, completedDate: null }, at)).toEqual({ kind: "scheduled", label: "Scheduled", line: "Scheduled for 2026-12-08 10:00" });
    expect(roundState({ status: "rescheduled", scheduledDate: day, completedDate: null }, at)).toEqual({ kind: "rescheduled", label: "Rescheduled", line: "Rescheduled to 2026-12-08 10:00" });
  });

  it("a completed or cancelled round says so, with the day it had, and never 'Not scheduled yet'", () => {
    expect(roundState({ status: "completed", scheduledDate: day, completedDate: done }, at).line).toBe("Completed on 2026-12-08 11:30 (was scheduled for 2026-12-08 10:00)");
    expect(roundState({ status: "completed", scheduledDate: null, completedDate: done }, at).line).toBe("Completed on 2026-12-08 11:30");
    expect(roundState({ status: "cancelled", scheduledDate: day, completedDate: null }, at).line).toBe("Cancelled (was scheduled for 2026-12-08 10:00)");
    expect(roundState({ status: "cancelled", scheduledDate: null, completedDate: null }, at)).toEqual({ kind: "cancelled", label: "Cancelled", line: "Cancelled" });
  });

  it("no combination of status and dates reads both 'Scheduled' and 'Not scheduled yet'", () => {
    for (const status of ["scheduled", "rescheduled", "completed", "cancelled", null])
      for (const scheduledDate of [null, day])
        for (const completedDate of [null, done]) {
          const { label, line } = roundState({ status, scheduledDate, completedDate }, at);
          const text = `${label} ${line}`;
          if (text.includes("Not scheduled yet")) expect(text.replaceAll("Not scheduled yet", "")).not.toMatch(/Scheduled|scheduled for|Rescheduled/);
          else expect(text).toMatch(/Scheduled for|Rescheduled to|Completed|Cancelled/);
        }
  });
});

describe("completing a round before its day", () => {
  it("is early only when the round has a date still to come", () => {
    const now = new Date("2026-12-07T09:00:00Z");
    expect(completesEarly(day, now)).toBe(true);
    expect(completesEarly(day, new Date(day.getTime()))).toBe(false);
    expect(completesEarly(day, new Date("2026-12-09T00:00:00Z"))).toBe(false);
    expect(completesEarly(null, now)).toBe(false);
  });
});
