/**
 * The interview history (issue 19, items 5 and 6). In each row the owner has a completed interview
 * from yesterday (a plan, an answer with feedback, a skip). Every member reads their own history
 * (/interviews/history lists only theirs) and sets their own streak-on-profile; only the owner
 * reads the interview and exports it: for anyone else it does not exist (404), because the member
 * is in the query's WHERE.
 */
import type { Ctx } from "../../../db/client";
import { questionsOf } from "../../../db/interview-banks";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

const DAY = 86_400_000;

/** The owner's interview of yesterday (UTC: matrix members have no zone saved). */
async function interviewed(ctx: Ctx, fx: MatrixFixtures) {
  const now = Date.now();
  const [q1, q2] = questionsOf("behavioral", "en");
  const [iv] = await ctx.db
    .insert(ctx.t.daily_interviews)
    .values({ userId: fx.owner.id, interviewDate: new Date(now - (now % DAY) - DAY), category: "behavioral", isCompleted: true, completedAt: new Date(now - DAY) })
    .returning({ id: ctx.t.daily_interviews.id });
  await ctx.db.insert(ctx.t.interview_plans).values({ daily_interview_id: iv.id, question_ids: [q1.id, q2.id], language: "en" });
  const [p] = await ctx.db
    .insert(ctx.t.interview_progress)
    .values({ dailyInterviewId: iv.id, userId: fx.owner.id, category: "behavioral", questionId: q1.id, question: q1.text, answer: "Matrix answer.", aiFeedback: "Offline review: add the result." })
    .returning({ id: ctx.t.interview_progress.id });
  await ctx.db.insert(ctx.t.interview_feedback).values({ progress_id: p.id, source: "offline", ai_failed: false });
  await ctx.db.insert(ctx.t.interview_skips).values({ daily_interview_id: iv.id, question_id: q2.id });
  return { interviewId: iv.id };
}

export const rows: MatrixRow[] = [
  { name: "the interview history (each member their own)", method: "GET", path: () => "/interviews/history", setup: interviewed, expect: signedIn(200) },
  { name: "one interview in full (only its member)", method: "GET", path: (fx) => `/interviews/${String(fx.interviewId)}`, setup: interviewed, expect: ownerOnly(200) },
  { name: "an interview's Markdown export (only its member)", method: "GET", path: (fx) => `/interviews/${String(fx.interviewId)}/export.md`, setup: interviewed, expect: ownerOnly(200) },
  { name: "the streak-on-profile setting (each member their own)", method: "GET", path: () => "/settings/interview-streak", expect: signedIn(200) },
  { name: "turn the streak on the profile on (each member their own)", method: "POST", path: () => "/settings/interview-streak", form: () => ({ show: "on" }), expect: signedIn(302) },
];
