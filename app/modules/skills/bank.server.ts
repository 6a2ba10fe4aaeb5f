/**
 * The question bank (issue 18, item 5): career staff and admins list, add, edit, retire and
 * restore skills and questions, and import questions from a file. Every read and write checks the
 * role in its own WHERE (`staff`), so a member who is not staff finds nothing and changes nothing
 * whatever route calls in. Each write runs in one transaction with its feature-usage row
 * ("skills_bank", the action). A skill's name is unique case-insensitively, a question's text
 * within its skill: both checked inside the write's transaction (on PostgreSQL behind an advisory
 * lock, so two concurrent adds of one name meet there). Editing a question changes
 * skill_questions and skill_question_details in place; attempts already taken keep what they
 * showed because each draw stored its own copy (skill_draws.questions).
 */
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { BANK_PAGE_SIZE, markDuplicates, questionKey, skillNameKey, type BankQuestion, type ImportRow } from "./bank-rules";

/** Who may use the bank: career_team and admin. */
export const BANK_ROLES = ["career_team", "admin"] as const;
export interface Staff {
  id: string;
  role: string | null;
}
const isStaff = (user: Staff) => (BANK_ROLES as readonly (string | null)[]).includes(user.role);

/** The role checked in the query itself: the acting member must be career_team or admin now. */
const staff = (ctx: Ctx, userId: string) =>
  sql`exists (select 1 from ${ctx.t.User} where ${ctx.t.User.id} = ${userId} and ${inArray(ctx.t.User.role, [...BANK_ROLES])})`;

export interface BankSkill {
  id: number;
  name: string;
  description: string;
  retired: boolean;
  questions: number;
  liveQuestions: number;
}

/** Every skill (A to Z) with how many questions it has (live ones apart) and whether it is retired. */
export async function bankSkills(ctx: Ctx, user: Staff): Promise<BankSkill[]> {
  if (!isStaff(user)) return [];
  const { skills: s, skill_details: d, skill_questions: q, skill_question_details: qd } = ctx.t;
  const rows = await ctx.db
    .select({ id: s.id, name: s.name, description: d.description, retiredAt: d.retired_at })
    .from(s)
    .leftJoin(d, eq(d.skill_id, s.id))
    .where(staff(ctx, user.id))
    .orderBy(asc(s.name), asc(s.id));
  const counts = await ctx.db
    .select({ skillId: q.skillId, all: count(), live: sql<number>`sum(case when ${qd.retired_at} is null then 1 else 0 end)` })
    .from(q)
    .leftJoin(qd, eq(qd.question_id, q.id))
    .groupBy(q.skillId);
  const by = new Map(counts.map((c) => [c.skillId, c]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description ?? "",
    retired: r.retiredAt !== null && r.retiredAt !== undefined,
    questions: Number(by.get(r.id)?.all ?? 0),
    liveQuestions: Number(by.get(r.id)?.live ?? 0),
  }));
}

/** One skill for staff, or null (no such skill, or not staff). */
export async function bankSkill(ctx: Ctx, user: Staff, skillId: number): Promise<Omit<BankSkill, "questions" | "liveQuestions"> | null> {
  if (!isStaff(user)) return null;
  const { skills: s, skill_details: d } = ctx.t;
  const [row] = await ctx.db
    .select({ id: s.id, name: s.name, description: d.description, retiredAt: d.retired_at })
    .from(s)
    .leftJoin(d, eq(d.skill_id, s.id))
    .where(and(eq(s.id, skillId), staff(ctx, user.id)));
  return row ? { id: row.id, name: row.name, description: row.description ?? "", retired: row.retiredAt != null } : null;
}

export interface BankQuestionRow extends BankQuestion {
  id: number;
  retired: boolean;
}

/** A page of a skill's questions in id order, after `afterId`; `next` is the last id when more follow. */
export async function bankQuestions(ctx: Ctx, user: Staff, skillId: number, afterId: number | null): Promise<{ questions: BankQuestionRow[]; next: number | null }> {
  if (!isStaff(user)) return { questions: [], next: null };
  const { skill_questions: q, skill_question_details: qd } = ctx.t;
  const rows = await ctx.db
    .select({ id: q.id, question: q.question, options: q.options, correctIndex: q.correctIndex, explanation: qd.explanation, retiredAt: qd.retired_at })
    .from(q)
    .leftJoin(qd, eq(qd.question_id, q.id))
    .where(and(eq(q.skillId, skillId), afterId === null ? undefined : gt(q.id, afterId), staff(ctx, user.id)))
    .orderBy(asc(q.id))
    .limit(BANK_PAGE_SIZE + 1);
  const page = rows.slice(0, BANK_PAGE_SIZE).map(toQuestion);
  return { questions: page, next: rows.length > BANK_PAGE_SIZE ? page[page.length - 1].id : null };
}

function toQuestion(r: { id: number; question: string; options: string[]; correctIndex: number; explanation: string | null; retiredAt: Date | null }): BankQuestionRow {
  return {
    id: r.id,
    question: r.question,
    options: [r.options[0] ?? "", r.options[1] ?? "", r.options[2] ?? "", r.options[3] ?? ""],
    correctIndex: r.correctIndex,
    explanation: r.explanation ?? "",
    retired: r.retiredAt != null,
  };
}

/** One question of one skill, for staff; null otherwise. */
export async function bankQuestion(ctx: Ctx, user: Staff, skillId: number, questionId: number): Promise<BankQuestionRow | null> {
  if (!isStaff(user)) return null;
  const { skill_questions: q, skill_question_details: qd } = ctx.t;
  const [row] = await ctx.db
    .select({ id: q.id, question: q.question, options: q.options, correctIndex: q.correctIndex, explanation: qd.explanation, retiredAt: qd.retired_at })
    .from(q)
    .leftJoin(qd, eq(qd.question_id, q.id))
    .where(and(eq(q.id, questionId), eq(q.skillId, skillId), staff(ctx, user.id)));
  return row ? toQuestion(row) : null;
}

/** Serialises the bank's name and text checks on PostgreSQL (SQLite's BEGIN IMMEDIATE already does). */
async function lockBank(tx: Ctx, what: string) {
  if (tx.dialect === "pg") await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`skills-bank:${what}`}))`);
}

async function nameTaken(tx: Ctx, name: string, exceptId: number | null): Promise<boolean> {
  const all = await tx.db.select({ id: tx.t.skills.id, name: tx.t.skills.name }).from(tx.t.skills);
  return all.some((s) => s.id !== exceptId && skillNameKey(s.name) === skillNameKey(name));
}

export type SkillWrite = { kind: "saved"; skillId: number } | { kind: "nameTaken" } | { kind: "missing" };

/** Adds a skill (with its description); refused when the name is taken or the member is not staff. */
export async function addSkill(ctx: Ctx, user: Staff, form: { name: string; description: string }, now = new Date()): Promise<SkillWrite> {
  if (!isStaff(user)) return { kind: "missing" };
  return withTx(ctx, async (tx) => {
    await lockBank(tx, "skills");
    if (await nameTaken(tx, form.name, null)) return { kind: "nameTaken" as const };
    const [staffRow] = await tx.db.select({ id: tx.t.User.id }).from(tx.t.User).where(and(eq(tx.t.User.id, user.id), inArray(tx.t.User.role, [...BANK_ROLES])));
    if (!staffRow) return { kind: "missing" as const };
    const [skill] = await tx.db.insert(tx.t.skills).values({ name: form.name }).returning({ id: tx.t.skills.id });
    await tx.db.insert(tx.t.skill_details).values({ skill_id: skill.id, description: form.description, retired_at: null, updated_at: now });
    await track(tx, { userId: user.id, type: "bank_skill_added", metadata: { skillId: skill.id }, at: now });
    return { kind: "saved" as const, skillId: skill.id };
  });
}

/** Changes a skill's name and description. */
export async function editSkill(ctx: Ctx, user: Staff, skillId: number, form: { name: string; description: string }, now = new Date()): Promise<SkillWrite> {
  if (!isStaff(user)) return { kind: "missing" };
  return withTx(ctx, async (tx) => {
    await lockBank(tx, "skills");
    if (await nameTaken(tx, form.name, skillId)) return { kind: "nameTaken" as const };
    const changed = await tx.db
      .update(tx.t.skills)
      .set({ name: form.name })
      .where(and(eq(tx.t.skills.id, skillId), staff(tx, user.id)))
      .returning({ id: tx.t.skills.id });
    if (changed.length === 0) return { kind: "missing" as const };
    await upsertSkillDetails(tx, skillId, { description: form.description, updated_at: now });
    await track(tx, { userId: user.id, type: "bank_skill_edited", metadata: { skillId }, at: now });
    return { kind: "saved" as const, skillId };
  });
}

async function upsertSkillDetails(tx: Ctx, skillId: number, set: { description?: string; retired_at?: Date | null; updated_at: Date }) {
  await tx.db
    .insert(tx.t.skill_details)
    .values({ skill_id: skillId, description: set.description ?? "", retired_at: set.retired_at ?? null, updated_at: set.updated_at })
    .onConflictDoUpdate({ target: tx.t.skill_details.skill_id, set });
}

/** Retires a skill (members no longer see or take it; attempts and verified scores stay) or restores it. */
export async function setSkillRetired(ctx: Ctx, user: Staff, skillId: number, retire: boolean, now = new Date()): Promise<boolean> {
  if (!isStaff(user)) return false;
  return withTx(ctx, async (tx) => {
    const [skill] = await tx.db
      .select({ id: tx.t.skills.id })
      .from(tx.t.skills)
      .where(and(eq(tx.t.skills.id, skillId), staff(tx, user.id)));
    if (!skill) return false;
    await upsertSkillDetails(tx, skillId, { retired_at: retire ? now : null, updated_at: now });
    await track(tx, { userId: user.id, type: retire ? "bank_skill_retired" : "bank_skill_restored", metadata: { skillId }, at: now });
    return true;
  });
}

async function questionKeysOf(tx: Ctx, skillId: number, exceptId: number | null): Promise<Set<string>> {
  const rows = await tx.db.select({ id: tx.t.skill_questions.id, question: tx.t.skill_questions.question }).from(tx.t.skill_questions).where(eq(tx.t.skill_questions.skillId, skillId));
  return new Set(rows.filter((r) => r.id !== exceptId).map((r) => questionKey(r.question)));
}

/**
 * In a write's transaction: true when the skill exists and the user is staff (both in the query),
 * after taking the lock its questions' writes share (unique question text per skill).
 */
async function lockSkillQuestions(tx: Ctx, user: Staff, skillId: number): Promise<boolean> {
  const [skill] = await tx.db
    .select({ id: tx.t.skills.id })
    .from(tx.t.skills)
    .where(and(eq(tx.t.skills.id, skillId), staff(tx, user.id)));
  if (!skill) return false;
  await lockBank(tx, `questions:${skillId}`);
  return true;
}

export type QuestionWrite = { kind: "saved"; questionId: number } | { kind: "inBank" } | { kind: "missing" };

/** Adds a question to a skill (the text not already in that skill's bank). */
export async function addQuestion(ctx: Ctx, user: Staff, skillId: number, q: BankQuestion, now = new Date()): Promise<QuestionWrite> {
  if (!isStaff(user)) return { kind: "missing" };
  return withTx(ctx, async (tx) => {
    if (!(await lockSkillQuestions(tx, user, skillId))) return { kind: "missing" as const };
    if ((await questionKeysOf(tx, skillId, null)).has(questionKey(q.question))) return { kind: "inBank" as const };
    const questionId = await insertQuestion(tx, skillId, q, now);
    await track(tx, { userId: user.id, type: "bank_question_added", metadata: { skillId, questionId }, at: now });
    return { kind: "saved" as const, questionId };
  });
}

async function insertQuestion(tx: Ctx, skillId: number, q: BankQuestion, now: Date): Promise<number> {
  const [row] = await tx.db
    .insert(tx.t.skill_questions)
    .values({ skillId, question: q.question, options: [...q.options], correctIndex: q.correctIndex })
    .returning({ id: tx.t.skill_questions.id });
  await tx.db.insert(tx.t.skill_question_details).values({ question_id: row.id, explanation: q.explanation, retired_at: null, updated_at: now });
  return row.id;
}

/**
 * Changes a question in place (text, options, correct index, explanation). Draws already made
 * keep their own copy, so past attempts read as they were shown.
 */
export async function editQuestion(ctx: Ctx, user: Staff, skillId: number, questionId: number, q: BankQuestion, now = new Date()): Promise<QuestionWrite> {
  if (!isStaff(user)) return { kind: "missing" };
  return withTx(ctx, async (tx) => {
    await lockBank(tx, `questions:${skillId}`);
    if ((await questionKeysOf(tx, skillId, questionId)).has(questionKey(q.question))) return { kind: "inBank" as const };
    const changed = await tx.db
      .update(tx.t.skill_questions)
      .set({ question: q.question, options: [...q.options], correctIndex: q.correctIndex })
      .where(and(eq(tx.t.skill_questions.id, questionId), eq(tx.t.skill_questions.skillId, skillId), staff(tx, user.id)))
      .returning({ id: tx.t.skill_questions.id });
    if (changed.length === 0) return { kind: "missing" as const };
    const qd = tx.t.skill_question_details;
    await tx.db
      .insert(qd)
      .values({ question_id: questionId, explanation: q.explanation, retired_at: null, updated_at: now })
      .onConflictDoUpdate({ target: qd.question_id, set: { explanation: q.explanation, updated_at: now } });
    await track(tx, { userId: user.id, type: "bank_question_edited", metadata: { skillId, questionId }, at: now });
    return { kind: "saved" as const, questionId };
  });
}

/** Retires a question (never drawn again) or restores it. */
export async function setQuestionRetired(ctx: Ctx, user: Staff, skillId: number, questionId: number, retire: boolean, now = new Date()): Promise<boolean> {
  if (!isStaff(user)) return false;
  return withTx(ctx, async (tx) => {
    const [question] = await tx.db
      .select({ id: tx.t.skill_questions.id })
      .from(tx.t.skill_questions)
      .where(and(eq(tx.t.skill_questions.id, questionId), eq(tx.t.skill_questions.skillId, skillId), staff(tx, user.id)));
    if (!question) return false;
    const qd = tx.t.skill_question_details;
    await tx.db
      .insert(qd)
      .values({ question_id: questionId, explanation: "", retired_at: retire ? now : null, updated_at: now })
      .onConflictDoUpdate({ target: qd.question_id, set: { retired_at: retire ? now : null, updated_at: now } });
    await track(tx, { userId: user.id, type: retire ? "bank_question_retired" : "bank_question_restored", metadata: { skillId, questionId }, at: now });
    return true;
  });
}

export type ImportOutcome = { kind: "imported"; rows: ImportRow[]; imported: number } | { kind: "missing" };

/**
 * Imports the good rows of a read file in one transaction, after marking the rows whose question
 * is already in the skill's bank or earlier in the file; the bad rows come back with their reasons.
 */
export async function importQuestions(ctx: Ctx, user: Staff, skillId: number, rows: ImportRow[], now = new Date()): Promise<ImportOutcome> {
  if (!isStaff(user)) return { kind: "missing" };
  return withTx(ctx, async (tx) => {
    if (!(await lockSkillQuestions(tx, user, skillId))) return { kind: "missing" as const };
    const marked = markDuplicates(rows, await questionKeysOf(tx, skillId, null));
    let imported = 0;
    for (const r of marked) {
      if (!r.ok) continue;
      await insertQuestion(tx, skillId, r.question, now);
      imported++;
    }
    if (imported > 0) await track(tx, { userId: user.id, type: "bank_questions_imported", metadata: { skillId, imported, refused: marked.length - imported }, at: now });
    return { kind: "imported" as const, rows: marked, imported };
  });
}
