/**
 * Community membership and moderation (issue 16): asking, withdrawing and leaving; the queue and
 * its decisions that land once; removing, banning, appointing and stepping down; the header's
 * count; and the pages through the real app. On both databases.
 */
import { gzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { askToJoin, leaveCommunity, withdrawRequest } from "../../app/modules/communities/membership.server";
import { appointModerator, listMembers, removeMember, stepDown } from "../../app/modules/communities/members.server";
import { decideRequests, listQueue, waitingRequestCount } from "../../app/modules/communities/moderation.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type Member } from "../support/app";
import { addCommunityMember, appointModerator as appointRow, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase } from "../support/db";

const viewer = (m: Member) => ({ id: m.id, role: m.role });

async function membership(ctx: Ctx, communityId: string, userId: string) {
  const m = ctx.t.community_memberships;
  const [row] = await ctx.db
    .select({ id: m.id, status: m.status })
    .from(m)
    .where(and(eq(m.community_id, communityId), eq(m.user_id, userId)));
  return row ?? null;
}

async function memberCount(ctx: Ctx, communityId: string) {
  const s = ctx.t.community_stats;
  const [row] = await ctx.db.select({ members: s.members }).from(s).where(eq(s.community_id, communityId));
  return row?.members ?? null;
}

async function notesOf(ctx: Ctx, userId: string) {
  const n = ctx.t.notification;
  const links = ctx.t.notification_links;
  return ctx.db
    .select({ title: n.title, message: n.message, href: links.href })
    .from(n)
    .leftJoin(links, eq(links.notification_id, n.id))
    .where(eq(n.user_id, userId));
}

async function decisionsOf(ctx: Ctx, membershipId: string) {
  const d = ctx.t.community_decisions;
  return ctx.db.select({ decision: d.decision, reason: d.reason, by: d.decided_by }).from(d).where(eq(d.membership_id, membershipId));
}

async function setLanguage(ctx: Ctx, userId: string, language: string) {
  await ctx.db.insert(ctx.t.member_settings).values({ user_id: userId, language });
}

describeEachDatabase("Asking to join, withdrawing and leaving", (db) => {
  it("asking writes one pending membership and tells each of the community's moderators once, in their own language", async () => {
    const owner = await createMember(db.ctx, { name: "Salma Owner" });
    const helper = await createMember(db.ctx, { name: "Karim Helper" });
    const asker = await createMember(db.ctx, { name: "Huda Asker" });
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Cairo Engineers" });
    await addCommunityMember(db.ctx, community.id, helper.id);
    await appointRow(db.ctx, community.id, helper.id);
    await setLanguage(db.ctx, helper.id, "ar");

    expect(await askToJoin(db.ctx, viewer(asker), community.id)).toBe("requested");
    expect(await membership(db.ctx, community.id, asker.id)).toMatchObject({ status: "pending" });
    // A request is not a member: the count is the creator and the helper.
    expect(await memberCount(db.ctx, community.id)).toBe(2);
    const ownerNotes = await notesOf(db.ctx, owner.id);
    expect(ownerNotes).toEqual([{ title: "A request to join Cairo Engineers", message: "Huda Asker asks to join Cairo Engineers.", href: `/communities/${community.id}/requests` }]);
    const helperNotes = await notesOf(db.ctx, helper.id);
    expect(helperNotes).toHaveLength(1);
    expect(helperNotes[0].message).toBe("يطلب Huda Asker الانضمام إلى Cairo Engineers.");

    expect(await askToJoin(db.ctx, viewer(asker), community.id)).toBe("already_pending");
    expect(await notesOf(db.ctx, owner.id)).toHaveLength(1);
    expect(await askToJoin(db.ctx, viewer(owner), community.id)).toBe("already_member");
  });

  it("a missing community, or an id that is not one, is not found and writes nothing", async () => {
    const asker = await createMember(db.ctx);
    expect(await askToJoin(db.ctx, viewer(asker), "00000000-0000-4000-8000-000000000000")).toBe("not_found");
    expect(await askToJoin(db.ctx, viewer(asker), "nope")).toBe("not_found");
    expect(await withdrawRequest(db.ctx, viewer(asker), "nope")).toBe("not_found");
    expect(await leaveCommunity(db.ctx, viewer(asker), "nope")).toBe("not_found");
  });

  it("a pending member withdraws; only a pending request can be withdrawn", async () => {
    const owner = await createMember(db.ctx);
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    expect(await withdrawRequest(db.ctx, viewer(asker), community.id)).toBe("not_pending");
    await askToJoin(db.ctx, viewer(asker), community.id);
    expect(await withdrawRequest(db.ctx, viewer(asker), community.id)).toBe("withdrawn");
    expect(await membership(db.ctx, community.id, asker.id)).toBeNull();
    expect(await withdrawRequest(db.ctx, viewer(owner), community.id)).toBe("not_pending");
  });

  it("an approved member leaves and the count drops with them; the creator cannot leave", async () => {
    const owner = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, member.id);
    await appointRow(db.ctx, community.id, member.id);
    expect(await memberCount(db.ctx, community.id)).toBe(2);
    expect(await leaveCommunity(db.ctx, viewer(member), community.id)).toBe("left");
    expect(await membership(db.ctx, community.id, member.id)).toBeNull();
    expect(await memberCount(db.ctx, community.id)).toBe(1);
    const mods = db.ctx.t.community_moderators;
    expect(await db.ctx.db.select().from(mods).where(eq(mods.user_id, member.id))).toHaveLength(0);
    expect(await leaveCommunity(db.ctx, viewer(member), community.id)).toBe("not_member");
    expect(await leaveCommunity(db.ctx, viewer(owner), community.id)).toBe("creator");
    expect(await memberCount(db.ctx, community.id)).toBe(1);
  });
});

describeEachDatabase("The moderation queue", (db) => {
  it("lists the requests of the communities the viewer moderates, oldest first, with each member's community count", async () => {
    const owner = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    const global = await createMember(db.ctx, { role: "moderator" });
    const mine = await makeModeratedCommunity(db.ctx, owner.id, { name: "Mine" });
    const theirs = await makeModeratedCommunity(db.ctx, stranger.id, { name: "Theirs" });
    const first = await createMember(db.ctx, { name: "First Asker" });
    const second = await createMember(db.ctx, { name: "Second Asker" });
    await addCommunityMember(db.ctx, theirs.id, second.id);
    await askToJoin(db.ctx, viewer(first), mine.id, new Date("2026-01-01T10:00:00Z"));
    await askToJoin(db.ctx, viewer(second), mine.id, new Date("2026-01-01T09:00:00Z"));
    await askToJoin(db.ctx, viewer(first), theirs.id, new Date("2026-01-01T08:00:00Z"));

    const queue = await listQueue(db.ctx, viewer(owner));
    expect(queue.rows.map((r) => [r.name, r.communityName, r.communities])).toEqual([
      ["Second Asker", "Mine", 1],
      ["First Asker", "Mine", 0],
    ]);
    expect((await listQueue(db.ctx, viewer(global))).rows.map((r) => r.communityName)).toEqual(["Theirs", "Mine", "Mine"]);
    expect((await listQueue(db.ctx, viewer(global), { communityId: theirs.id })).rows).toHaveLength(1);
    expect((await listQueue(db.ctx, viewer(first))).rows).toEqual([]);
  });

  it("pages by keyset, each page after the last, none twice", async () => {
    const owner = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    const at = new Date("2026-02-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await askToJoin(db.ctx, viewer(await createMember(db.ctx)), community.id, at);
    const seen: string[] = [];
    let after;
    for (;;) {
      const page = await listQueue(db.ctx, viewer(owner), { after, pageSize: 2 });
      seen.push(...page.rows.map((r) => r.membershipId));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("approving makes the member approved, counts them, records who decided and tells them", async () => {
    const owner = await createMember(db.ctx, { name: "Nour Owner" });
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Alumni" });
    await askToJoin(db.ctx, viewer(asker), community.id);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    const [outcome] = await decideRequests(db.ctx, viewer(owner), { membershipIds: [request.id], decision: "approve" });
    expect(outcome).toMatchObject({ kind: "done", decision: "approve" });
    expect(await membership(db.ctx, community.id, asker.id)).toMatchObject({ status: "approved" });
    expect(await memberCount(db.ctx, community.id)).toBe(2);
    expect(await decisionsOf(db.ctx, request.id)).toEqual([{ decision: "approved", reason: null, by: owner.id }]);
    expect(await notesOf(db.ctx, asker.id)).toEqual([
      { title: "Welcome to Alumni", message: "Your request to join Alumni was approved. You can now read and write its posts.", href: `/communities/${community.id}` },
    ]);
  });

  it("declining removes the request, keeps the reason and tells the member, who may ask again", async () => {
    const owner = await createMember(db.ctx);
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Women in Tech" });
    await askToJoin(db.ctx, viewer(asker), community.id);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    await decideRequests(db.ctx, viewer(owner), { membershipIds: [request.id], decision: "decline", reason: "  Please add a headline first.  " });
    expect(await membership(db.ctx, community.id, asker.id)).toBeNull();
    expect(await memberCount(db.ctx, community.id)).toBe(1);
    expect(await decisionsOf(db.ctx, request.id)).toEqual([{ decision: "declined", reason: "Please add a headline first.", by: owner.id }]);
    const [note] = await notesOf(db.ctx, asker.id);
    expect(note.message).toBe("Your request to join Women in Tech was declined. The moderator's reason: Please add a headline first.");
    expect(await askToJoin(db.ctx, viewer(asker), community.id)).toBe("requested");
  });

  it("a second moderator deciding the same request changes nothing and learns who decided", async () => {
    const owner = await createMember(db.ctx, { name: "Rania First" });
    const helper = await createMember(db.ctx);
    const asker = await createMember(db.ctx, { name: "Late Asker" });
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, helper.id);
    await appointRow(db.ctx, community.id, helper.id);
    await askToJoin(db.ctx, viewer(asker), community.id);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    await decideRequests(db.ctx, viewer(owner), { membershipIds: [request.id], decision: "approve" });
    const [late] = await decideRequests(db.ctx, viewer(helper), { membershipIds: [request.id], decision: "decline", reason: "no" });
    expect(late).toEqual({ membershipId: request.id, kind: "already", decision: "approve", by: "Rania First", memberName: "Late Asker" });
    expect(await membership(db.ctx, community.id, asker.id)).toMatchObject({ status: "approved" });
    expect(await notesOf(db.ctx, asker.id)).toHaveLength(1);
    expect(await memberCount(db.ctx, community.id)).toBe(3);
  });

  it("someone who does not moderate the community cannot decide its requests, even with the id", async () => {
    const owner = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const otherOwner = await makeModeratedCommunity(db.ctx, other.id);
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await askToJoin(db.ctx, viewer(asker), community.id);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    for (const who of [other, asker]) {
      const [outcome] = await decideRequests(db.ctx, viewer(who), { membershipIds: [request.id], decision: "approve" });
      expect(outcome.kind).toBe("not_found");
    }
    expect(otherOwner.id).not.toBe(community.id);
    expect(await membership(db.ctx, community.id, asker.id)).toMatchObject({ status: "pending" });
    const admin = await createMember(db.ctx, { role: "admin" });
    const [outcome] = await decideRequests(db.ctx, viewer(admin), { membershipIds: [request.id], decision: "approve" });
    expect(outcome.kind).toBe("done");
  });

  it("a batch decides every ticked request it may, and says which were already decided", async () => {
    const owner = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const asker = await createMember(db.ctx);
      await askToJoin(db.ctx, viewer(asker), community.id);
      ids.push((await membership(db.ctx, community.id, asker.id))!.id);
    }
    await decideRequests(db.ctx, viewer(owner), { membershipIds: [ids[0]], decision: "decline" });
    const outcomes = await decideRequests(db.ctx, viewer(owner), { membershipIds: [...ids, "not-an-id"], decision: "approve" });
    expect(outcomes.map((o) => o.kind)).toEqual(["already", "done", "done", "not_found"]);
    expect(await memberCount(db.ctx, community.id)).toBe(3);
  });

  it("the header's count is null for members who moderate nothing and stops at 100", async () => {
    const owner = await createMember(db.ctx);
    const nobody = await createMember(db.ctx);
    const global = await createMember(db.ctx, { role: "moderator" });
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    expect(await waitingRequestCount(db.ctx, viewer(nobody))).toBeNull();
    expect(await waitingRequestCount(db.ctx, viewer(owner))).toBe(0);
    const m = db.ctx.t.community_memberships;
    const askers = await Promise.all(Array.from({ length: 102 }, () => createMember(db.ctx)));
    await db.ctx.db.insert(m).values(askers.map((a) => ({ community_id: community.id, user_id: a.id, status: "pending" as const })));
    expect(await waitingRequestCount(db.ctx, viewer(owner))).toBe(100);
    expect(await waitingRequestCount(db.ctx, viewer(global))).toBe(100);
  });
});

describeEachDatabase("Members, removal, bans and moderators", (db) => {
  it("lists approved members in the order they joined, moderators and the creator marked", async () => {
    const owner = await createMember(db.ctx, { name: "Owner" });
    const helper = await createMember(db.ctx, { name: "Helper" });
    const pending = await createMember(db.ctx, { name: "Pending" });
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    const helperRow = await addCommunityMember(db.ctx, community.id, helper.id);
    await appointRow(db.ctx, community.id, helper.id);
    await addCommunityMember(db.ctx, community.id, pending.id, "pending");
    // Joined a minute after the creator (rows written in the same millisecond would order by id).
    const m = db.ctx.t.community_memberships;
    await db.ctx.db.update(m).set({ joined_at: new Date(Date.now() + 60_000) }).where(eq(m.id, helperRow.id));
    const page = await listMembers(db.ctx, community.id);
    expect(page.rows.map((r) => [r.name, r.creator, r.moderator])).toEqual([
      ["Owner", true, true],
      ["Helper", false, true],
    ]);
    const first = await listMembers(db.ctx, community.id, { pageSize: 1 });
    const second = await listMembers(db.ctx, community.id, { pageSize: 1, after: first.next! });
    expect([first.rows[0].name, second.rows[0].name]).toEqual(["Owner", "Helper"]);
    expect(second.next).toBeNull();
  });

  it("a moderator removes a member with a reason: the count drops, the decision is kept and the member is told", async () => {
    const owner = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Devs" });
    const row = await addCommunityMember(db.ctx, community.id, member.id);
    expect(await removeMember(db.ctx, viewer(owner), { communityId: community.id, userId: member.id, action: "remove", reason: "Spam links" })).toBe("removed");
    expect(await membership(db.ctx, community.id, member.id)).toBeNull();
    expect(await memberCount(db.ctx, community.id)).toBe(1);
    expect(await decisionsOf(db.ctx, row.id)).toEqual([{ decision: "removed", reason: "Spam links", by: owner.id }]);
    expect((await notesOf(db.ctx, member.id))[0].message).toBe("A moderator removed you from Devs. Their reason: Spam links");
    expect(await askToJoin(db.ctx, viewer(member), community.id)).toBe("requested");
  });

  it("a banned member cannot ask again", async () => {
    const owner = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, member.id);
    expect(await removeMember(db.ctx, viewer(owner), { communityId: community.id, userId: member.id, action: "ban", reason: "Abuse" })).toBe("banned");
    expect(await askToJoin(db.ctx, viewer(member), community.id)).toBe("banned");
    expect(await membership(db.ctx, community.id, member.id)).toBeNull();
  });

  it("nobody removes the creator; only the creator or a global moderator removes another moderator; plain members remove no one", async () => {
    const owner = await createMember(db.ctx);
    const helperA = await createMember(db.ctx);
    const helperB = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    for (const m of [helperA, helperB, member]) await addCommunityMember(db.ctx, community.id, m.id);
    await appointRow(db.ctx, community.id, helperA.id);
    await appointRow(db.ctx, community.id, helperB.id);
    const input = (userId: string) => ({ communityId: community.id, userId, action: "remove" as const, reason: "x" });
    expect(await removeMember(db.ctx, viewer(helperA), input(owner.id))).toBe("creator");
    expect(await removeMember(db.ctx, viewer(helperA), input(helperB.id))).toBe("moderator");
    expect(await removeMember(db.ctx, viewer(member), input(helperA.id))).toBe("not_found");
    expect(await removeMember(db.ctx, viewer(helperA), input(helperA.id))).toBe("self");
    expect(await removeMember(db.ctx, viewer(owner), input(helperB.id))).toBe("removed");
    expect(await memberCount(db.ctx, community.id)).toBe(3);
  });

  it("the creator appoints an approved member; others cannot; a moderator steps down but the creator does not", async () => {
    const owner = await createMember(db.ctx);
    const helper = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const outsider = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Alumni" });
    await addCommunityMember(db.ctx, community.id, helper.id);
    await addCommunityMember(db.ctx, community.id, member.id);
    expect(await appointModerator(db.ctx, viewer(helper), { communityId: community.id, userId: member.id })).toBe("not_found");
    expect(await appointModerator(db.ctx, viewer(owner), { communityId: community.id, userId: outsider.id })).toBe("not_member");
    expect(await appointModerator(db.ctx, viewer(owner), { communityId: community.id, userId: helper.id })).toBe("appointed");
    expect(await appointModerator(db.ctx, viewer(owner), { communityId: community.id, userId: helper.id })).toBe("already_moderator");
    expect((await notesOf(db.ctx, helper.id))[0].title).toBe("You now moderate Alumni");
    expect(await waitingRequestCount(db.ctx, viewer(helper))).toBe(0);
    expect(await stepDown(db.ctx, viewer(helper), community.id)).toBe("stepped_down");
    expect(await waitingRequestCount(db.ctx, viewer(helper))).toBeNull();
    expect(await stepDown(db.ctx, viewer(owner), community.id)).toBe("creator");
  });
});

describeEachDatabase("Membership and moderation pages", (db) => {
  it("a member asks from the membership page, the creator approves from /moderation without JavaScript, and the header counts", async () => {
    const owner = await createMember(db.ctx, { name: "Page Owner" });
    const asker = await createMember(db.ctx, { name: "Page Asker" });
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Page Community" });
    const member = await signedInClient(db.ctx, asker);
    const ask = await member.get(`/communities/${community.id}/membership`);
    expect(ask.status).toBe(200);
    expect(textOf(ask.html)).toContain("Join Page Community");
    const sent = await member.post(`/communities/${community.id}/membership`, { intent: "ask", back: `/communities/${community.id}/membership` });
    expect(sent.status).toBe(302);
    const after = await member.get(sent.location!);
    expect(textOf(after.html)).toContain("Request sent. A moderator will decide.");
    expect(textOf(after.html)).toContain("Your request to join Page Community is waiting");

    const moderator = await signedInClient(db.ctx, owner);
    const queue = await moderator.get("/moderation");
    expect(queue.status).toBe(200);
    expect(textOf(queue.html)).toContain("Page Asker");
    expect(queue.html).toMatch(/Membership requests\s*<!-- -->\s*<span class="badge[^"]*">1/);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    const approved = await moderator.post("/moderation", { membershipId: request.id, intent: "approve" });
    expect(approved.status).toBe(302);
    expect(approved.location).toBe("/moderation");
    const next = await moderator.get("/moderation");
    expect(textOf(next.html)).toContain("Page Asker is now a member.");
    expect(textOf(next.html)).toContain("No requests are waiting.");
  });

  it("a batch approves every ticked request in one submit, and a fetcher gets the outcome as data", async () => {
    const owner = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const asker = await createMember(db.ctx);
      await askToJoin(db.ctx, viewer(asker), community.id);
      ids.push((await membership(db.ctx, community.id, asker.id))!.id);
    }
    const moderator = await signedInClient(db.ctx, owner);
    const form = new URLSearchParams();
    for (const id of ids.slice(0, 2)) form.append("membershipId", id);
    form.set("intent", "approve");
    form.set("batch", "1");
    form.set("csrf", await moderator.csrfToken());
    const res = await moderator.request("POST", `/communities/${community.id}/requests`, { body: form });
    expect(res.status).toBe(302);
    expect(await memberCount(db.ctx, community.id)).toBe(3);
    const page = await moderator.get(res.location!);
    expect(textOf(page.html)).toContain("Approved 2 requests.");
    const fetched = await moderator.post(`/communities/${community.id}/requests`, { membershipId: ids[2], intent: "decline", via: "fetcher" });
    expect(fetched.status).toBe(200);
    expect(JSON.stringify(fetched.html)).toContain("request.");
    expect(await decisionsOf(db.ctx, ids[2])).toEqual([{ decision: "declined", reason: null, by: owner.id }]);
  });

  it("bad queue input answers 400 with the message beside the field and the typed reason kept", async () => {
    const owner = await createMember(db.ctx);
    const asker = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await askToJoin(db.ctx, viewer(asker), community.id);
    const request = (await membership(db.ctx, community.id, asker.id))!;
    const moderator = await signedInClient(db.ctx, owner);
    const none = await moderator.post("/moderation", { intent: "approve", batch: "1" });
    expect(none.status).toBe(400);
    expect(textOf(none.html)).toContain("Tick at least one request first.");
    const long = "x".repeat(501);
    const tooLong = await moderator.post("/moderation", { membershipId: request.id, intent: "decline", reason: long });
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html)).toContain("Keep the reason to 500 characters or fewer.");
    expect(tooLong.html).toContain(long);
    expect(await membership(db.ctx, community.id, asker.id)).toMatchObject({ status: "pending" });
  });

  it("removing without a reason answers 400 beside the reason; with one, the member is removed", async () => {
    const owner = await createMember(db.ctx);
    const member = await createMember(db.ctx, { name: "Removed Member" });
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, member.id);
    const moderator = await signedInClient(db.ctx, owner);
    const list = await moderator.get(`/communities/${community.id}/members`);
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain("Removed Member");
    const empty = await moderator.post(`/communities/${community.id}/members`, { intent: "remove", userId: member.id, reason: "  " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Give a reason: the member reads it.");
    const done = await moderator.post(`/communities/${community.id}/members`, { intent: "remove", userId: member.id, reason: "Off topic" });
    expect(done.status).toBe(302);
    expect(await membership(db.ctx, community.id, member.id)).toBeNull();
  });

  it("a bare leave goes to the confirmation page first; the confirmed leave leaves", async () => {
    const owner = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Leavers" });
    await addCommunityMember(db.ctx, community.id, member.id);
    const browser = await signedInClient(db.ctx, member);
    const bare = await browser.post(`/communities/${community.id}/membership`, { intent: "leave" });
    expect(bare.status).toBe(302);
    expect(bare.location).toBe(`/communities/${community.id}/membership`);
    expect(await membership(db.ctx, community.id, member.id)).toMatchObject({ status: "approved" });
    const confirm = await browser.get(bare.location!);
    expect(textOf(confirm.html)).toContain("Leave Leavers?");
    const left = await browser.post(`/communities/${community.id}/membership`, { intent: "leave", confirmed: "yes" });
    expect(left.status).toBe(302);
    expect(await membership(db.ctx, community.id, member.id)).toBeNull();
  });

  it("in lite mode a full page of requests and of members has no script and stays within 14,600 bytes gzip", async () => {
    const owner = await createMember(db.ctx, { name: "Lite Owner" });
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "A community with a fairly long name for weight" });
    const m = db.ctx.t.community_memberships;
    const askers = await Promise.all(Array.from({ length: 31 }, (_, i) => createMember(db.ctx, { name: `Asker with a longer name ${i}` })));
    const members = await Promise.all(Array.from({ length: 31 }, (_, i) => createMember(db.ctx, { name: `Member with a longer name ${i}` })));
    await db.ctx.db.insert(m).values(askers.map((a) => ({ community_id: community.id, user_id: a.id, status: "pending" as const })));
    for (const member of members) await addCommunityMember(db.ctx, community.id, member.id);
    const browser = await signedInClient(db.ctx, owner);
    for (const path of ["/moderation", `/communities/${community.id}/requests`, `/communities/${community.id}/members`, `/communities/${community.id}/membership`]) {
      const page = await browser.get(path, { "Save-Data": "on" });
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toMatch(/<script/i);
      expect(gzipSync(page.html).byteLength, path).toBeLessThanOrEqual(14_600);
    }
  });

  it("the queue and the membership page speak the reader's language, right to left in Arabic", async () => {
    const owner = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "Alumni" });
    const browser = await signedInClient(db.ctx, owner);
    browser.cookies.set("ladder_lang", "ar");
    const queue = await browser.get("/moderation");
    expect(queue.html).toContain('dir="rtl"');
    expect(textOf(queue.html)).toContain("طلبات العضوية");
    browser.cookies.set("ladder_lang", "hi");
    const page = await browser.get(`/communities/${community.id}/membership`);
    expect(textOf(page.html)).toContain("आपने Alumni बनाया है");
  });

  it("bad ids answer 404, not 500", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    for (const path of ["/communities/nope/membership", "/communities/nope/requests", "/communities/nope/members", "/communities/00000000-0000-4000-8000-000000000000/members"]) {
      expect((await browser.get(path)).status).toBe(404);
    }
    expect((await browser.post("/communities/nope/membership", { intent: "ask" })).status).toBe(404);
    expect((await browser.get("/moderation?after=broken")).status).toBe(400);
    const visitor = await appClient(db.ctx);
    expect((await visitor.get("/moderation")).status).toBe(302);
  });
});
