/**
 * The slots two members share: each member's blocks as intervals of instants on their own clock,
 * free time (available minus blocked minus meetings), and the viewer's half hours where both are
 * free; also the slot a page's address names (start and length). Pure, with no server-only
 * imports: route components use it too. See docs/decisions/013-calendar-and-find-a-time.md.
 */
import { GRID_MINUTES, MINUTE_MS, parseTime } from "./time";
import { addDays } from "./week";
import { wallToInstant } from "./zone";

export const DURATIONS = [30, 45, 60, 90] as const;
export type Duration = (typeof DURATIONS)[number];
/** Slots start on the viewer's half hours. */
export const SLOT_STEP_MINUTES = 30;
export const SLOTS_SHOWN = 40;

export interface WeekBlock {
  weekStartDate: Date;
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  isBlocked: boolean;
}

export interface Interval {
  start: number;
  end: number;
}

/** A stored block as an interval of instants, read on the member's own clock. */
export function blockInterval(zone: string, block: WeekBlock): Interval | null {
  const s = parseTime(block.startTime);
  const e = parseTime(block.endTime);
  if (s === null || e === null) return null;
  const date = addDays(block.weekStartDate, block.dayOfWeek);
  const start = wallToInstant(zone, date, s);
  const end = wallToInstant(zone, date, e);
  return end > start ? { start, end } : null;
}

/** Sorted, merged intervals. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ ...next });
  }
  return out;
}

/** `from` minus `cut`; both merged. */
export function subtractIntervals(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const range of from) {
    let pieces: Interval[] = [{ ...range }];
    for (const c of cut) {
      pieces = pieces.flatMap((p) => {
        if (c.end <= p.start || c.start >= p.end) return [p];
        const kept: Interval[] = [];
        if (c.start > p.start) kept.push({ start: p.start, end: c.start });
        if (c.end < p.end) kept.push({ start: c.end, end: p.end });
        return kept;
      });
    }
    out.push(...pieces);
  }
  return out;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** When a member is free: their available blocks minus their blocked ones. */
export function freeIntervals(zone: string, blocks: readonly WeekBlock[]): Interval[] {
  const available: Interval[] = [];
  const blocked: Interval[] = [];
  for (const block of blocks) {
    const interval = blockInterval(zone, block);
    if (interval) (block.isBlocked ? blocked : available).push(interval);
  }
  return subtractIntervals(mergeIntervals(available), mergeIntervals(blocked));
}

export interface SlotSearch {
  viewerZone: string;
  /** The first day of the viewer's chosen week (their week-start day, a UTC-midnight date) */
  week: Date;
  minutes: number;
  now: number;
  /** `busy`: the member's accepted meetings, which their free time does not include. */
  mine: { zone: string; blocks: readonly WeekBlock[]; busy?: readonly Interval[] };
  theirs: { zone: string; blocks: readonly WeekBlock[]; busy?: readonly Interval[] };
}

export interface SlotResult {
  /** slot start instants, every one of them (callers cap what they show) */
  starts: number[];
  window: Interval;
  why: "ok" | "me_none" | "them_none" | "no_overlap" | "passed" | "too_short";
}

/** The viewer's week: its first day 00:00 to the same day a week later, on the viewer's clock. */
export function weekWindow(zone: string, week: Date): Interval {
  return { start: wallToInstant(zone, week, 0), end: wallToInstant(zone, addDays(week, 7), 0) };
}

/** Every start, on the viewer's half hours, where both are free for `minutes` and that has not begun. */
export function findSlots(input: SlotSearch): SlotResult {
  const window = weekWindow(input.viewerZone, input.week);
  const clip = (list: Interval[]) => intersectIntervals(list, [window]);
  const free = (side: SlotSearch["mine"]) => clip(subtractIntervals(freeIntervals(side.zone, side.blocks), mergeIntervals(side.busy ?? [])));
  const mine = free(input.mine);
  const theirs = free(input.theirs);
  if (mine.length === 0) return { starts: [], window, why: "me_none" };
  if (theirs.length === 0) return { starts: [], window, why: "them_none" };
  const both = intersectIntervals(mine, theirs);
  if (both.length === 0) return { starts: [], window, why: "no_overlap" };
  const length = input.minutes * MINUTE_MS;
  const step = SLOT_STEP_MINUTES * MINUTE_MS;
  const starts: number[] = [];
  let fits = false;
  for (const free of both) {
    // Steps from the window's start keep slots on the viewer's half hours.
    let t = window.start + Math.ceil((free.start - window.start) / step) * step;
    for (; t + length <= free.end; t += step) {
      fits = true;
      if (t >= input.now) starts.push(t);
    }
  }
  return { starts, window, why: starts.length > 0 ? "ok" : fits ? "passed" : "too_short" };
}

/** "2026-12-02T08:00:00Z" or with milliseconds -> instant on a 15-minute mark; null otherwise. */
export function parseSlotStart(value: string | null | undefined): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z$/.test(value ?? "")) return null;
  const t = Date.parse(value!);
  if (!Number.isFinite(t) || t % (GRID_MINUTES * MINUTE_MS) !== 0) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 2000 && year <= 2100 ? t : null;
}

export function parseDuration(value: string | null | undefined): Duration | null {
  const n = Number(value);
  return (DURATIONS as readonly number[]).includes(n) && /^\d+$/.test(value ?? "") ? (n as Duration) : null;
}

/** The slot a link names (`?start=…&minutes=…`, as the find-a-time page writes them), or null. */
export function slotOfLink(params: URLSearchParams): { start: number; minutes: Duration } | null {
  const start = parseSlotStart(params.get("start"));
  const minutes = parseDuration(params.get("minutes"));
  return start === null || minutes === null ? null : { start, minutes };
}
