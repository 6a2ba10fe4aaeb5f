/**
 * Community posts (issue 16): members write updates and events, authors edit and delete, moderators
 * delete any, non-members see no post, a new event tells only its subscribers, the .ics file, and
 * the pages through the real app (JavaScript off: plain POSTs, 400 with the message beside the
 * field and what was typed). On both databases.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { setEventNews, upcomingEvents } from "../../app/modules/communities/events.server";
import type { PostInput } from "../../app/modules/communities/post-forms.server";
import { createPost, deletePost, getPost, listPosts, updatePost } from "../../app/modules/communities/posts.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type Member } from "../support/app";
import { addCommunityMember, appointModerator, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase } from "../support/db";
import { makeCommunityPost } from "../support/factories";

const viewer = (m: Member) => ({ id: m.id, role: m.role });
const update = (content: string): PostInput => ({ type: "update", content, event: null });
const event = (content: string, startsAt: string, extra: Partial<{ endsAt: string; place: string; onlineUrl: string }> = {}): PostInput => ({
  type: "event",
  content,
  event: {
    startsAt: new Date(startsAt),
    endsAt: extra.endsAt ? new Date(extra.endsAt) : null,
    place: extra.place ?? "Room 4",
    onlineUrl: extra.onlineUrl ?? null,
  },
});

/** A community made by `creator` with an approved member, a pending member and an outsider. */
async function setting(ctx: Ctx) {
  const creator = await createMember(ctx, { name: "Salma Creator" });
  const member = await createMember(ctx, { name: "Omar Member" });
  const pending = await createMember(ctx, { name: "Pia Pending" });
  const outsider = await createMember(ctx, { name: "Otto Outsider" });
  const community = await makeModeratedCommunity(ctx, creator.id, { name: `Cairo engineers ${creator.id.slice(0, 8)}`, description: "Software people in Cairo" });
  await addCommunityMember(ctx, community.id, member.id);
  await addCommunityMember(ctx, community.id, pending.id, "pending");
  return { creator, member, pending, outsider, community };
}

async function notesOf(ctx: Ctx, userId: string) {
  const { notification: n, notification_links: l } = ctx.t;
  return ctx.db.select({ title: n.title, message: n.message, href: l.href }).from(n).leftJoin(l, eq(l.notification_id, n.id)).where(eq(n.user_id, userId));
}

describeEachDatabase("Community posts", (db) => {
  it("an approved member posts an update; pending members and outsiders cannot, and nobody is told", async () => {
    const s = await setting(db.ctx);
    const made = await createPost(db.ctx, viewer(s.member), s.community.id, update("Hello all"));
    expect(made.ok).toBe(true);
    expect(await createPost(db.ctx, viewer(s.pending), s.community.id, update("Me too"))).toEqual({ ok: false, reason: "not_member" });
    expect(await createPost(db.ctx, viewer(s.outsider), s.community.id, update("Me too"))).toEqual({ ok: false, reason: "not_member" });
    expect(await createPost(db.ctx, viewer(s.member), "not-a-uuid", update("x"))).toEqual({ ok: false, reason: "not_member" });
    const { community_posts: p } = db.ctx.t;
    expect(await db.ctx.db.select({ content: p.content }).from(p).where(eq(p.community_id, s.community.id))).toEqual([{ content: "Hello all" }]);
    for (const m of [s.creator, s.pending, s.outsider]) expect(await notesOf(db.ctx, m.id)).toEqual([]);
  });

  it("only members and moderators read posts; the list is newest first in keyset pages", async () => {
    const s = await setting(db.ctx);
    const globalModerator = await createMember(db.ctx, { role: "moderator" });
    for (let i = 0; i < 5; i++) await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: `Post ${i}`, created_at: new Date(Date.UTC(2027, 0, 1, 10, i)) });
    const first = await listPosts(db.ctx, viewer(s.member), s.community.id, { pageSize: 2 });
    expect(first.rows.map((r) => r.content)).toEqual(["Post 4", "Post 3"]);
    const second = await listPosts(db.ctx, viewer(s.member), s.community.id, { pageSize: 2, after: first.next! });
    expect(second.rows.map((r) => r.content)).toEqual(["Post 2", "Post 1"]);
    const third = await listPosts(db.ctx, viewer(s.member), s.community.id, { pageSize: 2, after: second.next! });
    expect(third.rows.map((r) => r.content)).toEqual(["Post 0"]);
    expect(third.next).toBeNull();
    expect((await listPosts(db.ctx, viewer(s.pending), s.community.id)).rows).toEqual([]);
    expect((await listPosts(db.ctx, viewer(s.outsider), s.community.id)).rows).toEqual([]);
    expect((await listPosts(db.ctx, viewer(globalModerator), s.community.id)).rows).toHaveLength(5);
    const postId = first.rows[0].id;
    expect(await getPost(db.ctx, viewer(s.outsider), s.community.id, postId)).toBeNull();
    expect(await getPost(db.ctx, viewer(s.pending), s.community.id, postId)).toBeNull();
    expect((await getPost(db.ctx, viewer(s.creator), s.community.id, postId))?.content).toBe("Post 4");
  });

  it("a post asked for under another community's address is not found", async () => {
    const s = await setting(db.ctx);
    const other = await makeModeratedCommunity(db.ctx, s.member.id, { name: `Other ${s.member.id.slice(0, 8)}` });
    const post = await makeCommunityPost(db.ctx, s.community.id, s.member.id);
    expect(await getPost(db.ctx, viewer(s.member), other.id, post.id)).toBeNull();
    expect(await deletePost(db.ctx, viewer(s.member), other.id, post.id)).toEqual({ ok: false });
  });

  it("an event keeps its time and place, is listed as upcoming until it starts, and an update is not", async () => {
    const s = await setting(db.ctx);
    const now = new Date("2027-03-01T00:00:00.000Z");
    await createPost(db.ctx, viewer(s.member), s.community.id, event("Past meetup", "2027-02-01T18:00:00.000Z"));
    const made = await createPost(db.ctx, viewer(s.member), s.community.id, event("Spring meetup\nDetails inside", "2027-03-14T16:30:00.000Z", { endsAt: "2027-03-14T18:30:00.000Z", onlineUrl: "https://meet.example.com/x" }));
    await createPost(db.ctx, viewer(s.member), s.community.id, update("Not an event"));
    const upcoming = await upcomingEvents(db.ctx, s.community.id, now);
    expect(upcoming.map((e) => e.content)).toEqual(["Spring meetup\nDetails inside"]);
    const post = await getPost(db.ctx, viewer(s.member), s.community.id, made.ok ? made.postId : "");
    expect(post?.event).toEqual({ startsAt: new Date("2027-03-14T16:30:00.000Z"), endsAt: new Date("2027-03-14T18:30:00.000Z"), place: "Room 4", onlineUrl: "https://meet.example.com/x" });
  });

  it("a new event tells the subscribed members in their own language, in the same transaction; updates and unsubscribed members hear nothing", async () => {
    const s = await setting(db.ctx);
    const arabic = await createMember(db.ctx, { name: "Huda" });
    await addCommunityMember(db.ctx, s.community.id, arabic.id);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: arabic.id, language: "ar", time_zone: "Africa/Cairo", updated_at: new Date() });
    expect(await setEventNews(db.ctx, viewer(s.creator), s.community.id, true)).toBe("done");
    expect(await setEventNews(db.ctx, viewer(arabic), s.community.id, true)).toBe("done");
    expect(await setEventNews(db.ctx, viewer(s.member), s.community.id, true)).toBe("done");
    // Outsiders and pending members cannot subscribe.
    expect(await setEventNews(db.ctx, viewer(s.pending), s.community.id, true)).toBe("not_member");
    expect(await setEventNews(db.ctx, viewer(s.outsider), s.community.id, true)).toBe("not_member");
    await createPost(db.ctx, viewer(s.member), s.community.id, update("Just news"));
    expect(await notesOf(db.ctx, s.creator.id)).toEqual([]);
    const made = await createPost(db.ctx, viewer(s.member), s.community.id, event("Spring meetup", "2027-03-14T16:30:00.000Z"));
    const href = `/communities/${s.community.id}/posts/${made.ok ? made.postId : ""}`;
    const creatorNotes = await notesOf(db.ctx, s.creator.id);
    expect(creatorNotes).toEqual([{ title: `New event in ${s.community.name}`, message: "Omar Member posted an event: Spring meetup, 14 Mar 2027, 16:30 UTC.", href }]);
    const arabicNotes = await notesOf(db.ctx, arabic.id);
    expect(arabicNotes).toHaveLength(1);
    expect(arabicNotes[0].title).toBe(`فعالية جديدة في ${s.community.name}`);
    expect(arabicNotes[0].message).toContain("Africa/Cairo");
    // The author is not told of their own event; the others never subscribed.
    for (const m of [s.member, s.pending, s.outsider]) expect(await notesOf(db.ctx, m.id)).toEqual([]);
    // Off again: the next event tells them nothing.
    await setEventNews(db.ctx, viewer(s.creator), s.community.id, false);
    await createPost(db.ctx, viewer(s.member), s.community.id, event("Summer meetup", "2027-06-14T16:30:00.000Z"));
    expect(await notesOf(db.ctx, s.creator.id)).toHaveLength(1);
  });

  it("only the author edits a post, and an event's type and times change with it", async () => {
    const s = await setting(db.ctx);
    const made = await createPost(db.ctx, viewer(s.member), s.community.id, event("Meetup", "2027-03-14T16:30:00.000Z"));
    const postId = made.ok ? made.postId : "";
    const changed = event("Meetup, moved", "2027-03-15T16:30:00.000Z", { place: "Room 5" });
    expect(await updatePost(db.ctx, viewer(s.creator), s.community.id, postId, changed)).toBe("not_found");
    expect(await updatePost(db.ctx, viewer(s.member), s.community.id, postId, update("Now an update?"))).toBe("not_found");
    expect(await updatePost(db.ctx, viewer(s.member), s.community.id, postId, changed)).toBe("done");
    const post = await getPost(db.ctx, viewer(s.member), s.community.id, postId);
    expect(post?.content).toBe("Meetup, moved");
    expect(post?.event).toMatchObject({ startsAt: new Date("2027-03-15T16:30:00.000Z"), place: "Room 5" });
  });

  it("the author deletes their post; a community moderator or a global moderator deletes any and its author is told; nobody else can", async () => {
    const s = await setting(db.ctx);
    const appointed = await createMember(db.ctx);
    await addCommunityMember(db.ctx, s.community.id, appointed.id);
    await appointModerator(db.ctx, s.community.id, appointed.id);
    const globalModerator = await createMember(db.ctx, { role: "moderator" });
    const a = await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: "First" });
    const b = await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: "Second" });
    const c = await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: "Third", type: "event" });
    await db.ctx.db.insert(db.ctx.t.community_events).values({ post_id: c.id, community_id: s.community.id, starts_at: new Date("2027-03-14T16:30:00.000Z"), place: "Hall" });
    const d = await makeCommunityPost(db.ctx, s.community.id, s.creator.id, { content: "Creator's" });
    expect(await deletePost(db.ctx, viewer(s.pending), s.community.id, a.id)).toEqual({ ok: false });
    expect(await deletePost(db.ctx, viewer(s.outsider), s.community.id, a.id)).toEqual({ ok: false });
    // A member who is no moderator cannot delete another's post.
    expect(await deletePost(db.ctx, viewer(s.member), s.community.id, d.id)).toEqual({ ok: false });
    expect(await deletePost(db.ctx, viewer(s.member), s.community.id, a.id)).toEqual({ ok: true, byModerator: false });
    expect(await deletePost(db.ctx, viewer(appointed), s.community.id, b.id)).toEqual({ ok: true, byModerator: true });
    expect(await deletePost(db.ctx, viewer(globalModerator), s.community.id, c.id)).toEqual({ ok: true, byModerator: true });
    const { community_posts: p, community_events: e } = db.ctx.t;
    expect((await db.ctx.db.select({ id: p.id }).from(p).where(eq(p.community_id, s.community.id))).map((r) => r.id)).toEqual([d.id]);
    expect(await db.ctx.db.select().from(e).where(and(eq(e.community_id, s.community.id)))).toEqual([]);
    const notes = await notesOf(db.ctx, s.member.id);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ title: `Your post in ${s.community.name} was removed`, href: `/communities/${s.community.id}` });
  });
});

describeEachDatabase("Community page and post pages through the app", (db) => {
  it("a visitor and a non-member read the about part and the join control, never the posts", async () => {
    const s = await setting(db.ctx);
    await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: "Members-only secret" });
    const visitor = await appClient(db.ctx);
    const page = await visitor.get(`/communities/${s.community.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain(s.community.name);
    expect(text).toContain("Software people in Cairo");
    expect(text).toContain("2 members");
    expect(text).toContain("Salma Creator");
    expect(text).toContain("Sign in to join");
    expect(text).toContain("Posts are for members only.");
    expect(text).not.toContain("Members-only secret");

    const outsider = await appClient(db.ctx);
    await outsider.signIn(s.outsider);
    const asOutsider = await outsider.get(`/communities/${s.community.id}`);
    expect(textOf(asOutsider.html)).toContain("Ask to join");
    expect(asOutsider.html).toContain(`action="/communities/${s.community.id}/membership"`);
    expect(textOf(asOutsider.html)).not.toContain("Members-only secret");

    const pending = await appClient(db.ctx);
    await pending.signIn(s.pending);
    expect(textOf((await pending.get(`/communities/${s.community.id}`)).html)).toContain("Request sent. Withdraw request");

    const banned = await createMember(db.ctx);
    await db.ctx.db.insert(db.ctx.t.community_bans).values({ community_id: s.community.id, user_id: banned.id, banned_by: s.creator.id, reason: "spam" });
    const asBanned = await appClient(db.ctx);
    await asBanned.signIn(banned);
    const bannedText = textOf((await asBanned.get(`/communities/${s.community.id}`)).html);
    expect(bannedText).toContain("you cannot ask to join it");
    expect(bannedText).not.toContain("Ask to join");
  });

  it("a member reads the posts with links made clickable and no HTML, and the creator gets the moderator's and owner's links", async () => {
    const s = await setting(db.ctx);
    await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: 'Slides: https://example.com/slides <b>bold</b> <script>alert(1)</script>' });
    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const page = await member.get(`/communities/${s.community.id}`);
    expect(page.html).toContain('<a href="https://example.com/slides" rel="nofollow noopener noreferrer ugc"');
    expect(page.html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(page.html).not.toContain("<script>alert(1)");
    expect(page.html).not.toContain(`/communities/${s.community.id}/requests`);
    const creator = await appClient(db.ctx);
    await creator.signIn(s.creator);
    const asCreator = await creator.get(`/communities/${s.community.id}`);
    for (const path of ["requests", "members", "edit", "delete"]) expect(asCreator.html).toContain(`href="/communities/${s.community.id}/${path}"`);
  });

  it("an unknown or malformed community address is 404, and a tampered page link 400", async () => {
    const browser = await appClient(db.ctx);
    expect((await browser.get("/communities/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await browser.get("/communities/not-an-id")).status).toBe(404);
    const s = await setting(db.ctx);
    expect((await browser.get(`/communities/${s.community.id}?posts=broken`)).status).toBe(400);
  });

  it("the short update form posts and redirects to the community page with the post on it", async () => {
    const s = await setting(db.ctx);
    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const res = await member.post(`/communities/${s.community.id}/posts/new`, { type: "update", content: "Hiring two juniors" });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/communities/${s.community.id}`);
    const page = await member.get(`/communities/${s.community.id}`);
    expect(textOf(page.html)).toContain("Your update is posted.");
    expect(textOf(page.html)).toContain("Hiring two juniors");
  });

  it("bad input answers 400 with the message beside the field and what was typed kept", async () => {
    const s = await setting(db.ctx);
    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const path = `/communities/${s.community.id}/posts/new`;
    const empty = await member.post(path, { type: "update", content: "   " });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="content-error"');
    expect(textOf(empty.html)).toContain("Write something to post.");

    const long = await member.post(path, { type: "update", content: "x".repeat(5001) });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("At most 5,000 characters: this has 5,001.");

    const backwards = await member.post(path, {
      type: "event",
      content: "Evening talk",
      startDate: "2027-03-14",
      startTime: "18:00",
      endDate: "2027-03-14",
      endTime: "17:00",
      place: "Room 4",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.html).toContain('id="endDate-error"');
    expect(textOf(backwards.html)).toContain("The event must end after it starts.");
    expect(backwards.html).toContain('value="Room 4"');
    expect(backwards.html).toContain("Evening talk");

    const nowhere = await member.post(path, { type: "event", content: "Talk", startDate: "2027-03-14", startTime: "18:00", onlineUrl: "javascript:alert(1)" });
    expect(nowhere.status).toBe(400);
    expect(textOf(nowhere.html)).toContain("Enter a full web address starting with https:// or http://.");
    const { community_posts: p } = db.ctx.t;
    expect(await db.ctx.db.select().from(p).where(eq(p.community_id, s.community.id))).toEqual([]);
  });

  it("an event is entered and shown in the member's zone, and its .ics is for members only", async () => {
    const s = await setting(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: s.member.id, time_zone: "Asia/Kolkata", updated_at: new Date() });
    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const res = await member.post(`/communities/${s.community.id}/posts/new`, {
      type: "event",
      content: "Resume clinic\nBring your CV",
      startDate: "2030-03-14",
      startTime: "18:30",
      endDate: "2030-03-14",
      endTime: "20:00",
      place: "Library, room 2",
      onlineUrl: "https://meet.example.com/clinic",
    });
    expect(res.status).toBe(302);
    const { community_events: e } = db.ctx.t;
    const [row] = await db.ctx.db.select().from(e).where(eq(e.community_id, s.community.id));
    expect(row.starts_at.toISOString()).toBe("2030-03-14T13:00:00.000Z");
    const page = textOf((await member.get(`/communities/${s.community.id}`)).html);
    expect(page).toContain("Upcoming events");
    expect(page).toContain("14 Mar 2030, 18:30 Asia/Kolkata");
    // The creator has no saved zone: UTC.
    const creator = await appClient(db.ctx);
    await creator.signIn(s.creator);
    expect(textOf((await creator.get(`/communities/${s.community.id}`)).html)).toContain("14 Mar 2030, 13:00 UTC");

    const ics = await member.get(`/communities/${s.community.id}/posts/${row.post_id}/ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(ics.html).toContain("DTSTART:20300314T130000Z");
    expect(ics.html).toContain("DTEND:20300314T143000Z");
    expect(ics.html).toContain("SUMMARY:Resume clinic");
    expect(ics.html).toContain("LOCATION:Library\\, room 2");
    expect(ics.html).toContain("URL:https://meet.example.com/clinic");

    const outsider = await appClient(db.ctx);
    await outsider.signIn(s.outsider);
    expect((await outsider.get(`/communities/${s.community.id}/posts/${row.post_id}/ics`)).status).toBe(404);
    expect((await outsider.get(`/communities/${s.community.id}/posts/${row.post_id}`)).status).toBe(404);
    // A visitor sees the event's title and time in the about part, not a link to it.
    const visitorPage = await (await appClient(db.ctx)).get(`/communities/${s.community.id}`);
    expect(textOf(visitorPage.html)).toContain("Resume clinic");
    expect(visitorPage.html).not.toContain(`/posts/${row.post_id}`);
  });

  it("the author edits an event in their zone; another member gets 404 on the edit page", async () => {
    const s = await setting(db.ctx);
    const made = await createPost(db.ctx, viewer(s.member), s.community.id, event("Meetup", "2030-03-14T16:30:00.000Z"));
    const postId = made.ok ? made.postId : "";
    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const form = await member.get(`/communities/${s.community.id}/posts/${postId}/edit`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('value="2030-03-14"');
    expect(form.html).toContain('value="16:30"');
    const saved = await member.post(`/communities/${s.community.id}/posts/${postId}/edit`, { content: "Meetup, later", startDate: "2030-03-14", startTime: "19:00", place: "Room 4" });
    expect(saved.status).toBe(302);
    expect(textOf((await member.get(saved.location!)).html)).toContain("14 Mar 2030, 19:00 UTC");
    const creator = await appClient(db.ctx);
    await creator.signIn(s.creator);
    expect((await creator.get(`/communities/${s.community.id}/posts/${postId}/edit`)).status).toBe(404);
    expect((await creator.post(`/communities/${s.community.id}/posts/${postId}/edit`, { content: "Hijack" })).status).toBe(404);
  });

  it("a moderator removes a post after the confirmation page, and the member switches event news on and off", async () => {
    const s = await setting(db.ctx);
    const post = await makeCommunityPost(db.ctx, s.community.id, s.member.id, { content: "Off-topic" });
    const creator = await appClient(db.ctx);
    await creator.signIn(s.creator);
    const confirm = await creator.get(`/communities/${s.community.id}/posts/${post.id}/delete`);
    expect(textOf(confirm.html)).toContain("Delete the post by Omar Member?");
    const gone = await creator.post(`/communities/${s.community.id}/posts/${post.id}/delete`, {});
    expect(gone.status).toBe(302);
    expect(textOf((await creator.get(gone.location!)).html)).toContain("The post is removed, and its author is told.");
    expect((await creator.get(`/communities/${s.community.id}/posts/${post.id}`)).status).toBe(404);

    const member = await appClient(db.ctx);
    await member.signIn(s.member);
    const on = await member.post(`/communities/${s.community.id}`, { intent: "events-on" });
    expect(on.status).toBe(302);
    expect(textOf((await member.get(`/communities/${s.community.id}`)).html)).toContain("You are told about new events here.");
    await member.post(`/communities/${s.community.id}`, { intent: "events-off" });
    expect(textOf((await member.get(`/communities/${s.community.id}`)).html)).toContain("You are not told about new events here.");
    const outsider = await appClient(db.ctx);
    await outsider.signIn(s.outsider);
    expect((await outsider.post(`/communities/${s.community.id}`, { intent: "events-on" })).status).toBe(404);
  });
});
