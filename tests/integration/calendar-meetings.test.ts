/**
 * Issue 13, item 11 through the real app on both databases: the week from the member's own first
 * day, asking a connection to add availability, and proposed meetings that the invitee accepts or
 * declines (exactly one answer wins when several race, on PostgreSQL).
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addBlock } from "../../app/modules/calendar/calendar.server";
import { answerMeeting, createMeeting } from "../../app/modules/calendar/meetings.server";
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
  },
  { poolSize: 20 },
);
