/**
 * Page views wait here and are inserted in batches, so that recording one never slows a page
 * (decision 049): a batch goes when 200 rows wait, or a second after the first of them came, and
 * at shutdown (server.ts flushes before it closes the database). One batch is written at a time.
 *
 * The buffer never grows past its capacity: views that arrive when it is full are dropped and
 * counted, and a batch whose insert fails is logged and counted as lost; neither ever throws to
 * the page or crashes the process. The counters are what the next issue exports as metrics.
 */
import type { Ctx } from "~/db.server";
import { getCtx } from "~/db.server";
import { env } from "~/env.server";

export interface PageViewRow {
  id: string;
  user_id: string | null;
  session_id: string | null;
  page_path: string;
  page_title: string | null;
  referrer: string | null;
  time_on_page: number | null;
  created_at: Date;
}

export interface PageViewCounters {
  /** Rows inserted. */
  written: number;
  /** Views refused because the buffer was full. */
  dropped: number;
  /** Rows of batches whose insert failed. */
  lost: number;
}

export interface BufferOptions {
  write: (rows: PageViewRow[]) => Promise<void>;
  /** Rows per insert; a batch goes as soon as this many wait. */
  batchSize?: number;
  /** How long the first waiting row waits at most. */
  intervalMs?: number;
  /** Rows held at most (waiting plus being written). */
  capacity?: number;
  log?: (message: string) => void;
}

export const BATCH_SIZE = 200;
export const FLUSH_INTERVAL_MS = 1_000;
/** About 3 MB of rows: 50 batches behind a database that stopped answering. */
export const BUFFER_CAPACITY = 10_000;

export class PageViewBuffer {
  readonly counters: PageViewCounters = { written: 0, dropped: 0, lost: 0 };
  private waiting: PageViewRow[] = [];
  private writing: PageViewRow[] = [];
  private current: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly write: BufferOptions["write"];
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly capacity: number;
  private readonly log: (message: string) => void;

  constructor(options: BufferOptions) {
    this.write = options.write;
    this.batchSize = options.batchSize ?? BATCH_SIZE;
    this.intervalMs = options.intervalMs ?? FLUSH_INTERVAL_MS;
    this.capacity = options.capacity ?? BUFFER_CAPACITY;
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Rows waiting or being written. */
  get size(): number {
    return this.waiting.length + this.writing.length;
  }

  /** Queues a view; false (and counted) when the buffer is full. */
  add(row: PageViewRow): boolean {
    if (this.size >= this.capacity) {
      this.counters.dropped++;
      return false;
    }
    this.waiting.push(row);
    if (this.waiting.length >= this.batchSize) this.kick();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, this.intervalMs);
      this.timer.unref();
    }
    return true;
  }

  /** The views not yet handed to the database, oldest first. */
  get pending(): readonly Readonly<PageViewRow>[] {
    return this.waiting;
  }

  /** A view not yet handed to the database. */
  waitingRow(id: string): Readonly<PageViewRow> | undefined {
    return this.waiting.find((r) => r.id === id);
  }

  /** Sets the time of a view not yet handed to the database, once; false when it is not waiting. */
  setTime(id: string, seconds: number): boolean {
    const row = this.waiting.find((r) => r.id === id);
    if (!row || row.time_on_page !== null) return false;
    row.time_on_page = seconds;
    return true;
  }

  /** Whether the view is in a batch being inserted right now (its row is not readable yet). */
  isWriting(id: string): boolean {
    return this.writing.some((r) => r.id === id);
  }

  /** Resolves when the batch being written (if any) is done. */
  async settled(): Promise<void> {
    await this.current;
  }

  /** Writes everything waiting, batch by batch (shutdown, tests). Never rejects. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.current || this.waiting.length > 0) {
      if (!this.current) this.kick();
      await this.current;
    }
  }

  /** Starts writing a batch unless one is being written (it starts the next when done). */
  private kick(): void {
    if (this.current || this.waiting.length === 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.waiting.splice(0, this.batchSize);
    const rows = this.writing;
    this.current = this.write(rows)
      .then(
        () => {
          this.counters.written += rows.length;
        },
        (error: Error) => {
          this.counters.lost += rows.length;
          this.log(`Page views: a batch of ${rows.length} could not be saved and is lost (${this.counters.lost} lost so far): ${error.message}`);
        },
      )
      .finally(() => {
        this.writing = [];
        this.current = null;
        // What came meanwhile: a full batch goes now, fewer rows wait for the timer.
        if (this.waiting.length >= this.batchSize) this.kick();
        else if (this.waiting.length > 0 && !this.timer) {
          this.timer = setTimeout(() => {
            this.timer = null;
            this.kick();
          }, this.intervalMs);
          this.timer.unref();
        }
      });
  }
}

export async function insertPageViews(ctx: Ctx, rows: PageViewRow[]): Promise<void> {
  // A repeated id (a client's beacon sent twice) must not fail the other rows of its batch.
  await ctx.db.insert(ctx.t.page_views).values(rows).onConflictDoNothing();
}

declare global {
  // One buffer per process, reachable from server.ts (which flushes it at shutdown) and tests.
  var __ladderPageViews: PageViewBuffer | undefined;
}

/** This process's buffer, writing to the app's database. */
export function pageViewBuffer(): PageViewBuffer {
  return (globalThis.__ladderPageViews ??= new PageViewBuffer({ write: (rows) => insertPageViews(getCtx(), rows) }));
}

export const pageViewsOn = () => env().ANALYTICS_PAGE_VIEWS === "on";
