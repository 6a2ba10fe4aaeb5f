/**
 * Limits on what one member can push at others (decision 061): connection requests and new
 * communities a day, community posts and asks to join an hour. Past each, the form comes back
 * with a clear message (the member's words kept) or a 429 page, and nothing is written. Only what
 * the limit counts is counted. Through the real app, on both databases.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { hit, LIMITS, type Limit } from "../../app/services/rate-limit.server";
import { createMember, signedInClient, textOf } from "../support/app";
import { addCommunityMember, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase, describePostgres } from "../support/db";
import { askToJoinWithinLimit } from "../../app/modules/communities/membership.server";
import { requestConnection } from "../../app/modules/network/connections.server";

/** Uses up `key`'s window as `limit.limit` earlier writes would have. */
async function useUp(ctx: Ctx, key: string, limit: Limit) {
  for (let i = 0; i < limit.limit; i++) await hit(ctx, key, limit);
}

/** How many hits `key` has in its current window (0 when none). */
async function hitsOf(ctx: Ctx, key: string): Promise<number> {
  const b = ctx.t.rate_limit_buckets;
  const rows = await ctx.db.select({ hits: b.hits }).from(b).where(eq(b.key, key));
  return rows.reduce((sum, r) => sum + r.hits, 0);
}

function communityForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("banner", new File([], "", { type: "application/octet-stream" }));
  return form;
}

describeEachDatabase("write limits", (db) => {
  it("a member who has sent the day's connection requests is refused the next with 429 beside the form, their message kept, and nothing is sent", async () => {
    const [asker, other] = [await createMember(db.ctx, { name: "Busy Asker" }), await createMember(db.ctx, { name: "Quiet Other" })];
    await useUp(db.ctx, `connection-request:${asker.id}`, LIMITS.connectionRequestPerMember);
    const browser = await signedInClient(db.ctx, asker);
    const res = await browser.post("/network", { intent: "connect", userId: other.id, message: "We met at the Amman fair", back: `/u/${other.id}` });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    const text = textOf(res.html);
    expect(text).toContain(`You have sent ${LIMITS.connectionRequestPerMember.limit} connection requests today`);
    expect(res.html).toContain("We met at the Amman fair");
    const c = db.ctx.t.connection;
    expect(await db.ctx.db.select().from(c).where(eq(c.sender_id, asker.id))).toEqual([]);
    const n = db.ctx.t.notification;
    expect(await db.ctx.db.select().from(n).where(eq(n.user_id, other.id))).toEqual([]);
  });

  it("only new connection requests count: accepting a request through Connect and asking twice are taken back", async () => {
    const [me, them, third] = [await createMember(db.ctx), await createMember(db.ctx), await createMember(db.ctx)];
    const key = `connection-request:${me.id}`;
    const theirs = await signedInClient(db.ctx, them);
    expect((await theirs.post("/network", { intent: "connect", userId: me.id, back: "/network" })).status).toBe(302);
    const mine = await signedInClient(db.ctx, me);
    // Their request is pending: my Connect accepts it, which is not a request of mine.
    expect((await mine.post("/network", { intent: "connect", userId: them.id, back: "/network" })).status).toBe(302);
    expect(await hitsOf(db.ctx, key)).toBe(0);
    expect((await mine.post("/network", { intent: "connect", userId: third.id, back: "/network" })).status).toBe(302);
    expect((await mine.post("/network", { intent: "connect", userId: third.id, back: "/network" })).status).toBe(302);
    expect(await hitsOf(db.ctx, key)).toBe(1);
  });

  it("a member who has created the day's communities gets the form back with 429, the name kept, and no community is made; a name already taken does not count", async () => {
    const creator = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, creator);
    const key = `community-create:${creator.id}`;
    await makeModeratedCommunity(db.ctx, creator.id, { name: "Taken Name Circle" });
    const taken = await browser.post("/communities/new", communityForm({ name: "Taken Name Circle", description: "" }));
    expect(taken.status).toBe(400);
    expect(await hitsOf(db.ctx, key)).toBe(0);

    await useUp(db.ctx, key, LIMITS.communityCreatePerMember);
    const res = await browser.post("/communities/new", communityForm({ name: "Cairo Data Night", description: "Monthly meet-ups" }));
    expect(res.status).toBe(429);
    expect(textOf(res.html)).toContain(`You have created ${LIMITS.communityCreatePerMember.limit} communities today`);
    expect(res.html).toContain("Cairo Data Night");
    const c = db.ctx.t.communities;
    expect(await db.ctx.db.select().from(c).where(eq(c.name, "Cairo Data Night"))).toEqual([]);
  });

  it("a member who has posted the hour's community posts gets the form back with 429, the post kept, and nothing is posted", async () => {
    const [owner, poster] = [await createMember(db.ctx), await createMember(db.ctx)];
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, poster.id);
    const browser = await signedInClient(db.ctx, poster);
    const key = `community-post:${poster.id}`;
    expect((await browser.post(`/communities/${community.id}/posts/new`, { type: "update", content: "First of the day" })).status).toBe(302);
    expect(await hitsOf(db.ctx, key)).toBe(1);

    await useUp(db.ctx, key, LIMITS.communityPostPerMember);
    const res = await browser.post(`/communities/${community.id}/posts/new`, { type: "update", content: "Hiring two juniors in Amman" });
    expect(res.status).toBe(429);
    expect(textOf(res.html)).toContain(`You have posted ${LIMITS.communityPostPerMember.limit} times in communities this hour`);
    expect(textOf(res.html)).toMatch(/Please try again in (a minute|\d+ minutes)\./);
    expect(res.html).toContain("Hiring two juniors in Amman");
    const p = db.ctx.t.community_posts;
    expect((await db.ctx.db.select({ content: p.content }).from(p).where(eq(p.user_id, poster.id))).map((r) => r.content)).toEqual(["First of the day"]);
  });

  it("a member who has asked to join the hour's communities gets a 429 page that says when to try again, and no request is made; asking again where already waiting does not count", async () => {
    const [owner, asker] = [await createMember(db.ctx), await createMember(db.ctx)];
    const [first, second] = [await makeModeratedCommunity(db.ctx, owner.id), await makeModeratedCommunity(db.ctx, owner.id)];
    const browser = await signedInClient(db.ctx, asker);
    const key = `community-join:${asker.id}`;
    const ask = (id: string) => browser.post(`/communities/${id}/membership`, { intent: "ask", back: `/communities/${id}` });
    expect((await ask(first.id)).status).toBe(302);
    expect((await ask(first.id)).status).toBe(302);
    expect(await hitsOf(db.ctx, key)).toBe(1);

    await useUp(db.ctx, key, LIMITS.communityJoinPerMember);
    const res = await ask(second.id);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(textOf(res.html)).toContain(`You have asked to join ${LIMITS.communityJoinPerMember.limit} communities this hour`);
    const m = db.ctx.t.community_memberships;
    expect(await db.ctx.db.select().from(m).where(and(eq(m.community_id, second.id), eq(m.user_id, asker.id)))).toEqual([]);
  });
});

describePostgres("write limits under concurrency", (db) => {
  it("40 asks to join 40 communities at once by one member make exactly the hour's 30 requests; the other 10 are refused", async () => {
    const [owner, asker] = [await createMember(db.ctx), await createMember(db.ctx)];
    const communities = [];
    for (let i = 0; i < 40; i++) communities.push(await makeModeratedCommunity(db.ctx, owner.id));
    const viewer = { id: asker.id, role: asker.role };
    const answers = await Promise.all(communities.map((c) => askToJoinWithinLimit(db.ctx, viewer, c.id)));
    expect(answers.filter((a) => a.outcome === "requested")).toHaveLength(LIMITS.communityJoinPerMember.limit);
    expect(answers.filter((a) => a.outcome === "limited")).toHaveLength(40 - LIMITS.communityJoinPerMember.limit);
    const m = db.ctx.t.community_memberships;
    expect(await db.ctx.db.select().from(m).where(eq(m.user_id, asker.id))).toHaveLength(LIMITS.communityJoinPerMember.limit);
  });

  it("60 connection requests to 60 members at once make exactly the day's 50; the other 10 send nothing", async () => {
    const asker = await createMember(db.ctx);
    const others = [];
    for (let i = 0; i < 60; i++) others.push(await createMember(db.ctx));
    const answers = await Promise.all(others.map((o) => requestConnection(db.ctx, { me: asker.id, otherId: o.id })));
    expect(answers.filter((a) => a.outcome === "requested")).toHaveLength(LIMITS.connectionRequestPerMember.limit);
    expect(answers.filter((a) => a.outcome === "limited")).toHaveLength(60 - LIMITS.connectionRequestPerMember.limit);
    const c = db.ctx.t.connection;
    expect(await db.ctx.db.select().from(c).where(eq(c.sender_id, asker.id))).toHaveLength(LIMITS.connectionRequestPerMember.limit);
  });
});
