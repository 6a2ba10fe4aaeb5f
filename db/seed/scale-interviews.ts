/**
 * Daily mock interviews at scale (issue 19): for N members, about 4N daily_interviews (N = 100,000:
 * about 400,000) with their plans, and about 19N interview_progress rows (about 1,900,000 at
 * 100,000: most interviews answered all five questions), some skips, feedback rows for a quarter
 * of the answers, and User.interviewCount/lastInterviewDate recomputed from the rows in one SQL
 * statement.
 *
 * Scale members have no member_settings row, so their day is the UTC date (interviewDate at 00:00
 * UTC). Each member did 0 to 8 interviews (four on average), one a day at most, in runs of
 * consecutive days with gaps, the newest 1 to 60 days ago; 1 in 10 completed interviews skipped a
 * question, 1 in 20 interviews were left after two answers. Every pick comes from `mix` of the
 * member's or the interview's number, so the generator and the counts agree without keeping rows;
 * ids come from per-table uuid sequences, so a second run adds nothing (ON CONFLICT DO NOTHING).
 * Questions come from the banks (db/interview-banks, English): up to five per interview.
 */
import { sql } from "drizzle-orm";
import type { Ctx } from "../client";
import { INTERVIEW_CATEGORIES, questionsOf } from "../interview-banks";
import type { BulkRow, BulkTable } from "./bulk";
import { mix, uuidSequence } from "./random";
import * as T from "./content/text";

const DAY = 86_400_000;
const MINUTE = 60_000;
const QUESTIONS_PER_INTERVIEW = 5;

export const interviewTables = {
  daily_interviews: {
    name: "daily_interviews",
    columns: [["id", "uuid"], ["userId", "uuid"], ["interviewDate", "ts"], ["category", "text"], ["completedAt", "ts"], ["isCompleted", "bool"], ["createdAt", "ts"], ["updatedAt", "ts"]],
  },
  interview_plans: { name: "interview_plans", columns: [["daily_interview_id", "uuid"], ["question_ids", "json"], ["language", "text"]] },
  interview_skips: { name: "interview_skips", columns: [["daily_interview_id", "uuid"], ["question_id", "int"], ["skipped_at", "ts"]] },
  interview_progress: {
    name: "interview_progress",
    columns: [
      ["id", "uuid"], ["dailyInterviewId", "uuid"], ["userId", "uuid"], ["category", "text"], ["questionId", "int"], ["question", "text"],
      ["answer", "text"], ["aiFeedback", "text"], ["answeredAt", "ts"], ["createdAt", "ts"],
    ],
  },
  interview_feedback: { name: "interview_feedback", columns: [["progress_id", "uuid"], ["source", "text"], ["ai_failed", "bool"], ["updated_at", "ts"]] },
} satisfies Record<string, BulkTable>;

interface InterviewsContext {
  ctx: Ctx;
  N: number;
  t0: number;
  run: (key: string, table: BulkTable, rows: Iterable<BulkRow>, expected: number) => Promise<void>;
  ids: { user: (n: number) => string };
}

/** One scale interview: its member, day, category, questions and how far it went. */
interface ScaleInterview {
  n: number;
  user: number;
  day: number;
  category: (typeof INTERVIEW_CATEGORIES)[number];
  questionIds: number[];
  /** The question (index into questionIds) skipped, or -1. */
  skip: number;
  /** Questions answered, in order (without the skipped one). */
  answered: number;
  completed: boolean;
}

/** The days (epoch ms at 00:00 UTC) member i did an interview, newest first. */
function daysOf(i: number, today: number): number[] {
  const count = mix(i * 17 + 1) % 9;
  const days: number[] = [];
  let back = 1 + (mix(i * 17 + 2) % 60);
  for (let k = 0; k < count; k++) {
    days.push(today - back * DAY);
    // Mostly the next day back (a run), sometimes a gap of 2 to 6 days.
    back += mix(i * 17 + 3 + k) % 3 === 0 ? 2 + (mix(i * 17 + 20 + k) % 5) : 1;
  }
  return days;
}

function* interviewsOf(N: number, today: number): Generator<ScaleInterview> {
  let n = 0;
  for (let i = 0; i < N; i++) {
    for (const day of daysOf(i, today)) {
      const h = mix(n * 7 + 5);
      const category = INTERVIEW_CATEGORIES[h % INTERVIEW_CATEGORIES.length];
      const bank = questionsOf(category, "en");
      const count = Math.min(QUESTIONS_PER_INTERVIEW, bank.length);
      const start = (h >>> 8) % bank.length;
      // A step of 7 over a bank of 20 or more never repeats within five picks; over fewer it may: keep the first.
      const picked = [...new Set(Array.from({ length: count }, (_, k) => bank[(start + k * 7) % bank.length].id))];
      const left = h % 20 === 7;
      const skip = !left && h % 10 === 3 && picked.length > 1 ? picked.length - 2 : -1;
      yield { n, user: i, day, category, questionIds: picked, skip, answered: left ? Math.min(2, picked.length) : picked.length - (skip >= 0 ? 1 : 0), completed: !left };
      n++;
    }
  }
}

/** The questions an interview answered, as indexes into its plan. */
const answeredIndexes = (iv: ScaleInterview) => iv.questionIds.map((_, k) => k).filter((k) => k !== iv.skip).slice(0, iv.answered);

export async function seedInterviews({ ctx, N, t0, run, ids }: InterviewsContext): Promise<void> {
  const today = t0 - (t0 % DAY);
  const interviewId = uuidSequence("scale:daily_interview");
  const progressId = uuidSequence("scale:interview_progress");
  let interviews = 0;
  let answers = 0;
  let skips = 0;
  let feedback = 0;
  for (const iv of interviewsOf(N, today)) {
    interviews++;
    answers += iv.answered;
    if (iv.skip >= 0) skips++;
  }
  // A quarter of the answers have a feedback row; the others' feedback came before the source was kept.
  const hasRow = (p: number) => mix(p * 3 + 11) % 4 === 0;
  for (let p = 0; p < answers; p++) if (hasRow(p)) feedback++;
  const startedAt = (iv: ScaleInterview) => iv.day + (8 + (mix(iv.n) % 12)) * 60 * MINUTE;
  const doneAt = (iv: ScaleInterview) => startedAt(iv) + (iv.questionIds.length + 1) * 5 * MINUTE;

  await run("daily_interviews", interviewTables.daily_interviews, (function* () {
    for (const iv of interviewsOf(N, today)) {
      yield [interviewId(iv.n), ids.user(iv.user), iv.day, iv.category, iv.completed ? doneAt(iv) : null, iv.completed, startedAt(iv), iv.completed ? doneAt(iv) : startedAt(iv)];
    }
  })(), interviews);
  await run("interview_plans", interviewTables.interview_plans, (function* () {
    for (const iv of interviewsOf(N, today)) yield [interviewId(iv.n), JSON.stringify(iv.questionIds), "en"];
  })(), interviews);
  await run("interview_skips", interviewTables.interview_skips, (function* () {
    for (const iv of interviewsOf(N, today)) if (iv.skip >= 0) yield [interviewId(iv.n), iv.questionIds[iv.skip], startedAt(iv) + (iv.skip + 1) * 5 * MINUTE];
  })(), skips);
  await run("interview_progress", interviewTables.interview_progress, (function* () {
    let p = 0;
    for (const iv of interviewsOf(N, today)) {
      const bank = questionsOf(iv.category, "en");
      for (const k of answeredIndexes(iv)) {
        const q = bank.find((b) => b.id === iv.questionIds[k]);
        const fuller = mix(p * 5 + 1) % 5 === 0;
        const at = startedAt(iv) + (k + 1) * 5 * MINUTE;
        const feedbackText = fuller ? "Offline review: covers the example and the result; add what you learned." : "Offline review: too short; add a specific example and its result, with a number.";
        yield [progressId(p), interviewId(iv.n), ids.user(iv.user), iv.category, iv.questionIds[k], q?.text ?? "", T.interviewAnswers[iv.category][fuller ? 0 : 1], feedbackText, at, at];
        p++;
      }
    }
  })(), answers);
  await run("interview_feedback", interviewTables.interview_feedback, (function* () {
    let p = 0;
    for (const iv of interviewsOf(N, today)) {
      for (const k of answeredIndexes(iv)) {
        if (hasRow(p)) yield [progressId(p), "offline", false, startedAt(iv) + (k + 1) * 5 * MINUTE + 20_000];
        p++;
      }
    }
  })(), feedback);

  // User.interviewCount and lastInterviewDate from the completed interviews, as completing one keeps them.
  const started = performance.now();
  // On SQLite "+" keeps the isCompleted index out: without statistics it would scan every completed interview per member.
  const done = ctx.raw.kind === "pg" ? sql.raw(`d."isCompleted"`) : sql.raw(`+d."isCompleted" = 1`);
  const counters = sql`update "User" set
      "interviewCount" = (select count(*) from daily_interviews d where d."userId" = "User".id and ${done}),
      "lastInterviewDate" = (select max(d."interviewDate") from daily_interviews d where d."userId" = "User".id and ${done})
    where id in (select "userId" from daily_interviews)`;
  if (ctx.raw.kind === "pg") await ctx.db.execute(counters);
  else (ctx.db as unknown as { run: (q: typeof counters) => void }).run(counters);
  console.log(`  User interview counters: computed from the interviews in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
