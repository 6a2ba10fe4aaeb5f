/** The calendar's forms, read and checked (the messages are the ones shown beside the fields). */
import { checkRange, type TimeRange } from "./time";
import { parseWeek, type WeekStart } from "./week";

export type AddFields = { day: string; start: string; end: string; kind: string };
export type AddParse =
  | { ok: true; dayOfWeek: number; range: TimeRange; isBlocked: boolean }
  | { ok: false; errors: Partial<Record<keyof AddFields, string>> };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, 40) : "";
};

export function addFieldsOf(form: FormData): AddFields {
  return { day: text(form, "day"), start: text(form, "start"), end: text(form, "end"), kind: text(form, "kind") };
}

export function parseAdd(fields: AddFields): AddParse {
  const errors: Partial<Record<keyof AddFields, string>> = {};
  const dayOfWeek = /^[0-6]$/.test(fields.day) ? Number(fields.day) : null;
  if (dayOfWeek === null) errors.day = "Choose a day of this week.";
  if (fields.kind !== "blocked" && fields.kind !== "available") errors.kind = "Choose blocked or available.";
  const range = checkRange(fields.start, fields.end);
  if (!range.ok) errors[range.field] = range.message;
  if (dayOfWeek === null || !range.ok || errors.kind) return { ok: false, errors };
  return { ok: true, dayOfWeek, range: range.range, isBlocked: fields.kind === "blocked" };
}

/** The week a form or link names (its first day, on the member's week-start day), or null (a broken link). */
export function weekOf(value: FormDataEntryValue | string | null, weekStart: WeekStart = 1): Date | null {
  return typeof value === "string" ? parseWeek(value, weekStart) : null;
}
