/**
 * /hiring/<feed>/<jobId>/candidates: members who let recruiters find them, ranked by how well they
 * fit the job (match.ts). The percent is computed in one SQL query over every findable member,
 * from candidate_settings.match_terms (LIKE tests, db/match-terms.ts) and skill_bests (verified
 * skills, live: a graded test counts at once); the 20 rows shown then get their reasons from
 * matchOf. Pages are keyset on (percent desc, user id asc), never OFFSET.
 * Only the job's poster and staff reach a job (getManagedJob's rule).
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { rowsOf } from "~/db.server";
import { createCursor } from "~/lib/cursor.server";
import { signatureBit, signatureOf, SIGNATURE_DIGITS } from "../../../db/match-terms";
import { isUuid } from "~/lib/ids";
import { verifiedCondition, verifiedSkillsOf, type VerifiedSkill } from "~/modules/skills/index.server";
import { feedTable, type FeedSlug } from "~/modules/jobs/index.server";
import { jobTermsOf, matchOf, namesSkill, WEIGHTS, type JobTerms, type MatchJob, type Reason } from "./match";
import { getManagedJob, type Viewer } from "./pipeline.server";

export const CANDIDATES_PAGE_SIZE = 20;

export interface CandidatePosition {
  percent: number;
  userId: string;
}

export const candidatesCursor = createCursor<CandidatePosition, `candidates:${string}`>({
  name: "candidates",
  encode: (p) => `${p.percent}.${p.userId}`,
  decode(payload) {
    const [percent, userId] = payload.split(".");
    const n = Number(percent);
    if (!Number.isInteger(n) || n < 0 || n > 100 || !userId || !isUuid(userId)) return null;
    return { percent: n, userId };
  },
});

/** The job as matching reads it, when the viewer may manage it. */
export async function candidateJob(ctx: Ctx, viewer: Viewer, feed: FeedSlug, jobId: string) {
  const managed = await getManagedJob(ctx, viewer, feed, jobId);
  if (!managed) return null;
  const j = feedTable(ctx, feed);
  const [row] = await ctx.db
    .select({ description: j.job_description, city: j.job_city, country: j.job_country, type: j.job_employment_type, remote: j.job_is_remote })
    .from(j)
    .where(eq(j.job_id, jobId))
    .limit(1);
  if (!row) return null;
  const match: MatchJob = { title: managed.title, description: row.description, type: feed === "remote" ? "remote" : (row.type ?? feed), city: row.city, country: row.country, remote: row.remote };
  return { ...managed, match };
}

/** A whole-number constant written into the query (never member input). */
const n = (value: number | bigint) => sql.raw(typeof value === "bigint" ? value.toString() : String(Math.trunc(value)));

/** The ids of skills the job names (their names, as whole words, in its title or description). */
async function namedSkillIds(ctx: Ctx, terms: JobTerms): Promise<number[]> {
  const skills = await ctx.db.select({ id: ctx.t.skills.id, name: ctx.t.skills.name }).from(ctx.t.skills);
  return skills.filter((s) => namesSkill(terms, s.name)).map((s) => s.id);
}

/** Far more rows than any table holds: the LIMIT keeps the inner query a query of its own (see below). */
const NO_LIMIT = 1_000_000_000;

/**
 * The SQL of every findable member's percent, as rows (user_id, percent): the same sum as matchOf,
 * term by term. `except` leaves out the recruiter themself.
 *
 * Cost is LIKE tests times members, so a token is first looked up in its signature (the numbers at
 * the head of match_terms, db/match-terms.ts): a clear bit means absent, and only a set bit runs the
 * LIKE that decides. An inner query reads the three signatures once per member; its LIMIT (larger
 * than any table) stops PostgreSQL from merging it into the outer query, which would copy the
 * reads into every use (the outer LIMIT does the same for the keyset test of a later page, which
 * would otherwise compute the percent twice). Verified skills come from one grouped read of skill_bests (the named
 * skills only), joined by member.
 */
export async function percentQuery(ctx: Ctx, terms: JobTerms, except: string | null): Promise<SQL> {
  const { candidate_settings: cs, skill_bests: b, verified_skill_hidden: h } = ctx.t;
  const ids = await namedSkillIds(ctx, terms);
  const mt = sql`x.mt`;
  const SIGS = ["x.sg_s", "x.sg_h", "x.sg_e"];
  /** The token is in the member's terms: its bit, then the LIKE. */
  const has = (token: string) => sql`((${sql.raw(SIGS[signatureOf(token)])} & ${n(2 ** signatureBit(token))}) <> 0 and ${mt} like ${`% ${token} %`})`;
  const signature = (k: number) => {
    const from = 1 + k * (SIGNATURE_DIGITS + 1);
    return sql`(case when length(cs.match_terms) > ${n(3 * (SIGNATURE_DIGITS + 1) - 1)} then cast(substr(cs.match_terms, ${n(from)}, ${n(SIGNATURE_DIGITS)}) as bigint) else 0 end)`;
  };
  const verified = ids.length
    ? sql`(select ${b.user_id} as user_id, count(*) as n from ${b}
        where ${inArray(b.skill_id, ids)} and ${verifiedCondition(ctx)}
          and not exists (select 1 from ${h} where ${h.user_id} = ${b.user_id} and ${h.skill_id} = ${b.skill_id})
        group by ${b.user_id})`
    : null;
  const v = verified ? sql`coalesce(v.n, 0)` : sql`0`;
  // One bit test per category first: most members share no word of a category with the job.
  const maskOf = (tokens: string[]) => n(tokens.reduce((m, t) => m | (1n << BigInt(signatureBit(t))), 0n));
  const none = (tokens: string[]) => sql`(${sql.raw(SIGS[tokens.length ? signatureOf(tokens[0]) : 0])} & ${maskOf(tokens)}) = 0`;
  const skillTokens = terms.words.map((w) => `s:${w}`);
  const skills = skillTokens.length ? sql`(case when ${none(skillTokens)} then 0 else ${sql.join(skillTokens.map((t) => sql`(case when ${has(t)} then 1 else 0 end)`), sql` + `)} end)` : sql`0`;
  const titleTokens = (prefix: string) => terms.titleWords.map((w) => `${prefix}:${w}`);
  const anyOf = (prefix: string) => (terms.titleWords.length ? sql.join(titleTokens(prefix).map((t) => has(t)), sql` or `) : sql`1 = 0`);
  const headline = terms.titleWords.length ? sql`(case when ${none(titleTokens("h"))} then 0 when ${anyOf("h")} then ${n(WEIGHTS.headline)} else 0 end)` : sql`0`;
  const years = terms.titleWords.length
    ? sql`(case when ${none(titleTokens("e1"))} or not (${anyOf("e1")}) then 0 when not (${anyOf("e2")}) then ${n(1)} when not (${anyOf("e3")}) then ${n(2)} else ${n(3)} end)`
    : sql`0`;
  const place = terms.remote ? n(WEIGHTS.place) : terms.city ? sql`(case when ${has(`c:${terms.city}`)} then ${n(WEIGHTS.place)} else 0 end)` : sql`0`;
  const vMax = WEIGHTS.verifiedMax / WEIGHTS.verified;
  const sMax = WEIGHTS.skillsMax / WEIGHTS.skill;
  const findable = ctx.dialect === "pg" ? sql`true` : sql`1`;
  return sql`select z.user_id as user_id,
      (case when z.v >= ${n(vMax)} then ${n(WEIGHTS.verifiedMax)} else z.v * ${n(WEIGHTS.verified)} end)
      + (case when z.s >= ${n(sMax)} then ${n(WEIGHTS.skillsMax)} else z.s * ${n(WEIGHTS.skill)} end)
      + z.h + z.e * ${n(WEIGHTS.year)} + z.p as percent
    from (select x.user_id as user_id, ${v} as v, ${skills} as s, ${headline} as h, ${years} as e, ${place} as p
      from (select cs.user_id as user_id, cs.match_terms as mt, ${signature(0)} as sg_s, ${signature(1)} as sg_h, ${signature(2)} as sg_e
        from ${cs} cs where cs.findable = ${findable}${except ? sql` and cs.user_id <> ${except}` : sql``} limit ${n(NO_LIMIT)}) x
      ${verified ? sql`left join ${verified} v on v.user_id = x.user_id` : sql``}) z
    limit ${n(NO_LIMIT)}`;
}

export interface CandidateRow {
  userId: string;
  name: string | null;
  headline: string | null;
  avatarUrl: string | null;
  percent: number;
  reasons: Reason[];
  verified: VerifiedSkill[];
}

/** One page of candidates, best match first. */
export async function rankCandidates(
  ctx: Ctx,
  job: { match: MatchJob },
  options: { after?: CandidatePosition; pageSize?: number; except?: string | null; now?: Date } = {},
): Promise<{ rows: CandidateRow[]; next: CandidatePosition | null }> {
  const size = options.pageSize ?? CANDIDATES_PAGE_SIZE;
  const terms = jobTermsOf(job.match);
  const inner = await percentQuery(ctx, terms, options.except ?? null);
  const a = options.after;
  const position = a ? sql`where (y.percent < ${a.percent} or (y.percent = ${a.percent} and y.user_id > ${a.userId}))` : sql``;
  const ranked = await rowsOf<{ user_id: string; percent: number | string }>(
    ctx,
    sql`select y.user_id, y.percent from (${inner}) y ${position} order by y.percent desc, y.user_id asc limit ${size + 1}`,
  );
  const page = ranked.slice(0, size).map((r) => ({ userId: r.user_id, percent: Number(r.percent) }));
  const next = ranked.length > size ? page[page.length - 1] : null;
  if (!page.length) return { rows: [], next: null };
  const ids = page.map((r) => r.userId);
  const { User, candidate_settings: cs } = ctx.t;
  const [members, verified] = await Promise.all([
    ctx.db
      .select({ id: User.id, name: User.name, headline: User.headline, avatarUrl: User.avatarUrl, skills: User.professional_skills, experience: User.experience, city: cs.city })
      .from(User)
      .innerJoin(cs, eq(cs.user_id, User.id))
      .where(and(inArray(User.id, ids)))
      .orderBy(asc(User.id)),
    verifiedSkillsOf(ctx, ids),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows: CandidateRow[] = [];
  for (const r of page) {
    const m = byId.get(r.userId);
    if (!m) continue;
    const v = verified.get(r.userId) ?? [];
    const { reasons } = matchOf(terms, { verified: v, skills: m.skills, headline: m.headline, experience: m.experience, city: m.city }, options.now);
    rows.push({ userId: r.userId, name: m.name, headline: m.headline, avatarUrl: m.avatarUrl, percent: r.percent, reasons, verified: v });
  }
  return { rows, next };
}

/**
 * The match percent of one findable member for a job the viewer may manage (null otherwise), as
 * matchOf computes it now: what an archive card records (never a number from the form).
 */
export async function matchPercentOf(ctx: Ctx, viewer: Viewer, feed: FeedSlug, jobId: string, memberId: string, now = new Date()): Promise<number | null> {
  const job = await candidateJob(ctx, viewer, feed, jobId);
  if (!job) return null;
  const { User, candidate_settings: cs } = ctx.t;
  const [[member], verified] = await Promise.all([
    ctx.db
      .select({ headline: User.headline, skills: User.professional_skills, experience: User.experience, city: cs.city })
      .from(User)
      .innerJoin(cs, eq(cs.user_id, User.id))
      .where(and(eq(User.id, memberId), eq(cs.findable, true)))
      .limit(1),
    verifiedSkillsOf(ctx, [memberId]),
  ]);
  if (!member) return null;
  return matchOf(job.match, { verified: verified.get(memberId) ?? [], skills: member.skills, headline: member.headline, experience: member.experience, city: member.city }, now).percent;
}
