/**
 * When the daily summaries are computed (issue 20, decision 048), once per app instance (server.ts
 * starts it in the primary process, which with several workers serves nothing).
 *
 * - PostgreSQL: pg-boss. A cron schedule (00:15 UTC) whose job sends one job per missing day with
 *   the date as singletonKey on a "stately" queue (at most one queued job per date), then purges
 *   old page views. pg-boss fetches with SKIP LOCKED and fires a cron once across instances, so
 *   with several app instances on one database each day is computed once; a failed day is retried
 *   with backoff. At start, the missing days are sent once too (a server that was down catches up).
 * - SQLite (one process): catch up at start, then once a day at 00:15 UTC on an unref'd timer.
 */
import PgBoss from "pg-boss";
import { utcDay } from "../../../db/analytics/day-figures";
import { closeCtx, createCtx, dialectOf, type Ctx } from "../../../db/client";
import { DAY_MS, missingDays, purgeOldPageViews, summarizeDay, summarizeMissingDays } from "./summaries.server";

export const DAILY_QUEUE = "analytics-daily";
export const DAY_QUEUE = "analytics-summarize-day";
/** Minutes after 00:00 UTC: late page views of the day before (buffered writes) are in by then. */
export const RUN_AT_MINUTE = 15;
const RETRY_AFTER_FAILURE_MS = 15 * 60 * 1000;

export interface SchedulerOptions {
  databaseUrl: string;
  retentionDays: number;
  log?: (line: string) => void;
  /** The clock (tests). */
  now?: () => Date;
}

export interface AnalyticsScheduler {
  /** Ends the schedule; a day being computed finishes first (pg-boss's graceful stop). */
  stop(): Promise<void>;
  /** Runs since start (completed, failed) and jobs waiting in pg-boss's queue (null on SQLite): the metrics. */
  stats(): Promise<{ completed: number; failed: number; queued: number | null }>;
}

/** Counts a job's outcome (the schedule's stats) and passes a failure on (pg-boss retries it). */
async function counted(runs: { completed: number; failed: number }, job: () => Promise<void>): Promise<void> {
  try {
    await job();
    runs.completed++;
  } catch (error) {
    runs.failed++;
    throw error;
  }
}

export function startAnalyticsScheduler(options: SchedulerOptions): Promise<AnalyticsScheduler> {
  return dialectOf(options.databaseUrl) === "pg" ? startPgBoss(options) : Promise.resolve(startTimer(options));
}

/** ms from `now` to the next 00:15 UTC. */
export function msUntilNextRun(now: Date): number {
  const today = utcDay(now).getTime() + RUN_AT_MINUTE * 60_000;
  const next = now.getTime() < today ? today : today + DAY_MS;
  return next - now.getTime();
}

function startTimer({ databaseUrl, retentionDays, log = console.log, now = () => new Date() }: SchedulerOptions): AnalyticsScheduler {
  const ctx = createCtx(databaseUrl);
  const runs = { completed: 0, failed: 0 };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const plan = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => (running = run()), ms);
    // The schedule never keeps the process alive on its own.
    timer.unref();
  };
  const run = async () => {
    try {
      const at = now();
      let days: Date[] = [];
      let purged = 0;
      await counted(runs, async () => {
        days = await summarizeMissingDays(ctx, at);
        purged = await purgeOldPageViews(ctx, at, retentionDays);
      });
      if (days.length > 0 || purged > 0) log(`Analytics: ${days.length} day(s) summarised, ${purged} old page view(s) deleted.`);
      plan(msUntilNextRun(now()));
    } catch (error) {
      log(`Analytics: the daily summary failed (${(error as Error).message}); trying again in 15 minutes.`);
      plan(RETRY_AFTER_FAILURE_MS);
    }
  };
  running = run();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await closeCtx(ctx);
    },
    stats: () => Promise.resolve({ ...runs, queued: null }),
  };
}

/** The pg-boss instance and queues an app instance uses (exported for the two-instance test). */
export async function openBoss(databaseUrl: string, ctx: Ctx, { retentionDays, log = console.log, now = () => new Date() }: Omit<SchedulerOptions, "databaseUrl">) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, application_name: "ladder-analytics" });
  const runs = { completed: 0, failed: 0 };
  boss.on("error", (error: Error) => log(`Analytics job queue: ${error.message}`));
  await boss.start();
  await ensureQueue(boss, { name: DAY_QUEUE, policy: "stately", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 });
  await ensureQueue(boss, { name: DAILY_QUEUE, policy: "stately", retryLimit: 3, retryDelay: 300, retryBackoff: true });

  /** Sends a job for every missing day; a date already queued by another instance is skipped. */
  const sendMissingDays = async () => {
    const days = await missingDays(ctx, now());
    for (const day of days) {
      const date = day.toISOString().slice(0, 10);
      await boss.send(DAY_QUEUE, { date }, { singletonKey: date });
    }
    return days.length;
  };
  const workDays = () =>
    boss.work<{ date: string }>(DAY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      await counted(runs, () => summarizeDay(ctx, new Date(`${job.data.date}T00:00:00Z`)));
      log(`Analytics: summarised ${job.data.date}.`);
    });
  const workDaily = () =>
    boss.work(DAILY_QUEUE, { batchSize: 1 }, async () => {
      await counted(runs, async () => {
        await sendMissingDays();
        // Only days with a summary lose their raw views: a day still queued keeps them until a later run.
        const purged = await purgeOldPageViews(ctx, now(), retentionDays);
        if (purged > 0) log(`Analytics: ${purged} old page view(s) deleted.`);
      });
    });
  return { boss, runs, sendMissingDays, workDays, workDaily };
}

/**
 * Creates a queue unless it exists. Two instances starting at once deadlock in pg-boss's
 * create_queue (each creates the queue's partition; measured in the two-instance test):
 * PostgreSQL aborts one, which tries again and finds the queue made.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

async function startPgBoss(options: SchedulerOptions): Promise<AnalyticsScheduler> {
  const ctx = createCtx(options.databaseUrl, { poolSize: 2 });
  const { boss, runs, sendMissingDays, workDays, workDaily } = await openBoss(options.databaseUrl, ctx, options);
  await boss.schedule(DAILY_QUEUE, `${RUN_AT_MINUTE} 0 * * *`, {}, { tz: "UTC" });
  await workDays();
  await workDaily();
  await sendMissingDays();
  return {
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 1500 });
      await closeCtx(ctx);
    },
    stats: async () => ({ ...runs, queued: (await boss.getQueueSize(DAY_QUEUE)) + (await boss.getQueueSize(DAILY_QUEUE)) }),
  };
}
