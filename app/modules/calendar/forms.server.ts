/**
 * The calendar's forms (decision 038): the zod schemas of the calendar, find-a-time, meeting and
 * time-zone actions, and their messages in one place (the ones shown beside the fields). The
 * rules' own parsers (parseWeek, parseDuration, parseSlotStart, parseWeekStart, normalizeZone,
 * rangeIssue) do the reading; the schemas say which field each message belongs to.
 */
import { z } from "zod";
import { parseDuration, parseSlotStart } from "./slots";
import { rangeIssue } from "./time";
import { parseWeek, parseWeekStart, type WeekStart } from "./week";
import { normalizeZone } from "./zone";

/** Message ids (app/locales/<lang>/calendar.json): readForm translates them; anything else says `t(CALENDAR_MESSAGES.x)`. */
export const CALENDAR_MESSAGES = {
  brokenWeek: "calendar.form.brokenWeek",
  day: "calendar.form.day",
  kind: "calendar.form.kind",
  brokenFindLink: "calendar.form.brokenFindLink",
  chooseSlot: "calendar.form.chooseSlot",
  answer: "calendar.form.answer",
  weekStart: "calendar.form.weekStart",
  timeZone: "calendar.form.timeZone",
  /** An intent no page of Ladder sends. */
  unknownForm: "calendar.form.unknownForm",
} as const;

/** An unknown `intent` says what to do in Ladder's words, not zod's "Invalid discriminator value". */
const unknownIntent = (message: string) => ({ errorMap: () => ({ message }) });

/** A text field read by one of the rules' parsers: what it yields, or `message` (also when the field is missing). */
function readBy<T>(parse: (value: string) => T | null, message: string) {
  return z.string({ required_error: message, invalid_type_error: message }).transform((value, ctx): T => {
    const out = parse(value);
    if (out === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return out;
  });
}

/** The week a form or link names (its first day, on the member's week-start day), or null (a broken link). */
export function weekOf(value: FormDataEntryValue | string | null, weekStart: WeekStart = 1): Date | null {
  return typeof value === "string" ? parseWeek(value, weekStart) : null;
}

const weekField = (weekStart: WeekStart, message: string) => readBy((value) => parseWeek(value, weekStart), message);
const typed = z.string().default("");

/**
 * /calendar's three forms: remove a block, copy last week, add a time. The add form's day, kind
 * and range are checked together so each wrong field gets its message at once.
 */
export function calendarForm(weekStart: WeekStart) {
  const week = weekField(weekStart, CALENDAR_MESSAGES.brokenWeek);
  return z
    .discriminatedUnion("intent", [
      z.object({ intent: z.literal("remove"), id: typed }),
      z.object({ intent: z.literal("copy"), week }),
      z.object({ intent: z.literal("add"), week, day: typed, start: typed, end: typed, kind: typed }),
    ], unknownIntent(CALENDAR_MESSAGES.unknownForm))
    .transform((form, ctx) => {
      if (form.intent !== "add") return form;
      const day = /^[0-6]$/.test(form.day) ? Number(form.day) : null;
      if (day === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["day"], message: CALENDAR_MESSAGES.day });
      const kind = form.kind === "blocked" || form.kind === "available" ? form.kind : null;
      if (kind === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["kind"], message: CALENDAR_MESSAGES.kind });
      const range = rangeIssue(form.start, form.end);
      if (!range.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [range.field], message: range.id, params: range.params });
      if (day === null || kind === null || !range.ok) return z.NEVER;
      return { intent: form.intent, week: form.week, dayOfWeek: day, range: range.range, isBlocked: kind === "blocked" };
    });
}

/** "Find a time": propose a slot (start) or ask for availability (intent=ask), for the week and length shown. */
export function findTimeForm(weekStart: WeekStart) {
  return z
    .object({
      week: weekField(weekStart, CALENDAR_MESSAGES.brokenFindLink),
      duration: readBy(parseDuration, CALENDAR_MESSAGES.brokenFindLink),
      intent: typed,
      start: typed,
    })
    .transform((form, ctx) => {
      const ask = form.intent === "ask";
      const start = parseSlotStart(form.start);
      if (!ask && start === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["start"], message: CALENDAR_MESSAGES.chooseSlot });
        return z.NEVER;
      }
      return { week: form.week, minutes: form.duration, slot: ask ? null : start };
    });
}

/** The invitee's answer to a proposed meeting. */
export const meetingAnswerForm = z.object({
  intent: z.enum(["accept", "decline"], { errorMap: () => ({ message: CALENDAR_MESSAGES.answer }) }).transform((intent) => (intent === "accept" ? "accepted" : "declined")),
});

/** /settings/time-zone: the zone form (no intent) and the week-start form (intent=week-start). */
export const timeZoneForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("week-start"), weekStart: readBy(parseWeekStart, CALENDAR_MESSAGES.weekStart) }),
  z.object({ intent: z.undefined(), timeZone: readBy(normalizeZone, CALENDAR_MESSAGES.timeZone) }),
], unknownIntent(CALENDAR_MESSAGES.unknownForm));
