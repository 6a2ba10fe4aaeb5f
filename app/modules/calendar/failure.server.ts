/** What a calendar route throws for its error page: the detail and the ways back, in the reader's language (see failure.ts). */
import { data } from "@remix-run/node";
import type { CalendarFailure } from "./failure";

export function calendarFailure(status: number, detail: string, back: CalendarFailure["back"] = []) {
  return data({ detail, back }, { status });
}
