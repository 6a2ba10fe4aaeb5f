/**
 * A UTC day's figures (issue 20, decision 048): the daily_activity_summaries row and the day's
 * counts by dimension (analytics_daily_counts), computed from raw rows. The summary job, the CLI,
 * the demo seed and the dashboard's "today" all use these, so a day reads the same everywhere.
 * Lives in db/ because the seeds use it (db/ never imports app/).
 */
import type { Ctx } from "../client";

/** What a dimension's keys are: a page path, a referrer (origin and path), a session's device, browser or system, a feature, a feature's action ("feature.action"). */
export type Dimension = "page" | "referrer" | "device" | "browser" | "os" | "feature" | "action";

export type DaySummary = {
  /** The UTC day, at 00:00 UTC. */
  date: Date;
  totalUsersActive: number;
  totalSessions: number;
  totalPageViews: number;
  totalActions: number;
  newRegistrations: number;
  newConnections: number;
  newPosts: number;
  newJobApplications: number;
  newSkillAttempts: number;
  newCommunityJoins: number;
};

export type DimensionCount = { dimension: Dimension; key: string; count: number };

export type DayFigures = { summary: DaySummary; counts: DimensionCount[] };

/** 00:00 UTC of the day `at` falls in. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The figures of the UTC day starting at `day` (00:00 UTC), read from raw rows; writes nothing. */
export async function figuresForDay(_ctx: Ctx, _day: Date): Promise<DayFigures> {
  throw new Error("figuresForDay: not built yet (issue 20, summaries lane)");
}

/** Stores a day's figures: an upsert by date, and the day's dimension counts replaced. Idempotent. */
export async function saveDayFigures(_ctx: Ctx, _figures: DayFigures): Promise<void> {
  throw new Error("saveDayFigures: not built yet (issue 20, summaries lane)");
}
