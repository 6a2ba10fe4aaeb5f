/**
 * An error page of a calendar route with its ways back in the reader's language. A route that
 * failed sends no messages, so what its ErrorBoundary says comes with what was thrown:
 * `throw calendarFailure(...)` (failure.server.ts), read back here. Pure: route components use it.
 */
import { isRouteErrorResponse } from "@remix-run/react";

export interface CalendarFailure {
  status: number;
  /** What went wrong, already in the reader's language. */
  detail: string;
  /** The links after the page, their labels in the reader's language. */
  back: { to: string; label: string }[];
}

/** The failure a calendar route threw, or null for anything else (a plain Response, a crash). */
export function failureOf(error: unknown): CalendarFailure | null {
  if (!isRouteErrorResponse(error) || typeof error.data !== "object" || error.data === null) return null;
  const { detail, back } = error.data as Partial<CalendarFailure>;
  if (typeof detail !== "string" || !Array.isArray(back)) return null;
  return { status: error.status, detail, back };
}
