/**
 * Issue 13, item 11 through the real app on both databases: the week from the member's own first
 * day, asking a connection to add availability, and proposed meetings that the invitee accepts or
 * declines (exactly one answer wins when several race, on PostgreSQL).
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addBlock, slotsWith } from "../../app/modules/calendar/calendar.server";
import { answerMeeting, cancelMeeting, createMeeting } from "../../app/modules/calendar/meetings.server";
import type { Ctx } from "../../db/client";
import { connectedMembers, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";

/** A week well in the future: Monday 3 June 2030; its Saturday-first week starts on 1 June. */
const WEEK = "2030-06-03";
const week = new Date(`${WEEK}T00:00:00.000Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const SLOT = "2030-06-03T09:30:00.000Z";

/** Two connected members whose saved time zone is UTC. */
async function connected(ctx: Ctx) {
  const { a, b } = await connectedMembers(ctx);
  await ctx.db.insert(ctx.t.member_settings).values([
    { user_id: a.id, time_zone: "UTC" },
    { user_id: b.id, time_zone: "UTC" },
  ]);
  return { a, b };
}

/** Both available Monday 3 June 09:00–12:00 UTC. */
async function bothFree(ctx: Ctx, a: Member, b: Member) {
  for (const id of [a.id, b.id]) await addBlock(ctx, { userId: id, week, dayOfWeek: 0, range: { start: 540, end: 720 }, isBlocked: false, zone: "UTC" });
}

async function blocksOf(ctx: Ctx, userId: string) {
  const b = ctx.t.user_calendar_blocks;
  const rows = await ctx.db
    .select({ week: b.weekStartDate, day: b.dayOfWeek, start: b.startTime })
    .from(b)
    .where(eq(b.userId, userId))
    .orderBy(b.weekStartDate, b.dayOfWeek, b.startTime);
  return rows.map((r) => [r.week.toISOString().slice(0, 10), r.day, r.start]);
}

/** A member's linked notifications (not the connection ones), oldest first. */
async function notesOf(ctx: Ctx, userId: string) {
  const { notification: n, notification_links: links } = ctx.t;
  return ctx.db
    .select({ title: n.title, message: n.message, href: links.href })
    .from(n)
    .innerJoin(links, eq(links.notification_id, n.id))
    .where(eq(n.user_id, userId))
    .orderBy(n.created_at, n.id);
}

const at = (iso: string) => new Date(iso);
const meetingAt = (ctx: Ctx, proposerId: string, inviteeId: string, start: string, end: string) =>
  createMeeting(ctx, { proposerId, inviteeId, startsAt: at(start), endsAt: at(end) });

async function meetingsOf(ctx: Ctx, proposerId: string) {
  const m = ctx.t.meetings;
  return ctx.db.select().from(m).where(eq(m.proposer_id, proposerId));
}

describeEachDatabase("A week that starts on the member's day", (db) => {
  it("a member who chooses Saturday sees Saturday to Friday, and blocks are still stored on Monday weeks", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    const refused = await browser.post("/settings/time-zone", { intent: "week-start", weekStart: "3" });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Choose Saturday, Sunday or Monday.");

    const saved = await browser.post("/settings/time-zone", { intent: "week-start", weekStart: "6" });
    expect(saved.status).toBe(302);
    expect(textOf((await browser.get("/settings/time-zone")).html)).toContain("Your week now starts on Saturday.");
    const [settings] = await db.ctx.db.select().from(db.ctx.t.member_settings).where(eq(db.ctx.t.member_settings.user_id, me.id));
    expect(settings.week_start).toBe(6);

    // Any date of the week opens the week that holds it, from Saturday.
    const page = textOf((await browser.get(`/calendar?week=${WEEK}`)).html);
    expect(page).toContain("Week of Saturday 1 June 2030");
    expect(page).toContain("Your week starts on Saturday.");
    const order = ["Saturday 1 June", "Sunday 2 June", "Monday 3 June", "Friday 7 June"].map((label) => page.indexOf(label));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(page).not.toContain("Saturday 8 June");

    const onSaturday = await browser.post("/calendar", { intent: "add", week: "2030-06-01", day: "0", start: "09:00", end: "10:00", kind: "available" });
    expect(onSaturday.location).toBe("/calendar?week=2030-06-01");
    await browser.post("/calendar", { intent: "add", week: "2030-06-01", day: "2", start: "11:00", end: "12:00", kind: "blocked" });
    expect(await blocksOf(db.ctx, me.id)).toEqual([
      ["2030-05-27", 5, "09:00:00"],
      ["2030-06-03", 0, "11:00:00"],
    ]);
    const shown = textOf((await browser.get("/calendar?week=2030-06-01")).html);
    expect(shown).toContain("Added 11:00–12:00 on Monday 3 June (blocked).");
    expect(shown).toMatch(/Saturday 1 June.*09:00–10:00.*Available.*Monday 3 June.*11:00–12:00.*Blocked/);
  });

  it("copy last week copies the seven days before the first day into the seven days from it, across two stored weeks", async () => {
    const me = await createMember(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: me.id, time_zone: "UTC", week_start: 6 });
    // The week before, from Saturday 25 May: that Saturday, and Wednesday 29 May.
    await addBlock(db.ctx, { userId: me.id, week: day("2030-05-20"), dayOfWeek: 5, range: { start: 540, end: 600 }, isBlocked: false, zone: "UTC" });
    await addBlock(db.ctx, { userId: me.id, week: day("2030-05-27"), dayOfWeek: 2, range: { start: 600, end: 660 }, isBlocked: true, zone: "UTC" });
    const browser = await signedInClient(db.ctx, me);
    const copied = await browser.post("/calendar", { intent: "copy", week: "2030-06-01" });
    expect(copied.status).toBe(302);
    expect(textOf((await browser.get(copied.location!)).html)).toContain("Copied 2 blocks from last week.");
    expect(await blocksOf(db.ctx, me.id)).toEqual([
      ["2030-05-20", 5, "09:00:00"],
      ["2030-05-27", 2, "10:00:00"],
      ["2030-05-27", 5, "09:00:00"],
      ["2030-06-03", 2, "10:00:00"],
    ]);
    const again = await browser.post("/calendar", { intent: "copy", week: "2030-06-01" });
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain("This week already has blocks");
  });

  it("a Sunday-first member finds a time in the week from Sunday", async () => {
    const { a, b } = await connected(db.ctx);
    await db.ctx.db.update(db.ctx.t.member_settings).set({ week_start: 0 }).where(eq(db.ctx.t.member_settings.user_id, a.id));
    await bothFree(db.ctx, a, b);
    const browser = await signedInClient(db.ctx, a);
    const page = textOf((await browser.get(`/calendar/find/${b.id}?week=${WEEK}&duration=30`)).html);
    expect(page).toContain("Week of Sunday 2 June 2030");
    expect(page).toContain("6 times when you are both free for 30 minutes");
  });
});

describeEachDatabase("Asking a connection to add availability", (db) => {
  it("with no shared time the member can ask by message; with none of their own they are told to add some first", async () => {
    const { a, b } = await connected(db.ctx);
    await addBlock(db.ctx, { userId: a.id, week, dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: false, zone: "UTC" });
    const browser = await signedInClient(db.ctx, a);
    const page = await browser.get(`/calendar/find/${b.id}?week=${WEEK}`);
    expect(textOf(page.html)).toContain("Dina Saleh has marked no available time that week.");
    expect(textOf(page.html)).toContain("Ask Dina Saleh to add availability");

    const asked = await browser.post(`/calendar/find/${b.id}?week=${WEEK}&duration=30`, { intent: "ask", week: WEEK, duration: "30" });
    expect(asked.status).toBe(302);
    expect(asked.location).toBe(`/calendar/find/${b.id}?week=${WEEK}&duration=30`);
    expect(textOf((await browser.get(asked.location!)).html)).toContain("Message sent: you asked Dina Saleh to add the times they are available.");
    const m = db.ctx.t.user_messages;
    const [message] = await db.ctx.db.select().from(m).where(and(eq(m.sender_id, a.id), eq(m.receiver_id, b.id)));
    expect(message.message).toContain("Could you add the times you are available to your calendar?");
    expect(message.message).toContain(`/calendar/find/${a.id}?week=${WEEK}`);
    expect(await meetingsOf(db.ctx, a.id)).toHaveLength(0);

    // Dina has no available time of her own: the page tells her to add some, and offers no request.
    const other = await signedInClient(db.ctx, b);
    const hers = textOf((await other.get(`/calendar/find/${a.id}?week=${WEEK}`)).html);
    expect(hers).toContain("You have marked no available time that week.");
    expect(hers).not.toContain("Ask Layla Haddad to add availability");
  });

  it("a member who is not connected cannot ask", async () => {
    const a = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, a);
    const res = await browser.post(`/calendar/find/${stranger.id}`, { intent: "ask", week: WEEK, duration: "30" });
    expect(res.status).toBe(403);
    const m = db.ctx.t.user_messages;
    expect(await db.ctx.db.select().from(m).where(eq(m.sender_id, a.id))).toHaveLength(0);
  });
});

describeEachDatabase("Proposed meetings", (db) => {
  it("a proposal records a meeting that only the invitee can accept; then it shows on both calendars with its .ics", async () => {
    const { a, b } = await connected(db.ctx);
    const stranger = await createMember(db.ctx);
    await bothFree(db.ctx, a, b);
    const layla = await signedInClient(db.ctx, a);
    const sent = await layla.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "30", start: SLOT });
    expect(sent.status).toBe(302);
    const [meeting] = await meetingsOf(db.ctx, a.id);
    expect(meeting).toMatchObject({ invitee_id: b.id, status: "proposed", responded_at: null });
    expect(meeting.starts_at.toISOString()).toBe(SLOT);
    expect(meeting.ends_at.toISOString()).toBe("2030-06-03T10:00:00.000Z");
    expect(textOf((await layla.get(sent.location!)).html)).toContain("Dina Saleh can accept or decline it");
    expect(textOf((await layla.get(`/calendar?week=${WEEK}`)).html)).toContain("You proposed Monday 3 June, 09:30–10:00");

    const dina = await signedInClient(db.ctx, b);
    const pending = textOf((await dina.get(`/calendar?week=${WEEK}`)).html);
    expect(pending).toContain("Meetings waiting for an answer");
    expect(pending).toContain("Layla Haddad proposes Monday 3 June, 09:30–10:00");
    expect(pending).not.toContain("Meeting with Layla Haddad");

    // The proposer cannot answer for the invitee; a stranger does not even see it.
    expect((await layla.post(`/calendar/meetings/${meeting.id}`, { intent: "accept" })).status).toBe(403);
    const outsider = await signedInClient(db.ctx, stranger);
    expect((await outsider.post(`/calendar/meetings/${meeting.id}`, { intent: "accept" })).status).toBe(404);
    expect((await outsider.get(`/calendar/meetings/${meeting.id}`)).status).toBe(404);
    expect((await dina.post(`/calendar/meetings/${meeting.id}`, { intent: "maybe" })).status).toBe(400);

    const accepted = await dina.post(`/calendar/meetings/${meeting.id}`, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/calendar/meetings/${meeting.id}`);
    expect(textOf((await dina.get(accepted.location!)).html)).toContain("You accepted the meeting with Layla Haddad. It is on both your calendars.");
    const [after] = await meetingsOf(db.ctx, a.id);
    expect(after.status).toBe("accepted");
    expect(after.responded_at).not.toBeNull();

    const ics = (other: string) => `/calendar/find/${other}/ics?start=2030-06-03T09%3A30%3A00.000Z&amp;minutes=30`;
    const hers = await dina.get(`/calendar?week=${WEEK}`);
    expect(textOf(hers.html)).toContain("09:30–10:00");
    expect(textOf(hers.html)).toContain("Meeting with Layla Haddad");
    expect(textOf(hers.html)).not.toContain("Meetings waiting for an answer");
    expect(hers.html).toContain(ics(a.id));
    const his = await layla.get(`/calendar?week=${WEEK}`);
    expect(textOf(his.html)).toContain("Meeting with Dina Saleh");
    expect(his.html).toContain(ics(b.id));
    const file = await dina.get(ics(a.id).replace("&amp;", "&"));
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    // The week after does not show it.
    expect(textOf((await dina.get("/calendar?week=2030-06-10")).html)).not.toContain("Meeting with Layla Haddad");

    // A second answer changes nothing.
    const late = await dina.post(`/calendar/meetings/${meeting.id}`, { intent: "decline" });
    expect(textOf((await dina.get(late.location!)).html)).toContain("This meeting was already accepted; nothing changed.");
    expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("accepted");
  });

  it("a declined meeting shows on neither calendar", async () => {
    const { a, b } = await connected(db.ctx);
    const id = await createMeeting(db.ctx, { proposerId: a.id, inviteeId: b.id, startsAt: new Date(SLOT), endsAt: new Date("2030-06-03T10:00:00.000Z") });
    const dina = await signedInClient(db.ctx, b);
    const declined = await dina.post(`/calendar/meetings/${id}`, { intent: "decline" });
    expect(textOf((await dina.get(declined.location!)).html)).toContain("You declined the meeting with Layla Haddad.");
    expect(textOf((await dina.get(`/calendar?week=${WEEK}`)).html)).not.toContain("Meeting with Layla Haddad");
    expect(textOf((await (await signedInClient(db.ctx, a)).get(`/calendar?week=${WEEK}`)).html)).not.toContain("Meeting with Dina Saleh");
  });

  it("the list of meetings waiting for an answer is paged 20 at a time, in order of start", async () => {
    const { a, b } = await connected(db.ctx);
    for (let i = 0; i < 21; i++) {
      const start = new Date(Date.UTC(2030, 5, 3, 6, 0) + i * 30 * 60_000);
      await createMeeting(db.ctx, { proposerId: a.id, inviteeId: b.id, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000) });
    }
    const dina = await signedInClient(db.ctx, b);
    const first = await dina.get("/calendar/meetings");
    expect(first.status).toBe(200);
    expect(first.html.match(/name="intent" value="accept"/g)).toHaveLength(20);
    expect(textOf(first.html)).toContain("06:00–06:30");
    expect(textOf(first.html)).not.toContain("16:00–16:30");
    const next = /href="(\/calendar\/meetings\?invited=[^"]+)"/.exec(first.html)?.[1].replace(/&amp;/g, "&");
    expect(next).toBeDefined();
    const second = await dina.get(next!);
    expect(second.html.match(/name="intent" value="accept"/g)).toHaveLength(1);
    expect(textOf(second.html)).toContain("16:00–16:30");
    expect((await dina.get("/calendar/meetings?invited=soon")).status).toBe(400);
    // Layla sees them as hers, waiting, with no Accept.
    const hers = await (await signedInClient(db.ctx, a)).get("/calendar/meetings");
    expect(hers.html).not.toContain('value="accept"');
    expect(textOf(hers.html)).toContain("Proposed by you");
  });
});

describeEachDatabase("Accepted meetings are busy time", (db) => {
  it("find a time offers no slot that overlaps an accepted meeting of either member, with anyone", async () => {
    const { a, b } = await connected(db.ctx);
    const c = await createMember(db.ctx, { name: "Omar Aziz" });
    await bothFree(db.ctx, a, b);
    const startsOf = async () => {
      const slots = await slotsWith(db.ctx, { me: a.id, other: b.id, viewerZone: "UTC", week, minutes: 30, now: 0 });
      return slots.starts.map((s) => new Date(s).toISOString().slice(11, 16));
    };
    expect(await startsOf()).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);

    // Layla's accepted meeting with Omar, Dina's with Omar, and one between the two of them.
    const mine = await meetingAt(db.ctx, a.id, c.id, "2030-06-03T09:00:00.000Z", "2030-06-03T09:30:00.000Z");
    const theirs = await meetingAt(db.ctx, c.id, b.id, "2030-06-03T10:15:00.000Z", "2030-06-03T10:45:00.000Z");
    const shared = await meetingAt(db.ctx, b.id, a.id, "2030-06-03T11:30:00.000Z", "2030-06-03T12:00:00.000Z");
    // Proposed, declined or cancelled meetings book nothing.
    expect(await startsOf()).toHaveLength(6);
    expect((await answerMeeting(db.ctx, c.id, mine, "accepted")).ok).toBe(true);
    expect((await answerMeeting(db.ctx, b.id, theirs, "accepted")).ok).toBe(true);
    expect((await answerMeeting(db.ctx, a.id, shared, "accepted")).ok).toBe(true);
    expect(await startsOf()).toEqual(["09:30", "11:00"]);

    // A proposal for a busy slot is refused as taken.
    const layla = await signedInClient(db.ctx, a);
    const refused = await layla.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "30", start: "2030-06-03T10:00:00.000Z" });
    expect(await meetingsOf(db.ctx, a.id)).toHaveLength(1);
    expect(refused.status === 302 ? refused.location : "").not.toContain("/sent");

    // Cancelling frees the time again.
    expect((await cancelMeeting(db.ctx, c.id, theirs)).ok).toBe(true);
    expect(await startsOf()).toEqual(["09:30", "10:00", "10:30", "11:00"]);
  });
});

describeEachDatabase("Notifying the other member", (db) => {
  it("when the invitee accepts or declines, the proposer gets a notification linking to the meeting", async () => {
    const { a, b } = await connected(db.ctx);
    const one = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
    const two = await meetingAt(db.ctx, a.id, b.id, "2030-06-03T11:00:00.000Z", "2030-06-03T11:30:00.000Z");
    const dina = await signedInClient(db.ctx, b);
    await dina.post(`/calendar/meetings/${one}`, { intent: "accept" });
    await dina.post(`/calendar/meetings/${two}`, { intent: "decline" });
    // A second answer tells nobody again.
    await dina.post(`/calendar/meetings/${two}`, { intent: "accept" });
    expect(await notesOf(db.ctx, a.id)).toEqual([
      { title: "Meeting accepted", message: "Dina Saleh accepted the meeting you proposed. It is on both your calendars.", href: `/calendar/meetings/${one}` },
      { title: "Meeting declined", message: "Dina Saleh declined the meeting you proposed.", href: `/calendar/meetings/${two}` },
    ]);
    expect(await notesOf(db.ctx, b.id)).toEqual([]);
    const page = (await (await signedInClient(db.ctx, a)).get("/notifications")).html;
    expect(textOf(page)).toContain("Dina Saleh accepted the meeting you proposed.");
    expect(page).toContain(`href="/calendar/meetings/${one}"`);
  });
});

describeEachDatabase("Cancelling a meeting", (db) => {
  it("the proposer cancels an accepted meeting after confirming; the invitee is told and the meeting is off both calendars", async () => {
    const { a, b } = await connected(db.ctx);
    const id = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
    expect((await answerMeeting(db.ctx, b.id, id, "accepted")).ok).toBe(true);
    const layla = await signedInClient(db.ctx, a);
    const page = await layla.get(`/calendar/meetings/${id}`);
    expect(page.html).toContain(`href="/calendar/meetings/${id}/cancel"`);
    const confirm = await layla.get(`/calendar/meetings/${id}/cancel`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Cancel the meeting with Dina Saleh?");
    expect(textOf(confirm.html)).toContain("It comes off both your calendars, and Dina Saleh gets a notification.");
    // Opening the confirmation changes nothing.
    expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("accepted");

    const done = await layla.post(`/calendar/meetings/${id}/cancel`, {});
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/calendar/meetings/${id}`);
    const after = textOf((await layla.get(done.location!)).html);
    expect(after).toContain("You cancelled the meeting with Dina Saleh. Dina Saleh is told, and the time is free again.");
    expect(after).toContain("You proposed it to Dina Saleh. Cancelled");
    expect(after).not.toContain("Cancel the meeting");
    expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("cancelled");
    expect(await notesOf(db.ctx, b.id)).toEqual([
      { title: "Meeting cancelled", message: "Layla Haddad cancelled your meeting. The time is free again on both your calendars.", href: `/calendar/meetings/${id}` },
    ]);
    expect(await notesOf(db.ctx, a.id)).toHaveLength(1); // only Dina's acceptance
    const dina = await signedInClient(db.ctx, b);
    expect(textOf((await dina.get(`/calendar?week=${WEEK}`)).html)).not.toContain("Meeting with Layla Haddad");

    // A second cancel, by either member, changes nothing and tells nobody.
    const again = await dina.post(`/calendar/meetings/${id}/cancel`, {});
    expect(textOf((await dina.get(again.location!)).html)).toContain("This meeting cannot be cancelled: it was already cancelled. Nothing changed.");
    expect(textOf((await dina.get(`/calendar/meetings/${id}/cancel`)).html)).toContain("This meeting cannot be cancelled");
    expect(await notesOf(db.ctx, a.id)).toHaveLength(1);
  });

  it("the invitee can cancel a proposed meeting, which then can no longer be accepted", async () => {
    const { a, b } = await connected(db.ctx);
    const id = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
    const dina = await signedInClient(db.ctx, b);
    expect(textOf((await dina.get(`/calendar/meetings/${id}/cancel`)).html)).toContain("It can no longer be accepted, and Layla Haddad gets a notification.");
    expect((await dina.post(`/calendar/meetings/${id}/cancel`, {})).status).toBe(302);
    expect(await notesOf(db.ctx, a.id)).toEqual([
      { title: "Meeting cancelled", message: "Dina Saleh cancelled your meeting. The time is free again on both your calendars.", href: `/calendar/meetings/${id}` },
    ]);
    const late = await dina.post(`/calendar/meetings/${id}`, { intent: "accept" });
    expect(textOf((await dina.get(late.location!)).html)).toContain("This meeting was already cancelled; nothing changed.");
    expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("cancelled");
  });

  it("a stranger's cancel is a 404 and changes nothing; declined and ended meetings cannot be cancelled", async () => {
    const { a, b } = await connected(db.ctx);
    const stranger = await createMember(db.ctx);
    const id = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
    const outsider = await signedInClient(db.ctx, stranger);
    expect((await outsider.get(`/calendar/meetings/${id}/cancel`)).status).toBe(404);
    expect((await outsider.post(`/calendar/meetings/${id}/cancel`, {})).status).toBe(404);
    expect((await outsider.post("/calendar/meetings/not-a-meeting/cancel", {})).status).toBe(404);
    expect(await cancelMeeting(db.ctx, stranger.id, id)).toEqual({ ok: false, reason: "not_found" });
    expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("proposed");
    expect([...(await notesOf(db.ctx, a.id)), ...(await notesOf(db.ctx, b.id))]).toEqual([]);

    const declined = await meetingAt(db.ctx, a.id, b.id, "2030-06-03T11:00:00.000Z", "2030-06-03T11:30:00.000Z");
    await answerMeeting(db.ctx, b.id, declined, "declined");
    const layla = await signedInClient(db.ctx, a);
    const refused = await layla.post(`/calendar/meetings/${declined}/cancel`, {});
    expect(textOf((await layla.get(refused.location!)).html)).toContain("This meeting cannot be cancelled: it was already declined. Nothing changed.");

    const ended = await meetingAt(db.ctx, a.id, b.id, "2020-06-01T09:00:00.000Z", "2020-06-01T09:30:00.000Z");
    await answerMeeting(db.ctx, b.id, ended, "accepted");
    expect((await layla.get(`/calendar/meetings/${ended}`)).html).not.toContain("/cancel");
    const over = await layla.post(`/calendar/meetings/${ended}/cancel`, {});
    expect(textOf((await layla.get(over.location!)).html)).toContain("This meeting cannot be cancelled: it has already ended. Nothing changed.");
    expect(await meetingsOf(db.ctx, a.id)).toEqual(expect.arrayContaining([expect.objectContaining({ id: ended, status: "accepted" })]));
    expect(await notesOf(db.ctx, b.id)).toEqual([]);
  });
});

describePostgres(
  "Concurrent answers to one meeting on a pool of 20",
  (db) => {
    it("of 10 accepts and 10 declines at once, exactly one counts and the meeting keeps that answer", async () => {
      const { a, b } = await connected(db.ctx);
      const id = await createMeeting(db.ctx, { proposerId: a.id, inviteeId: b.id, startsAt: new Date(SLOT), endsAt: new Date("2030-06-03T10:00:00.000Z") });
      const answers = Array.from({ length: 20 }, (_, i): "accepted" | "declined" => (i % 2 === 0 ? "accepted" : "declined"));
      const outcomes = await Promise.all(answers.map((answer) => answerMeeting(db.ctx, b.id, id, answer)));
      const winners = outcomes.flatMap((o, i) => (o.ok ? [answers[i]] : []));
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok && o.reason === "answered")).toHaveLength(19);
      const [row] = await meetingsOf(db.ctx, a.id);
      expect(row.status).toBe(winners[0]);
    });

    it("the proposer's answers at the same time as the invitee's never count", async () => {
      const { a, b } = await connected(db.ctx);
      const id = await createMeeting(db.ctx, { proposerId: a.id, inviteeId: b.id, startsAt: new Date(SLOT), endsAt: new Date("2030-06-03T10:00:00.000Z") });
      const outcomes = await Promise.all([
        ...Array.from({ length: 10 }, () => answerMeeting(db.ctx, a.id, id, "accepted")),
        answerMeeting(db.ctx, b.id, id, "declined"),
      ]);
      expect(outcomes.slice(0, 10).every((o) => !o.ok && o.reason === "not_invitee")).toBe(true);
      expect(outcomes[10].ok).toBe(true);
      expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("declined");
    });

    it("of 10 cancels by each member at once, exactly one counts and exactly one member is told", async () => {
      const { a, b } = await connected(db.ctx);
      const id = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
      const who = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a.id : b.id));
      const outcomes = await Promise.all(who.map((me) => cancelMeeting(db.ctx, me, id)));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok && o.reason === "not_cancellable")).toHaveLength(19);
      expect((await meetingsOf(db.ctx, a.id))[0].status).toBe("cancelled");
      const notes = [...(await notesOf(db.ctx, a.id)), ...(await notesOf(db.ctx, b.id))];
      expect(notes.map((n) => n.title)).toEqual(["Meeting cancelled"]);
    });

    it("an accept and a cancel at once on a proposed meeting: the meeting ends cancelled, and only changes that landed are told", async () => {
      for (let round = 0; round < 5; round++) {
        const { a, b } = await connected(db.ctx);
        const id = await meetingAt(db.ctx, a.id, b.id, SLOT, "2030-06-03T10:00:00.000Z");
        const [accept, cancel] = await Promise.all([answerMeeting(db.ctx, b.id, id, "accepted"), cancelMeeting(db.ctx, a.id, id)]);
        // The cancel always lands (a proposed or an accepted meeting can be cancelled); the
        // accept lands only if it came first, and never after the cancel.
        expect(cancel.ok).toBe(true);
        const [row] = await meetingsOf(db.ctx, a.id);
        expect(row.status).toBe("cancelled");
        expect(row.responded_at === null).toBe(!accept.ok);
        expect((await notesOf(db.ctx, a.id)).map((n) => n.title)).toEqual(accept.ok ? ["Meeting accepted"] : []);
        expect((await notesOf(db.ctx, b.id)).map((n) => n.title)).toEqual(["Meeting cancelled"]);
      }
    });
  },
  { poolSize: 20 },
);
