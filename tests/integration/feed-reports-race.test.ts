/**
 * Races of the feed's reports (issue 17, item 6) on PostgreSQL with a pool of 20, so the calls
 * really run at once (and on SQLite, which serialises them): moderators hiding one post at once
 * hide it once and tell its author once; a member sending the same report many times at once files
 * one report and is told "already" for the rest, never an error; hide and dismiss at once leave
 * every report decided one way.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { decideReport, hideReported } from "../../app/modules/feed/moderation.server";
import type { ReportTarget } from "../../app/modules/feed/report-rules";
import { fileReport } from "../../app/modules/feed/reports.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";

async function postWithReports(ctx: Ctx, reporters: number) {
  const author = await createMember(ctx);
  const { anonymous_post: p, anonymous_reports: r } = ctx.t;
  const [post] = await ctx.db.insert(p).values({ user_id: author.id, content: "Reported at once", comments_count: 0, likes_count: 0 }).returning({ id: p.id });
  for (let i = 0; i < reporters; i++) {
    const reporter = await createMember(ctx);
    await ctx.db.insert(r).values({ post_id: post.id, reporter_id: reporter.id, reason: "spam" });
  }
  return { author, postId: post.id, target: { kind: "post", postId: post.id } as ReportTarget };
}

function raceBody(db: { readonly ctx: Ctx }) {
  it("10 moderators hiding one post at once hide it once and notify its author once", async () => {
    const { author, postId, target } = await postWithReports(db.ctx, 3);
    const moderators = await Promise.all(Array.from({ length: 10 }, (_, i) => createMember(db.ctx, { role: i % 2 === 0 ? "moderator" : "admin" })));
    const outcomes = await Promise.all(moderators.map((m) => hideReported(db.ctx, { id: m.id, role: m.role }, target)));
    expect(outcomes.filter((o) => o === "hidden")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_hidden")).toHaveLength(9);
    const { anonymous_post_removals: removals, anonymous_reports: r, notification: n } = db.ctx.t;
    expect(await db.ctx.db.select({ id: removals.post_id }).from(removals).where(eq(removals.post_id, postId))).toHaveLength(1);
    expect(await db.ctx.db.select({ id: n.id }).from(n).where(eq(n.user_id, author.id))).toHaveLength(1);
    const statuses = await db.ctx.db.select({ status: r.status }).from(r).where(eq(r.post_id, postId));
    expect(statuses.map((s) => s.status)).toEqual(["hidden", "hidden", "hidden"]);
  });

  it("one member sending the same report 20 times at once files one report; the rest are told it was already made", async () => {
    const author = await createMember(db.ctx);
    const { anonymous_post: p, anonymous_comment: c, anonymous_reports: r } = db.ctx.t;
    const [post] = await db.ctx.db.insert(p).values({ user_id: author.id, content: "Reported twice" }).returning({ id: p.id });
    const [comment] = await db.ctx.db.insert(c).values({ post_id: post.id, user_id: author.id, content: "And its comment" }).returning({ id: c.id });
    // One member per target: 40 reports in an hour would pass the member's limit (REPORT_LIMIT, 30).
    for (const target of [{ kind: "post", postId: post.id }, { kind: "comment", postId: post.id, commentId: comment.id }] as ReportTarget[]) {
      const reporter = await createMember(db.ctx);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => fileReport(db.ctx, { id: reporter.id, role: "user" }, target, { reason: "spam", details: "" })));
      expect(outcomes.filter((o) => o.kind === "reported")).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === "already")).toHaveLength(19);
      expect(await db.ctx.db.select({ id: r.id }).from(r).where(eq(r.reporter_id, reporter.id))).toHaveLength(1);
    }
  });

  it("hide and dismiss sent at once leave every report decided one way, and the author told only when it was hidden", async () => {
    const { author, postId, target } = await postWithReports(db.ctx, 4);
    const moderators = await Promise.all(Array.from({ length: 8 }, () => createMember(db.ctx, { role: "moderator" })));
    const outcomes = await Promise.all(moderators.map((m, i) => decideReport(db.ctx, { id: m.id, role: m.role }, i % 2 === 0 ? "hide" : "dismiss", target)));
    const { anonymous_post_removals: removals, anonymous_reports: r, notification: n } = db.ctx.t;
    const statuses = new Set((await db.ctx.db.select({ status: r.status }).from(r).where(eq(r.post_id, postId))).map((s) => s.status));
    expect(statuses.size).toBe(1);
    expect(statuses.has("open")).toBe(false);
    const hidden = (await db.ctx.db.select({ id: removals.post_id }).from(removals).where(eq(removals.post_id, postId))).length;
    expect(outcomes.filter((o) => o === "hidden")).toHaveLength(hidden);
    expect(await db.ctx.db.select({ id: n.id }).from(n).where(eq(n.user_id, author.id))).toHaveLength(hidden);
  });
}

describePostgres("Concurrent feed reports and moderation on a pool of 20", raceBody, { poolSize: 20 });
describeEachDatabase("Concurrent feed reports and moderation", raceBody, { dialects: ["sqlite"] });
