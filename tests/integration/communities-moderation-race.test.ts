/**
 * Races of issue 16 on PostgreSQL (a pool of 20, so the calls really run at once) and on SQLite:
 * 30 concurrent "ask to join" by one member leave one membership row and one notification per
 * moderator; 20 concurrent approve/decline calls on one request by several moderators make one
 * decision and one notification to the member, and the member count moves once.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { askToJoin } from "../../app/modules/communities/membership.server";
import { decideRequests } from "../../app/modules/communities/moderation.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { addCommunityMember, appointModerator, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase, describePostgres } from "../support/db";

function raceBody(db: { readonly ctx: Ctx }) {
  it("30 concurrent asks by one member leave one pending membership and one notification for the moderator", async () => {
    const owner = await createMember(db.ctx);
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => askToJoin(db.ctx, { id: asker.id, role: "user" }, community.id)));
    expect(outcomes.filter((o) => o === "requested")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already_pending")).toHaveLength(29);
    const m = db.ctx.t.community_memberships;
    const rows = await db.ctx.db.select({ status: m.status }).from(m).where(and(eq(m.community_id, community.id), eq(m.user_id, asker.id)));
    expect(rows).toEqual([{ status: "pending" }]);
    const n = db.ctx.t.notification;
    expect(await db.ctx.db.select({ id: n.id }).from(n).where(eq(n.user_id, owner.id))).toHaveLength(1);
  });

  it("20 concurrent approve and decline calls on one request make one decision and one notification to the member", async () => {
    const owner = await createMember(db.ctx);
    const helpers = [owner];
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    for (let i = 0; i < 3; i++) {
      const helper = await createMember(db.ctx);
      await addCommunityMember(db.ctx, community.id, helper.id);
      await appointModerator(db.ctx, community.id, helper.id);
      helpers.push(helper);
    }
    const asker = await createMember(db.ctx);
    await askToJoin(db.ctx, { id: asker.id, role: "user" }, community.id);
    const m = db.ctx.t.community_memberships;
    const [request] = await db.ctx.db.select({ id: m.id }).from(m).where(and(eq(m.community_id, community.id), eq(m.user_id, asker.id)));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decideRequests(db.ctx, { id: helpers[i % helpers.length].id, role: "user" }, { membershipIds: [request.id], decision: i % 2 === 0 ? "approve" : "decline", reason: "race" }),
      ),
    );
    const kinds = results.map(([o]) => o.kind);
    expect(kinds.filter((k) => k === "done")).toHaveLength(1);
    expect(kinds.filter((k) => k === "already")).toHaveLength(19);
    const d = db.ctx.t.community_decisions;
    const decisions = await db.ctx.db.select({ decision: d.decision }).from(d).where(eq(d.membership_id, request.id));
    expect(decisions).toHaveLength(1);
    const n = db.ctx.t.notification;
    expect(await db.ctx.db.select({ id: n.id }).from(n).where(eq(n.user_id, asker.id))).toHaveLength(1);
    // Every loser was told the one decision that landed.
    const landed = decisions[0].decision === "approved" ? "approve" : "decline";
    expect(results.every(([o]) => o.kind === "done" || (o.kind === "already" && o.decision === landed))).toBe(true);
    const s = db.ctx.t.community_stats;
    const [stats] = await db.ctx.db.select({ members: s.members }).from(s).where(eq(s.community_id, community.id));
    expect(stats.members).toBe(landed === "approve" ? 5 : 4);
  });
}

describePostgres("Concurrent community membership changes on a pool of 20", raceBody, { poolSize: 20 });
describeEachDatabase("Concurrent community membership changes", raceBody, { dialects: ["sqlite"] });
