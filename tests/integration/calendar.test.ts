/** The calendar, time zones and find-a-time through the real app, on both databases. */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addBlock, copyPreviousWeek, listWeek, removeBlock } from "../../app/modules/calendar/calendar.server";
import { parseTime } from "../../app/modules/calendar/time";
import { isoDate, mondayOf } from "../../app/modules/calendar/week";
import { savedZone } from "../../app/modules/calendar/time-zone.server";
import { connect } from "../../app/modules/network/connections.server";
import { hit, LIMITS } from "../../app/services/rate-limit.server";
import type { Ctx } from "../../db/client";
import { connectedMembers, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

/** A week well in the future, so no slot of it has passed. */
const WEEK = "2030-06-03";
const week = new Date(`${WEEK}T00:00:00.000Z`);

async function blocksOf(ctx: Ctx, userId: string) {
  const b = ctx.t.user_calendar_blocks;
  return ctx.db
    .select({ day: b.dayOfWeek, start: b.startTime, end: b.endTime, blocked: b.isBlocked, week: b.weekStartDate })
    .from(b)
    .where(eq(b.userId, userId))
    .orderBy(b.weekStartDate, b.dayOfWeek, b.startTime);
}

const add = (fields: Partial<Record<"day" | "start" | "end" | "kind" | "week", string>>) => ({
  intent: "add",
  week: WEEK,
  day: "0",
  start: "09:00",
  end: "10:00",
  kind: "available",
  ...fields,
});

describeEachDatabase("The calendar page", (db) => {
  it("adds a block as HH:MM:SS on the week's Monday and shows it with its zone", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    expect(textOf((await browser.get(`/calendar?week=${WEEK}`)).html)).toContain("Times are in UTC, because you have not chosen a time zone. Set your time zone");
    const res = await browser.post(`/calendar?week=${WEEK}`, add({ day: "1", start: "09:30", end: "24:00", kind: "blocked" }));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/calendar?week=${WEEK}`);
    expect(await blocksOf(db.ctx, me.id)).toEqual([{ day: 1, start: "09:30:00", end: "24:00:00", blocked: true, week }]);
    const page = textOf((await browser.get(res.location!)).html);
    expect(page).toContain("Added 09:30–24:00 on Tuesday 4 June (blocked).");
    // The zone the member saw is saved with their first block.
    expect(page).toContain("Times are in UTC. Change your time zone");
    expect(page).toContain("09:30–24:00 GMT · Blocked");
  });

  it("refuses an overlapping block with 400, the typed values kept, and writes nothing", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    await browser.post("/calendar", add({ start: "09:00", end: "12:00" }));
    const res = await browser.post("/calendar", add({ start: "11:30", end: "13:00", kind: "blocked" }));
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("This overlaps 09:00–12:00 (available) on Monday 3 June. Blocks may touch");
    expect(res.html).toMatch(/<option selected="" value="11:30">|<option value="11:30" selected="">|<option selected="">11:30<\/option>/);
    expect(res.html).toMatch(/<option selected="">13:00<\/option>/);
    expect(/<input[^>]*value="blocked"[^>]*>/.exec(res.html)?.[0]).toContain('checked=""');
    expect(/<input[^>]*value="available"[^>]*>/.exec(res.html)?.[0]).not.toContain("checked");
    expect(await blocksOf(db.ctx, me.id)).toHaveLength(1);
  });

  it("accepts a block that only touches another, whether blocked or available", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    expect((await browser.post("/calendar", add({ start: "09:00", end: "10:00" }))).status).toBe(302);
    expect((await browser.post("/calendar", add({ start: "10:00", end: "11:00", kind: "blocked" }))).status).toBe(302);
    expect((await browser.post("/calendar", add({ start: "08:00", end: "09:00" }))).status).toBe(302);
    expect((await blocksOf(db.ctx, me.id)).map((b) => `${b.start}-${b.end}`)).toEqual(["08:00:00-09:00:00", "09:00:00-10:00:00", "10:00:00-11:00:00"]);
  });

  it("refuses inverted, empty and off-grid ranges, bad days and kinds with a message beside each field", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    const inverted = await browser.post("/calendar", add({ start: "10:00", end: "09:00" }));
    expect(inverted.status).toBe(400);
    expect(textOf(inverted.html)).toContain("The end (09:00) must be after the start (10:00).");
    const offGrid = await browser.post("/calendar", add({ start: "09:10" }));
    expect(textOf(offGrid.html)).toContain("Choose a start time on the quarter hour");
    const bad = await browser.post("/calendar", add({ day: "7", kind: "busy" }));
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Choose a day of this week.");
    expect(textOf(bad.html)).toContain("Choose blocked or available.");
    const badWeek = await browser.post("/calendar", add({ week: "2030-02-31" }));
    expect(badWeek.status).toBe(400);
    expect(await blocksOf(db.ctx, me.id)).toEqual([]);
  });

  it("answers 400 with a way back for a week that is not a date", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await browser.get("/calendar?week=next-tuesday");
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("This week in the address is not a date.");
  });

  it("removes the member's own block with a flash naming it, and keeps the week", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    await browser.post("/calendar", add({ day: "1", start: "09:00", end: "10:00" }));
    const [block] = await listWeek(db.ctx, me.id, week);
    const res = await browser.post("/calendar", { intent: "remove", id: block.id });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/calendar?week=${WEEK}`);
    expect(textOf((await browser.get(res.location!)).html)).toContain("Removed 09:00–10:00 Tuesday 4 June.");
    expect(await blocksOf(db.ctx, me.id)).toEqual([]);
  });

  it("does nothing to another member's block: 404, and the block stays", async () => {
    const owner = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    await addBlock(db.ctx, { userId: owner.id, week, dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: true, zone: "UTC" });
    const [block] = await listWeek(db.ctx, owner.id, week);
    const browser = await signedInClient(db.ctx, other);
    const res = await browser.post("/calendar", { intent: "remove", id: block.id });
    expect(res.status).toBe(404);
    expect(await removeBlock(db.ctx, other.id, block.id)).toBeNull();
    expect(await blocksOf(db.ctx, owner.id)).toHaveLength(1);
    expect((await browser.post("/calendar", { intent: "remove", id: "not-a-uuid" })).status).toBe(404);
  });

  it("copies last week into an empty week, and refuses when the week has blocks or last week has none", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    const previous = "2030-05-27";
    await browser.post("/calendar", add({ week: previous, day: "0", start: "09:00", end: "12:00" }));
    await browser.post("/calendar", add({ week: previous, day: "4", start: "13:00", end: "14:00", kind: "blocked" }));
    const copied = await browser.post("/calendar", { intent: "copy", week: WEEK });
    expect(copied.status).toBe(302);
    expect(textOf((await browser.get(copied.location!)).html)).toContain("Copied 2 blocks from last week.");
    const rows = (await blocksOf(db.ctx, me.id)).filter((b) => b.week.getTime() === week.getTime());
    expect(rows.map((b) => [b.day, b.start, b.end, b.blocked])).toEqual([
      [0, "09:00:00", "12:00:00", false],
      [4, "13:00:00", "14:00:00", true],
    ]);
    const again = await browser.post("/calendar", { intent: "copy", week: WEEK });
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain("This week already has blocks, so last week was not copied.");
    const nothing = await browser.post("/calendar", { intent: "copy", week: "2030-07-01" });
    expect(nothing.status).toBe(400);
    expect(textOf(nothing.html)).toContain("The week before (Monday 24 June 2030) has no blocks to copy.");
    expect(await blocksOf(db.ctx, me.id)).toHaveLength(4);
    expect(await copyPreviousWeek(db.ctx, me.id, week)).toEqual({ ok: false, reason: "not_empty" });
  });

  it("opens on this week in the member's zone by default", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    const html = (await browser.get("/calendar")).html;
    expect(html).toContain(`name="week" value="${isoDate(mondayOf(new Date()))}"`);
  });
});

describeEachDatabase("Time zones", (db) => {
  it("guesses from Accept-Language, says so, and saves the guess with the first block", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    const page = textOf((await browser.get("/calendar", { "Accept-Language": "en-EG,en;q=0.9" })).html);
    expect(page).toContain("Times are in Africa/Cairo, a guess from your browser's language settings. Set your time zone");
    expect(await savedZone(db.ctx, me.id)).toBeNull();
    await browser.request("POST", "/calendar", {
      body: new URLSearchParams({ ...add({}), csrf: await browser.csrfToken() }),
      headers: { "Accept-Language": "en-EG,en;q=0.9" },
    });
    expect(await savedZone(db.ctx, me.id)).toBe("Africa/Cairo");
    // A later, different guess does not move the saved zone.
    expect(textOf((await browser.get("/calendar", { "Accept-Language": "en-IN" })).html)).toContain("Times are in Africa/Cairo. Change your time zone");
  });

  it("saves a known zone, keeps the blocks' clock times, and refuses an unknown zone with 400", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, me);
    await browser.post("/calendar", add({}));
    const saved = await browser.post("/settings/time-zone", { timeZone: "Asia/Kolkata" });
    expect(saved.status).toBe(302);
    expect(textOf((await browser.get("/settings/time-zone")).html)).toContain("Your time zone is now Asia/Kolkata.");
    expect(await savedZone(db.ctx, me.id)).toBe("Asia/Kolkata");
    expect((await blocksOf(db.ctx, me.id))[0]).toMatchObject({ start: "09:00:00", end: "10:00:00" });
    expect(textOf((await browser.get(`/calendar?week=${WEEK}`)).html)).toContain("09:00–10:00 GMT+5:30 · Available");
    const bad = await browser.post("/settings/time-zone", { timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Choose a time zone from the list");
    expect(await savedZone(db.ctx, me.id)).toBe("Asia/Kolkata");
    const old = await browser.post("/settings/time-zone", { timeZone: "Asia/Calcutta" });
    expect(old.status).toBe(302);
    expect(await savedZone(db.ctx, me.id)).toBe("Asia/Kolkata");
  });
});

describeEachDatabase("Find a time", (db) => {
  async function plan(ctx: Ctx, a: Member, b: Member) {
    const s = ctx.t.member_settings;
    await ctx.db.insert(s).values([
      { user_id: a.id, time_zone: "Asia/Kolkata" },
      { user_id: b.id, time_zone: "Europe/London" },
    ]);
    // a: Monday 14:00–18:00 Kolkata (08:30–12:30 UTC), blocked 18:00–19:00.
    // b, in London (BST in June, GMT+1): available 09:00–10:00, blocked 10:00–10:30, available 10:30–12:00
    // (08:00–11:00 UTC with 09:00–09:30 UTC blocked).
    await addBlock(ctx, { userId: a.id, week, dayOfWeek: 0, range: { start: 840, end: 1080 }, isBlocked: false, zone: "Asia/Kolkata" });
    await addBlock(ctx, { userId: a.id, week, dayOfWeek: 0, range: { start: 1080, end: 1140 }, isBlocked: true, zone: "Asia/Kolkata" });
    await addBlock(ctx, { userId: b.id, week, dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: false, zone: "Europe/London" });
    await addBlock(ctx, { userId: b.id, week, dayOfWeek: 0, range: { start: 600, end: 630 }, isBlocked: true, zone: "Europe/London" });
    await addBlock(ctx, { userId: b.id, week, dayOfWeek: 0, range: { start: 630, end: 720 }, isBlocked: false, zone: "Europe/London" });
  }

  it("lists the times both are free in the viewer's zone, without the other's blocked time", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await plan(db.ctx, a, b);
    const browser = await signedInClient(db.ctx, a);
    const res = await browser.get(`/calendar/find/${b.id}?week=${WEEK}&duration=30`);
    expect(res.status).toBe(200);
    const page = textOf(res.html);
    expect(page).toContain("Times are in your time zone, Asia/Kolkata");
    expect(page).toContain("Dina Saleh's time zone: Europe/London");
    // Overlap 08:30–11:00 UTC minus 09:00–09:30 UTC: 14:00–14:30, then 15:00..16:00 starts in Kolkata.
    const times = [...res.html.matchAll(/<input[^>]*name="start"[^>]*value="([^"]+)"/g)].map((m) => m[1]);
    expect(times).toEqual(["2030-06-03T08:30:00.000Z", "2030-06-03T09:30:00.000Z", "2030-06-03T10:00:00.000Z", "2030-06-03T10:30:00.000Z"]);
    expect(page).toContain("14:00–14:30 GMT+5:30");
    expect(page).toContain("4 times when you are both free for 30 minutes");
  });

  it("explains an empty list", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await addBlock(db.ctx, { userId: a.id, week, dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: false, zone: "UTC" });
    const browser = await signedInClient(db.ctx, a);
    expect(textOf((await browser.get(`/calendar/find/${b.id}?week=${WEEK}`)).html)).toContain("Dina Saleh has marked no available time that week.");
  });

  it("sends the proposal as a direct message with both zones, then confirms with links to the conversation and the .ics", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await plan(db.ctx, a, b);
    const browser = await signedInClient(db.ctx, a);
    const res = await browser.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "30", start: "2030-06-03T09:30:00.000Z" });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^/calendar/find/${b.id}/sent\\?message=[0-9a-f-]{36}&meeting=[0-9a-f-]{36}&start=2030-06-03T09%3A30%3A00.000Z&minutes=30$`));
    const m = db.ctx.t.user_messages;
    const messages = await db.ctx.db.select().from(m).where(and(eq(m.sender_id, a.id), eq(m.receiver_id, b.id)));
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain("Your time: Monday 3 June 2030, 10:30–11:00 (Europe/London, GMT+1).");
    expect(messages[0].message).toContain("My time: Monday 3 June 2030, 15:00–15:30 (Asia/Kolkata, GMT+5:30).");
    const sent = await browser.get(res.location!);
    expect(sent.status).toBe(200);
    expect(textOf(sent.html)).toContain("Proposal sent to Dina Saleh");
    expect(sent.html).toContain(`href="/messages/${b.id}"`);
    expect(sent.html).toContain(`href="/calendar/find/${b.id}/ics?start=2030-06-03T09%3A30%3A00.000Z&amp;minutes=30"`);
    // The other member cannot open the sender's confirmation page.
    const theirs = await signedInClient(db.ctx, b);
    expect((await theirs.get(res.location!.replace(b.id, a.id))).status).toBe(404);
  });

  it("refuses a slot that is not free for both (the client is never trusted) and sends nothing", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await plan(db.ctx, a, b);
    const browser = await signedInClient(db.ctx, a);
    const blocked = await browser.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "30", start: "2030-06-03T09:00:00.000Z" });
    expect(blocked.status).toBe(400);
    expect(textOf(blocked.html)).toContain("That time is no longer free for both of you");
    const tooLong = await browser.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "90", start: "2030-06-03T10:00:00.000Z" });
    expect(tooLong.status).toBe(400);
    const junk = await browser.post(`/calendar/find/${b.id}`, { week: WEEK, duration: "30", start: "soon" });
    expect(junk.status).toBe(400);
    expect(await db.ctx.db.select().from(db.ctx.t.user_messages)).toHaveLength(0);
  });

  it("counts a proposal against the member's message-sending limit: over it, 429 and nothing sent", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await plan(db.ctx, a, b);
    // This minute's window and the next one are both full, so a slow run that crosses into the
    // next minute before the POST still finds the limit spent.
    const { limit, windowMs } = LIMITS.messageSendPerMember;
    for (const at of [new Date(), new Date(Date.now() + windowMs)]) {
      for (let i = 0; i < limit; i++) await hit(db.ctx, `message-send:${a.id}`, LIMITS.messageSendPerMember, at);
    }
    const browser = await signedInClient(db.ctx, a);
    const res = await browser.post(`/calendar/find/${b.id}?week=${WEEK}&duration=30`, { week: WEEK, duration: "30", start: "2030-06-03T09:30:00.000Z" });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(textOf(res.html)).toContain("Please wait a minute and send again.");
    expect(textOf(res.html)).toContain("15:00–15:30 GMT+5:30");
    expect(await db.ctx.db.select().from(db.ctx.t.user_messages)).toHaveLength(0);
  });

  it("is for connections only: 403 with a link to their profile; unknown members and yourself 404", async () => {
    const a = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: stranger.id }); // a request, not a connection
    const browser = await signedInClient(db.ctx, a);
    const page = await browser.get(`/calendar/find/${stranger.id}`);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain("You can find a time only with your connections.");
    expect(page.html).toContain(`href="/u/${stranger.id}"`);
    const post = await browser.post(`/calendar/find/${stranger.id}`, { week: WEEK, duration: "30", start: "2030-06-03T09:30:00.000Z" });
    expect(post.status).toBe(403);
    expect((await browser.get(`/calendar/find/${stranger.id}/ics?start=2030-06-03T09:30:00Z&minutes=30`)).status).toBe(403);
    expect((await browser.get("/calendar/find/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await browser.get("/calendar/find/nobody")).status).toBe(404);
    expect((await browser.get(`/calendar/find/${a.id}`)).status).toBe(404);
    expect(await db.ctx.db.select().from(db.ctx.t.user_messages)).toHaveLength(0);
  });

  it("answers 400 for a bad week or length in the address", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    const browser = await signedInClient(db.ctx, a);
    expect((await browser.get(`/calendar/find/${b.id}?week=2030-13-01`)).status).toBe(400);
    expect((await browser.get(`/calendar/find/${b.id}?duration=20`)).status).toBe(400);
  });

  it("gives an RFC 5545 .ics download for a connection and a 400 page for bad parameters", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    const browser = await signedInClient(db.ctx, a);
    const res = await browser.get(`/calendar/find/${b.id}/ics?start=2030-06-03T09:30:00.000Z&minutes=45`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ladder-meeting.ics"');
    const lines = res.html.split("\r\n");
    expect(res.html.replace(/\r\n/g, "")).not.toMatch(/\n/);
    expect(lines).toEqual(expect.arrayContaining(["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "DTSTART:20300603T093000Z", "DTEND:20300603T101500Z", "SUMMARY:Ladder: Layla Haddad and Dina Saleh", "END:VCALENDAR"]));
    expect(lines.find((l) => l.startsWith("PRODID:"))).toBeTruthy();
    expect(lines.find((l) => /^UID:.+@ladder$/.test(l))).toBeTruthy();
    expect(lines.find((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBeTruthy();
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    for (const bad of ["start=2030-06-03T09:31:00Z&minutes=45", "start=2030-06-03T09:30:00Z&minutes=10", "minutes=30", "start=x&minutes=30"]) {
      const r = await browser.get(`/calendar/find/${b.id}/ics?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.html).toContain(`href="/calendar/find/${b.id}"`);
    }
    browser.signOut();
    const anonymous = await browser.get(`/calendar/find/${b.id}/ics?start=2030-06-03T09:30:00.000Z&minutes=45`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });

  it("checks overlaps in the module too: a second overlapping add is refused", async () => {
    const me = await createMember(db.ctx);
    const first = await addBlock(db.ctx, { userId: me.id, week, dayOfWeek: 2, range: { start: parseTime("09:00")!, end: parseTime("10:00")! }, isBlocked: false, zone: "UTC" });
    const second = await addBlock(db.ctx, { userId: me.id, week, dayOfWeek: 2, range: { start: parseTime("09:45")!, end: parseTime("10:15")! }, isBlocked: true, zone: "UTC" });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, overlap: { start: 540, end: 600 } });
  });
});
