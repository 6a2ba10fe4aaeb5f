/**
 * Taking a skill test (issue 18, items 1 to 3; docs/decisions/045-skills.md):
 *
 * - `/skills` lists every skill that is not retired with the member's row of skill_bests.
 * - Starting a test stores a draw (skill_draws): up to QUESTIONS_PER_TEST questions that are not
 *   retired, picked with the operating system's random generator, each with its options in a
 *   shuffled display order and a snapshot of its words, right answer and explanation. A member
 *   has at most one open draw per skill (unused, younger than DRAW_TTL_MS): starting again opens
 *   it, so nobody draws again and again until the questions they know come up.
 * - Grading is one transaction that stores one skill_attempts row and claims the draw
 *   (`UPDATE skill_draws SET attempt_id … WHERE attempt_id IS NULL`): the attempt is inserted
 *   first, then the claim; when the claim finds the draw taken the transaction is rolled back, so
 *   a replayed or concurrent submit stores nothing. On PostgreSQL an advisory lock per member and
 *   skill serialises the submits, so the 3-in-24-hours limit is counted on committed rows.
 * - Every read and write names the member in its WHERE: another member's draw or attempt is
 *   simply not found.
 */
import { randomInt, randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { DrawnQuestion } from "../../../db/schema";
import { recordBest } from "./bests.server";
import { grade, readAnswers, type Tamper } from "./grading";
import { ATTEMPT_WINDOW_MS, DAILY_ATTEMPTS, nextAttemptAt, QUESTIONS_PER_TEST } from "./rules";

/** A draw may be answered within a day of being drawn; after that the page says to start again. */
export const DRAW_TTL_MS = 24 * 60 * 60 * 1000;
/** The most skills /skills lists (all of them, in practice: the bank holds a few dozen). */
export const SKILLS_LIST_LIMIT = 200;

export interface SkillRow {
  id: number;
  name: string;
  description: string;
  best: { score: number; total: number; attemptId: number | null } | null;
  attempts: number;
  lastAttemptAt: Date | null;
}

/** Every skill that is not retired, by name, with `userId`'s best, attempts and last try (none for visitors). */
export async function listSkills(ctx: Ctx, userId: string | null): Promise<SkillRow[]> {
  const rows = await listSkillsQuery(ctx, userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description ?? "",
    best: r.bestScore !== null && r.bestTotal !== null ? { score: r.bestScore, total: r.bestTotal, attemptId: r.bestAttemptId } : null,
    attempts: r.attempts ?? 0,
    lastAttemptAt: r.lastAttemptAt ?? null,
  }));
}

/** The query of /skills (tests/integration/skills-take-plan.test.ts reads its plan). */
export function listSkillsQuery(ctx: Ctx, userId: string | null) {
  const { skills: s, skill_details: d, skill_bests: b } = ctx.t;
  return ctx.db
    .select({
      id: s.id,
      name: s.name,
      description: d.description,
      bestScore: b.best_score,
      bestTotal: b.best_total,
      bestAttemptId: b.best_attempt_id,
      attempts: b.attempts,
      lastAttemptAt: b.last_attempt_at,
    })
    .from(s)
    .leftJoin(d, eq(d.skill_id, s.id))
    // A visitor's join matches nothing (no member has the empty id), so one query serves both.
    .leftJoin(b, and(eq(b.skill_id, s.id), userId ? eq(b.user_id, userId) : sql`false`))
    .where(isNull(d.retired_at))
    .orderBy(asc(s.name), asc(s.id))
    .limit(SKILLS_LIST_LIMIT);
}

export interface SkillInfo {
  id: number;
  name: string;
  description: string;
  retired: boolean;
  /** Questions that may be drawn (not retired). */
  questions: number;
}

/** The skill and how many questions it can draw from; null when there is no such skill. */
export async function skillInfo(ctx: Ctx, skillId: number): Promise<SkillInfo | null> {
  const { skills: s, skill_details: d, skill_questions: q, skill_question_details: qd } = ctx.t;
  const [row] = await ctx.db
    .select({ id: s.id, name: s.name, description: d.description, retiredAt: d.retired_at })
    .from(s)
    .leftJoin(d, eq(d.skill_id, s.id))
    .where(eq(s.id, skillId))
    .limit(1);
  if (!row) return null;
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(q)
    .leftJoin(qd, eq(qd.question_id, q.id))
    .where(and(eq(q.skillId, skillId), isNull(qd.retired_at)));
  return { id: row.id, name: row.name, description: row.description ?? "", retired: row.retiredAt !== null, questions: count?.n ?? 0 };
}

/** When `userId`'s graded attempts at the skill within the last 24 hours were made (the (userId, skillId) index). */
export async function recentAttemptTimes(ctx: Ctx, userId: string, skillId: number, now: Date): Promise<Date[]> {
  const rows = await recentAttemptsQuery(ctx, userId, skillId, now);
  return rows.map((r) => r.at);
}

export function recentAttemptsQuery(ctx: Ctx, userId: string, skillId: number, now: Date) {
  const a = ctx.t.skill_attempts;
  return ctx.db
    .select({ at: a.createdAt })
    .from(a)
    .where(and(eq(a.userId, userId), eq(a.skillId, skillId), gt(a.createdAt, new Date(now.getTime() - ATTEMPT_WINDOW_MS))));
}

/** The member's open draw of the skill (unused, not expired), if any. */
async function openDraw(ctx: Ctx, userId: string, skillId: number, now: Date): Promise<string | null> {
  const dr = ctx.t.skill_draws;
  const [row] = await ctx.db
    .select({ id: dr.id })
    .from(dr)
    .where(and(eq(dr.user_id, userId), eq(dr.skill_id, skillId), gt(dr.created_at, new Date(now.getTime() - DRAW_TTL_MS)), isNull(dr.attempt_id)))
    .orderBy(desc(dr.created_at))
    .limit(1);
  return row?.id ?? null;
}

export interface TestIntro {
  skill: SkillInfo;
  /** Attempts left in the rolling 24 hours. */
  attemptsLeft: number;
  /** When the next attempt is possible, when none is left now. */
  nextAt: Date | null;
  /** The member's open draw (a test started and not submitted). */
  openDrawId: string | null;
}

/** What the test's first page shows the member; null when there is no such skill. */
export async function testIntro(ctx: Ctx, userId: string, skillId: number, now = new Date()): Promise<TestIntro | null> {
  const skill = await skillInfo(ctx, skillId);
  if (!skill) return null;
  const times = await recentAttemptTimes(ctx, userId, skillId, now);
  const nextAt = nextAttemptAt(times, now);
  return { skill, attemptsLeft: Math.max(0, DAILY_ATTEMPTS - times.length), nextAt, openDrawId: await openDraw(ctx, userId, skillId, now) };
}

/** Fisher-Yates with the operating system's generator (node:crypto randomInt). */
export function secureShuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type StartOutcome =
  | { kind: "started"; drawId: string }
  | { kind: "not_found" }
  | { kind: "retired" }
  | { kind: "empty" }
  | { kind: "limited"; nextAt: Date };

/**
 * Starts a test: the member's open draw if they have one, else a new draw of up to 10 questions
 * that are not retired. Refused when the skill is retired, has no questions, or the member made
 * their 3 attempts in the last 24 hours.
 */
export async function startTest(ctx: Ctx, userId: string, skillId: number, now = new Date()): Promise<StartOutcome> {
  return withTx(ctx, async (tx): Promise<StartOutcome> => {
    await lockMemberSkill(tx, userId, skillId);
    const skill = await skillInfo(tx, skillId);
    if (!skill) return { kind: "not_found" };
    if (skill.retired) return { kind: "retired" };
    const nextAt = nextAttemptAt(await recentAttemptTimes(tx, userId, skillId, now), now);
    if (nextAt) return { kind: "limited", nextAt };
    const open = await openDraw(tx, userId, skillId, now);
    if (open) return { kind: "started", drawId: open };
    const { skill_questions: q, skill_question_details: qd } = tx.t;
    const bank = await tx.db
      .select({ id: q.id, question: q.question, options: q.options, correctIndex: q.correctIndex, explanation: qd.explanation })
      .from(q)
      .leftJoin(qd, eq(qd.question_id, q.id))
      .where(and(eq(q.skillId, skillId), isNull(qd.retired_at)));
    if (bank.length === 0) return { kind: "empty" };
    const questions: DrawnQuestion[] = secureShuffle(bank)
      .slice(0, QUESTIONS_PER_TEST)
      .map((row) => ({
        questionId: row.id,
        question: row.question,
        options: [...row.options],
        correctIndex: row.correctIndex,
        explanation: row.explanation ?? "",
        shownOrder: secureShuffle(row.options.map((_, i) => i)),
      }));
    const drawId = randomUUID();
    await tx.db.insert(tx.t.skill_draws).values({ id: drawId, user_id: userId, skill_id: skillId, questions, created_at: now });
    await track(tx, { userId, type: "skill_test_started", metadata: { skillId }, at: now });
    return { kind: "started", drawId };
  });
}

/** One question as the test page shows it: the options in their shown order, each with its stored index. Never the answer. */
export interface ShownQuestion {
  questionId: number;
  question: string;
  options: { index: number; text: string }[];
}

export type DrawView =
  | { kind: "open"; drawId: string; questions: ShownQuestion[] }
  | { kind: "not_found" }
  | { kind: "used"; attemptId: number }
  | { kind: "expired" };

interface DrawRow {
  id: string;
  questions: DrawnQuestion[];
  attemptId: number | null;
  createdAt: Date;
}

/** `userId`'s draw of the skill (the member and the skill are in the WHERE); null for anyone else's. */
async function readDraw(ctx: Ctx, userId: string, skillId: number, drawId: string): Promise<DrawRow | null> {
  const dr = ctx.t.skill_draws;
  const [row] = await ctx.db
    .select({ id: dr.id, questions: dr.questions, attemptId: dr.attempt_id, createdAt: dr.created_at })
    .from(dr)
    .where(and(eq(dr.id, drawId), eq(dr.user_id, userId), eq(dr.skill_id, skillId)))
    .limit(1);
  return row ?? null;
}

const expired = (draw: DrawRow, now: Date) => draw.createdAt.getTime() <= now.getTime() - DRAW_TTL_MS;

export function shownQuestions(questions: readonly DrawnQuestion[]): ShownQuestion[] {
  return questions.map((q) => ({
    questionId: q.questionId,
    question: q.question,
    options: q.shownOrder.filter((i) => i >= 0 && i < q.options.length).map((index) => ({ index, text: q.options[index] })),
  }));
}

/** The draw's page for its member: the questions to answer, or why not (another's, used, expired). */
export async function drawView(ctx: Ctx, userId: string, skillId: number, drawId: string, now = new Date()): Promise<DrawView> {
  const draw = await readDraw(ctx, userId, skillId, drawId);
  if (!draw) return { kind: "not_found" };
  if (draw.attemptId !== null) return { kind: "used", attemptId: draw.attemptId };
  if (expired(draw, now)) return { kind: "expired" };
  return { kind: "open", drawId: draw.id, questions: shownQuestions(draw.questions) };
}

export type SubmitOutcome =
  | { kind: "graded"; attemptId: number; score: number; total: number }
  | { kind: "confirm"; unanswered: number; answers: Record<string, number> }
  | { kind: "not_found" }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "tampered"; tamper: Tamper; field: string }
  | { kind: "limited"; nextAt: Date };

/** Thrown inside the grading transaction when the draw was claimed first: everything rolls back. */
class DrawTaken extends Error {}

async function lockMemberSkill(tx: Ctx, userId: string, skillId: number): Promise<void> {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`skill-attempts:${userId}:${skillId}`}))`);
}

/**
 * Grades `userId`'s draw with the submitted form fields (`entries`, every name and value as sent).
 * A field for a question outside the draw, a question answered twice or an option outside 0 to 3
 * refuses the whole submit (nothing stored). With questions left unanswered and no `confirmed`,
 * nothing is stored and the page asks again. Otherwise one transaction stores the attempt, claims
 * the draw, updates the member's best and records the usage.
 */
export async function submitTest(
  ctx: Ctx,
  userId: string,
  skillId: number,
  drawId: string,
  entries: Iterable<[string, unknown]>,
  confirmed: boolean,
  now = new Date(),
): Promise<SubmitOutcome> {
  const draw = await readDraw(ctx, userId, skillId, drawId);
  if (!draw) return { kind: "not_found" };
  if (draw.attemptId !== null) return { kind: "used" };
  if (expired(draw, now)) return { kind: "expired" };
  const read = readAnswers(draw.questions, entries);
  if (!read.ok) return { kind: "tampered", tamper: read.tamper, field: read.field };
  if (read.unanswered > 0 && !confirmed) {
    return { kind: "confirm", unanswered: read.unanswered, answers: Object.fromEntries([...read.answers].map(([id, index]) => [String(id), index])) };
  }
  const graded = grade(draw.questions, read.answers);
  try {
    return await withTx(ctx, async (tx): Promise<SubmitOutcome> => {
      await lockMemberSkill(tx, userId, skillId);
      const dr = tx.t.skill_draws;
      const [state] = await tx.db.select({ attemptId: dr.attempt_id }).from(dr).where(and(eq(dr.id, drawId), eq(dr.user_id, userId)));
      if (!state) return { kind: "not_found" };
      if (state.attemptId !== null) return { kind: "used" };
      const nextAt = nextAttemptAt(await recentAttemptTimes(tx, userId, skillId, now), now);
      if (nextAt) return { kind: "limited", nextAt };
      const a = tx.t.skill_attempts;
      const [attempt] = await tx.db
        .insert(a)
        .values({ userId, skillId, score: graded.score, total: graded.total, selectedAnswers: graded.selectedAnswers, createdAt: now })
        .returning({ id: a.id });
      const claimed = await tx.db
        .update(dr)
        .set({ attempt_id: attempt.id })
        .where(and(eq(dr.id, drawId), eq(dr.user_id, userId), isNull(dr.attempt_id)))
        .returning({ id: dr.id });
      if (claimed.length === 0) throw new DrawTaken();
      await recordBest(tx, { id: attempt.id, userId, skillId, score: graded.score, total: graded.total, createdAt: now });
      await track(tx, { userId, type: "skill_attempt", metadata: { skillId, score: graded.score, total: graded.total }, at: now });
      return { kind: "graded", attemptId: attempt.id, score: graded.score, total: graded.total };
    });
  } catch (error) {
    if (error instanceof DrawTaken) return { kind: "used" };
    throw error;
  }
}

export interface ResultQuestion {
  questionId: number;
  question: string;
  /** The options in the order the member saw them, each with its stored index. */
  options: { index: number; text: string }[];
  chosen: number;
  correctIndex: number;
  explanation: string;
}

export interface AttemptResult {
  id: number;
  skillId: number;
  skillName: string;
  skillRetired: boolean;
  score: number;
  total: number;
  createdAt: Date;
  /** Null when the attempt has no draw (made before issue 18, or scale data): its questions were not kept. */
  questions: ResultQuestion[] | null;
  best: { score: number; total: number; attemptId: number | null } | null;
  /** When the member may try again (null: now). */
  nextAt: Date | null;
}

/** `userId`'s attempt with its draw, their best at the skill and when they may retake it; null for anyone else's. */
export async function attemptResult(ctx: Ctx, userId: string, attemptId: number, now = new Date()): Promise<AttemptResult | null> {
  const [row] = await attemptQuery(ctx, userId, attemptId);
  if (!row) return null;
  const questions = row.questions
    ? row.questions.map((q, i) => ({ ...shownQuestions([q])[0], chosen: row.selected[i] ?? -1, correctIndex: q.correctIndex, explanation: q.explanation }))
    : null;
  return {
    id: row.id,
    skillId: row.skillId,
    skillName: row.skillName,
    skillRetired: row.retiredAt !== null,
    score: row.score,
    total: row.total,
    createdAt: row.createdAt,
    questions,
    best: row.bestScore !== null && row.bestTotal !== null ? { score: row.bestScore, total: row.bestTotal, attemptId: row.bestAttemptId } : null,
    nextAt: nextAttemptAt(await recentAttemptTimes(ctx, userId, row.skillId, now), now),
  };
}

/** The result page's one query: the attempt (its member in the WHERE), its skill, its draw and the member's best. */
export function attemptQuery(ctx: Ctx, userId: string, attemptId: number) {
  const { skill_attempts: a, skills: s, skill_details: d, skill_draws: dr, skill_bests: b } = ctx.t;
  return ctx.db
    .select({
      id: a.id,
      skillId: a.skillId,
      skillName: s.name,
      retiredAt: d.retired_at,
      score: a.score,
      total: a.total,
      selected: a.selectedAnswers,
      createdAt: a.createdAt,
      questions: dr.questions,
      bestScore: b.best_score,
      bestTotal: b.best_total,
      bestAttemptId: b.best_attempt_id,
    })
    .from(a)
    .innerJoin(s, eq(s.id, a.skillId))
    .leftJoin(d, eq(d.skill_id, a.skillId))
    .leftJoin(dr, eq(dr.attempt_id, a.id))
    .leftJoin(b, and(eq(b.user_id, a.userId), eq(b.skill_id, a.skillId)))
    .where(and(eq(a.id, attemptId), eq(a.userId, userId)))
    .limit(1);
}

/** A positive whole number from a URL (a skill's or an attempt's id), or null. */
export function idOf(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}
