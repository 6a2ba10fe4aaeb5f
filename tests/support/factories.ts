/**
 * Minimal rows for tests: each maker inserts the smallest valid row (only NOT NULL columns
 * without a default, plus what the caller overrides) and returns it. Works on both dialects
 * through ctx (queries typed against pg, tables from ctx.t).
 */
import { count, eq, getTableName, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { expect } from "vitest";
import type { Ctx } from "../../db/client";

type T = Ctx["t"];
type Insert<K extends keyof T> = T[K]["$inferInsert"];

let seq = 0;
/** A number unique within this test process (emails, tokens, names). */
export const nextSeq = () => ++seq;

/** A Date with milliseconds, distinct per call, in the past so it never collides with "now". */
export function aMoment(offsetMs = 0): Date {
  return new Date(Date.UTC(2026, 0, 15, 10, 30, 0, 123) + nextSeq() * 1000 + offsetMs);
}

export async function makeUser(ctx: Ctx, values: Partial<Insert<"User">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.User)
    .values({ email: `member${nextSeq()}@example.test`, ...values })
    .returning();
  return row;
}

export async function makeChat(ctx: Ctx, userId: string, values: Partial<Insert<"Chat">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.Chat)
    .values({ userId, title: "A chat", createdAt: aMoment(), ...values })
    .returning();
  return row;
}

export async function makeMessageV2(ctx: Ctx, chatId: string, values: Partial<Insert<"Message_v2">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.Message_v2)
    .values({ chatId, role: "user", parts: [{ type: "text", text: "hi" }], attachments: [], createdAt: aMoment(), ...values })
    .returning();
  return row;
}

export async function makeMessage(ctx: Ctx, chatId: string, values: Partial<Insert<"Message">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.Message)
    .values({ chatId, role: "user", content: "hi", createdAt: aMoment(), ...values })
    .returning();
  return row;
}

export async function makeDocument(ctx: Ctx, userId: string, values: Partial<Insert<"Document">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.Document)
    .values({ userId, title: "A document", createdAt: aMoment(), ...values })
    .returning();
  return row;
}

export async function makeSuggestion(
  ctx: Ctx,
  doc: { id: string; createdAt: Date },
  userId: string,
  values: Partial<Insert<"Suggestion">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.Suggestion)
    .values({
      documentId: doc.id,
      documentCreatedAt: doc.createdAt,
      userId,
      originalText: "teh",
      suggestedText: "the",
      createdAt: aMoment(),
      ...values,
    })
    .returning();
  return row;
}

export async function makeConnection(
  ctx: Ctx,
  senderId: string,
  receiverId: string,
  values: Partial<Insert<"connection">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.connection)
    .values({ sender_id: senderId, receiver_id: receiverId, ...values })
    .returning();
  return row;
}

export async function makeNotification(ctx: Ctx, userId: string, values: Partial<Insert<"notification">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.notification)
    .values({ user_id: userId, title: "Hello", message: "Someone wants to connect", ...values })
    .returning();
  return row;
}

export async function makeUserMessage(ctx: Ctx, senderId: string, receiverId: string) {
  const [row] = await ctx.db
    .insert(ctx.t.user_messages)
    .values({ sender_id: senderId, receiver_id: receiverId, message: "Hi there" })
    .returning();
  return row;
}

export async function makePost(ctx: Ctx, userId: string, values: Partial<Insert<"anonymous_post">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.anonymous_post)
    .values({ user_id: userId, content: "A post", ...values })
    .returning();
  return row;
}

export async function makeComment(ctx: Ctx, postId: string, userId: string) {
  const [row] = await ctx.db
    .insert(ctx.t.anonymous_comment)
    .values({ post_id: postId, user_id: userId, content: "A comment" })
    .returning();
  return row;
}

export async function makePostLike(ctx: Ctx, postId: string, userId: string) {
  const [row] = await ctx.db.insert(ctx.t.anonymous_post_like).values({ post_id: postId, user_id: userId }).returning();
  return row;
}

export async function makeCommentLike(ctx: Ctx, commentId: string, userId: string) {
  const [row] = await ctx.db
    .insert(ctx.t.anonymous_comment_like)
    .values({ comment_id: commentId, user_id: userId })
    .returning();
  return row;
}

export async function makeSkill(ctx: Ctx, name = `Skill ${nextSeq()}`) {
  const [row] = await ctx.db.insert(ctx.t.skills).values({ name }).returning();
  return row;
}

export async function makeSkillQuestion(ctx: Ctx, skillId: number, values: Partial<Insert<"skill_questions">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.skill_questions)
    .values({ skillId, question: "2 + 2?", options: ["3", "4", "5", "22"], correctIndex: 1, ...values })
    .returning();
  return row;
}

export async function makeApplication(ctx: Ctx, values: Partial<Insert<"job_applications">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.job_applications)
    .values({
      jobId: `job-${nextSeq()}`,
      name: "Applicant",
      email: `applicant${nextSeq()}@example.test`,
      coverLetter: "Dear team",
      ...values,
    })
    .returning();
  return row;
}

export async function makeRound(ctx: Ctx, applicationId: string, values: Partial<Insert<"interview_rounds">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.interview_rounds)
    .values({ applicationId, roundNumber: 1, roundType: "hr", ...values })
    .returning();
  return row;
}

type JobTable = "jobs" | "remote_jobs" | "part_time_jobs";
export async function makeJob(ctx: Ctx, table: JobTable, values: Partial<Insert<"jobs">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t[table])
    .values({ job_id: `j${nextSeq()}`, job_title: "Engineer", ...values })
    .returning();
  return row;
}

export async function makeCommunity(ctx: Ctx, createdBy: string | null, values: Partial<Insert<"communities">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.communities)
    .values({ name: `Community ${nextSeq()}`, created_by: createdBy, ...values })
    .returning();
  return row;
}

export async function makeMembership(
  ctx: Ctx,
  communityId: string,
  userId: string,
  values: Partial<Insert<"community_memberships">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.community_memberships)
    .values({ community_id: communityId, user_id: userId, status: "approved", ...values })
    .returning();
  return row;
}

export async function makeCommunityPost(
  ctx: Ctx,
  communityId: string,
  userId: string,
  values: Partial<Insert<"community_posts">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.community_posts)
    .values({ community_id: communityId, user_id: userId, content: "News", type: "update", ...values })
    .returning();
  return row;
}

export async function makeSession(ctx: Ctx, userId: string, values: Partial<Insert<"user_sessions">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.user_sessions)
    .values({ user_id: userId, session_token: `token-${nextSeq()}`, ...values })
    .returning();
  return row;
}

export async function makeCalendarBlock(
  ctx: Ctx,
  userId: string,
  values: Partial<Insert<"user_calendar_blocks">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.user_calendar_blocks)
    .values({
      userId,
      weekStartDate: new Date("2026-11-23T00:00:00.000Z"),
      dayOfWeek: 0,
      startTime: "09:00:00",
      endTime: "10:00:00",
      ...values,
    })
    .returning();
  return row;
}

export async function makeDailyInterview(
  ctx: Ctx,
  userId: string,
  values: Partial<Insert<"daily_interviews">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.daily_interviews)
    .values({ userId, interviewDate: new Date("2026-11-26T00:00:00.000Z"), ...values })
    .returning();
  return row;
}

export async function makeProgress(
  ctx: Ctx,
  dailyInterviewId: string,
  userId: string,
  values: Partial<Insert<"interview_progress">> = {},
) {
  const [row] = await ctx.db
    .insert(ctx.t.interview_progress)
    .values({
      dailyInterviewId,
      userId,
      category: "behavioral",
      questionId: 1,
      question: "Tell me about yourself",
      answer: "I build things",
      ...values,
    })
    .returning();
  return row;
}

/** A table with a uuid `id` column (most of the schema). */
export type TableWithId = PgTable & { id: AnyPgColumn };

/** Number of rows in a table, optionally filtered. */
export async function countRows(ctx: Ctx, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(table).where(where);
  return Number(row.n);
}

/** True when the table has a row with this id. */
export async function exists(ctx: Ctx, table: TableWithId, id: string): Promise<boolean> {
  return (await countRows(ctx, table, eq(table.id, id))) === 1;
}

export function deleteById(ctx: Ctx, table: TableWithId, id: string) {
  return ctx.db.delete(table).where(eq(table.id, id));
}

const refusals = {
  unique: /unique constraint|duplicate key value/i,
  "foreign key": /foreign key constraint/i,
  check: /check constraint/i,
  "not null": /not[- ]null constraint/i,
} as const;

/** The driver's own messages (DrizzleQueryError wraps them as `cause`; its own message is the SQL). */
function driverMessages(err: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const isQueryWrapper = "query" in e && e.cause instanceof Error;
    if (!isQueryWrapper) messages.push(e.message);
  }
  return messages.join(" | ");
}

/**
 * Expects the statement to be refused by the database for the given reason; `constraint`,
 * when given, must appear in the driver's message (both drivers name CHECK constraints).
 */
export async function expectRefused(
  statement: PromiseLike<unknown>,
  reason: keyof typeof refusals,
  constraint?: string,
): Promise<void> {
  let error: unknown;
  try {
    await statement;
  } catch (err) {
    error = err;
  }
  expect(error, `expected the database to refuse (${reason})`).toBeInstanceOf(Error);
  const message = driverMessages(error);
  expect(message).toMatch(refusals[reason]);
  if (constraint) expect(message).toContain(constraint);
}

/**
 * INSERT with plain SQL, so that omitted columns get the DATABASE's default (drizzle fills
 * some defaults itself on SQLite). Dates are written as each dialect stores them.
 */
export async function rawInsert(ctx: Ctx, table: PgTable, values: Record<string, string | number | Date | null>) {
  const name = getTableName(table);
  const columns = Object.keys(values);
  const params = Object.values(values).map((v) =>
    v instanceof Date ? (ctx.dialect === "pg" ? v.toISOString() : v.getTime()) : v,
  );
  const list = columns.map((c) => `"${c}"`).join(", ");
  if (ctx.raw.kind === "pg") {
    const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
    await ctx.raw.pool.query(`insert into "${name}" (${list}) values (${placeholders})`, params);
  } else {
    const placeholders = columns.map(() => "?").join(", ");
    ctx.raw.sqlite.prepare(`insert into "${name}" (${list}) values (${placeholders})`).run(...params);
  }
}
