/** Reading and sending direct messages: the module's queries and the pages through the real app, on both databases. */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { conversationPage, listConversations, markSeen, newerMessages } from "../../app/modules/messages/conversations.server";
import { sendMessage } from "../../app/modules/messages/messages.server";
import { messagesCursor } from "../../app/modules/messages/cursor.server";
import { MESSAGE_MAX } from "../../app/modules/messages/rules";
import { changeConnection, connect } from "../../app/modules/network/connections.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

async function connectPair(ctx: Ctx, a: Member, b: Member) {
  await connect(ctx, { me: a.id, otherId: b.id });
  await connect(ctx, { me: b.id, otherId: a.id });
}

let idCounter = 0;
/** A uuid whose order follows `n` (so tests control ties on equal timestamps). */
const orderedId = (n: number) => `00000000-0000-4000-8000-${(n + idCounter * 100_000).toString(16).padStart(12, "0")}`;

/** Inserts messages directly with chosen times (ms after a base), to control order and ties. */
async function insertMessages(ctx: Ctx, rows: { from: string; to: string; at: number; text?: string; read?: boolean; n?: number }[]) {
  idCounter++;
  const base = Date.UTC(2026, 0, 1);
  const values = rows.map((r, i) => ({
    id: orderedId(r.n ?? i),
    sender_id: r.from,
    receiver_id: r.to,
    message: r.text ?? `message ${i}`,
    is_read: r.read ?? false,
    created_at: new Date(base + r.at),
    updated_at: new Date(base + r.at),
  }));
  for (let i = 0; i < values.length; i += 500) await ctx.db.insert(ctx.t.user_messages).values(values.slice(i, i + 500));
  return values;
}

async function readFlags(ctx: Ctx, ids: string[]) {
  const m = ctx.t.user_messages;
  const rows = await ctx.db.select({ id: m.id, read: m.is_read }).from(m);
  return new Map(rows.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.read]));
}

describeEachDatabase("Conversations and their pages (module)", (db) => {
  it("lists one row per other member, most recent first, with the last message, who sent it and the unread count", async () => {
    const me = await createMember(db.ctx, { name: "Me" });
    const b = await createMember(db.ctx, { name: "Bashir" });
    const c = await createMember(db.ctx, { name: "Chadia" });
    const d = await createMember(db.ctx, { name: "Dev" });
    await insertMessages(db.ctx, [
      { from: b.id, to: me.id, at: 1_000, text: "b1" },
      { from: b.id, to: me.id, at: 2_000, text: "b2" },
      { from: me.id, to: b.id, at: 3_000, text: "reply to b", read: false },
      { from: c.id, to: me.id, at: 5_000, text: "c1", read: true },
      { from: c.id, to: me.id, at: 6_000, text: "c2" },
      { from: me.id, to: d.id, at: 4_000, text: "hello d" },
      // Someone else's conversation never shows up in mine.
      { from: b.id, to: c.id, at: 9_000, text: "not yours" },
    ]);
    const { rows, next } = await listConversations(db.ctx, me.id);
    expect(next).toBeNull();
    expect(rows.map((r) => [r.name, r.lastText, r.lastFromMe, r.unread])).toEqual([
      ["Chadia", "c2", false, 1],
      ["Dev", "hello d", true, 0],
      ["Bashir", "reply to b", true, 2],
    ]);
    expect(rows[0].lastAt.getTime()).toBe(Date.UTC(2026, 0, 1) + 6_000);
    const theirs = await listConversations(db.ctx, c.id);
    expect(theirs.rows.map((r) => [r.name, r.lastText, r.unread])).toEqual([
      ["Bashir", "not yours", 1],
      ["Me", "c2", 0],
    ]);
  });

  it("pages the list by keyset with no duplicates or gaps, also when last messages share a time", async () => {
    const me = await createMember(db.ctx);
    const others = await Promise.all(Array.from({ length: 7 }, () => createMember(db.ctx)));
    // Three conversations end at the same moment.
    await insertMessages(db.ctx, others.map((o, i) => ({ from: o.id, to: me.id, at: i < 3 ? 50_000 : i * 1_000 })));
    const seen: string[] = [];
    let after;
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = await listConversations(db.ctx, me.id, { after, pageSize: 2 });
      seen.push(...page.rows.map((r) => r.userId));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(new Set(seen)).toEqual(new Set(others.map((o) => o.id)));
    const whole = await listConversations(db.ctx, me.id, { pageSize: 50 });
    expect(seen).toEqual(whole.rows.map((r) => r.userId));
  });

  it("pages a conversation newest first by keyset, each page in reading order, with no duplicates or gaps across equal timestamps", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    // 75 messages, both directions, every third pair sharing a millisecond.
    const inserted = await insertMessages(
      db.ctx,
      Array.from({ length: 75 }, (_, i) => ({ from: i % 2 ? a.id : b.id, to: i % 2 ? b.id : a.id, at: Math.floor(i / 3) * 1_000, n: i })),
    );
    await insertMessages(db.ctx, [{ from: a.id, to: stranger.id, at: 500 }]);
    const first = await conversationPage(db.ctx, a.id, b.id);
    expect(first.messages).toHaveLength(30);
    const times = first.messages.map((m) => m.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(first.messages[29].id).toBe(inserted[74].id);
    const second = await conversationPage(db.ctx, a.id, b.id, { before: first.older! });
    const third = await conversationPage(db.ctx, a.id, b.id, { before: second.older! });
    expect([second.messages.length, third.messages.length, third.older]).toEqual([30, 15, null]);
    const all = [...third.messages, ...second.messages, ...first.messages].map((m) => m.id);
    expect(all).toEqual(inserted.slice(0, 75).map((m) => m.id));
    // The same conversation from the other side, and nothing of the stranger's.
    const fromB = await conversationPage(db.ctx, b.id, a.id, { pageSize: 100 });
    expect(fromB.messages.map((m) => m.id)).toEqual(all);
    expect(fromB.messages.every((m) => m.fromMe === (inserted.find((i) => i.id === m.id)!.sender_id === b.id))).toBe(true);
  });

  it("marking seen changes only the messages shown that the viewer received from that member", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const c = await createMember(db.ctx);
    const rows = await insertMessages(db.ctx, [
      { from: b.id, to: a.id, at: 1 },
      { from: b.id, to: a.id, at: 2 },
      { from: a.id, to: b.id, at: 3 },
      { from: c.id, to: a.id, at: 4 },
      { from: b.id, to: c.id, at: 5 },
    ]);
    const ids = rows.map((r) => r.id);
    // a saw the first message only, and (wrongly) passes ids that are not theirs to mark.
    expect(await markSeen(db.ctx, a.id, b.id, [ids[0], ids[2], ids[3], ids[4]])).toBe(1);
    const flags = await readFlags(db.ctx, ids);
    expect(ids.map((id) => flags.get(id))).toEqual([true, false, false, false, false]);
  });

  it("newer messages come from the pair only, oldest first, including a short overlap the page removes", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const c = await createMember(db.ctx);
    const rows = await insertMessages(db.ctx, [
      { from: a.id, to: b.id, at: 0 },
      { from: b.id, to: a.id, at: 60_000 },
      { from: a.id, to: b.id, at: 65_000 },
      { from: c.id, to: a.id, at: 70_000 },
      { from: b.id, to: a.id, at: 90_000 },
    ]);
    const since = { at: Date.UTC(2026, 0, 1) + 65_000, id: rows[2].id };
    const newer = await newerMessages(db.ctx, a.id, b.id, since);
    expect(newer.map((m) => m.id)).toEqual([rows[1].id, rows[2].id, rows[4].id]);
  });
});

describeEachDatabase("Message pages", (db) => {
  it("a member reads a conversation, which marks it read, and sends a reply that lands at the bottom", async () => {
    const a = await createMember(db.ctx, { name: "Amira Haddad" });
    const b = await createMember(db.ctx, { name: "Bilal Rao" });
    await connectPair(db.ctx, a, b);
    await sendMessage(db.ctx, { senderId: b.id, receiverId: a.id, text: "Hello Amira,\nare you at the fair?" });
    const amira = await appClient(db.ctx);
    await amira.signIn(a);
    const list = await amira.get("/messages");
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toMatch(/Bilal Rao\s*, 1 unread\s+1 unread/);
    expect(textOf(list.html)).toContain("Hello Amira, are you at the fair?");
    const page = await amira.get(`/messages/${b.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(page.html).toContain("Hello Amira,\nare you at the fair?");
    expect(textOf(page.html)).toContain("New");
    const reread = textOf((await amira.get("/messages")).html);
    expect(reread).toContain("Bilal Rao");
    expect(reread).not.toMatch(/Bilal Rao\s*,\s*\d+ unread/);
    const sent = await amira.post(`/messages/${b.id}`, { message: "  Yes, at stand 4.  " });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/messages/${b.id}#newest`);
    const after = textOf((await amira.get(`/messages/${b.id}`)).html);
    expect(after.indexOf("Yes, at stand 4.")).toBeGreaterThan(after.indexOf("are you at the fair?"));
    const bilal = await appClient(db.ctx);
    await bilal.signIn(b);
    expect(textOf((await bilal.get("/messages")).html)).toMatch(/Amira Haddad\s*, 1 unread.*Yes, at stand 4\./);
  });

  it("a message of 5,001 characters or an empty one is refused with 400, the text kept and a message next to the field", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    const client = await appClient(db.ctx);
    await client.signIn(a);
    const long = "ب".repeat(MESSAGE_MAX) + "x";
    const tooLong = await client.post(`/messages/${b.id}`, { message: long });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain(long);
    expect(textOf(tooLong.html)).toContain("Your message has 5,001 characters, 1 over the limit of 5,000.");
    expect(tooLong.html).toMatch(/aria-invalid="true"/);
    const empty = await client.post(`/messages/${b.id}`, { message: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Write a message before sending.");
    const exact = await client.post(`/messages/${b.id}`, { message: "y".repeat(MESSAGE_MAX) });
    expect(exact.status).toBe(302);
    const m = db.ctx.t.user_messages;
    const stored = await db.ctx.db.select({ text: m.message }).from(m).where(eq(m.sender_id, a.id));
    expect(stored.map((s) => s.text.length)).toEqual([MESSAGE_MAX]);
  });

  it("a message with a NUL or another control character is refused with 400 and a message next to the field and is not stored, while line breaks are fine (PostgreSQL answered 500 to a NUL)", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    const client = await appClient(db.ctx);
    await client.signIn(a);
    for (const message of ["hello\u0000there", "bell\u0007", "\u202egnirts"]) {
      const res = await client.post(`/messages/${b.id}`, { message });
      expect(res.status, JSON.stringify(message)).toBe(400);
      expect(textOf(res.html)).toContain("Use letters, numbers, punctuation and line breaks only: no control characters.");
      expect(res.html).toMatch(/aria-invalid="true"/);
    }
    const lines = await client.post(`/messages/${b.id}`, { message: "two\r\nlines" });
    expect(lines.status).toBe(302);
    const m = db.ctx.t.user_messages;
    const stored = await db.ctx.db.select({ text: m.message }).from(m).where(eq(m.sender_id, a.id));
    // Only the message with line breaks was stored (as typed).
    expect(stored.map((s) => s.text)).toEqual(["two\r\nlines"]);
  });

  it("a stranger gets a 403 page that links to the profile, cannot send, and cannot poll", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx, { name: "Bilal Rao" });
    const c = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "private between a and b" });
    const stranger = await appClient(db.ctx);
    await stranger.signIn(c);
    const page = await stranger.get(`/messages/${b.id}`);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain("You can message only your connections");
    expect(page.html).toContain(`href="/u/${b.id}"`);
    expect(page.html).toContain('href="/messages"');
    expect(page.html).not.toContain("private between a and b");
    const post = await stranger.post(`/messages/${b.id}`, { message: "hi" });
    expect(post.status).toBe(403);
    const m = db.ctx.t.user_messages;
    expect(await db.ctx.db.select({ id: m.id }).from(m).where(eq(m.sender_id, c.id))).toEqual([]);
    // A pending request is not a connection either.
    await connect(db.ctx, { me: c.id, otherId: b.id });
    expect((await stranger.get(`/messages/${b.id}`)).status).toBe(403);
  });

  it("after a connection is removed both keep the history, read-only, and sending is refused with the text kept", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "Thanks for the referral!" });
    await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "remove" });
    for (const [member, other] of [[a, b], [b, a]] as const) {
      const client = await appClient(db.ctx);
      await client.signIn(member);
      const page = await client.get(`/messages/${other.id}`);
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain("Thanks for the referral!");
      expect(textOf(page.html)).toContain("You are no longer connected, so you cannot send messages. Connect again to continue.");
      expect(page.html).not.toContain('name="message"');
      const refused = await client.post(`/messages/${other.id}`, { message: "Still there?" });
      expect(refused.status).toBe(403);
      expect(refused.html).toContain("Still there?");
    }
    // Reconnecting resumes the same conversation.
    await connectPair(db.ctx, a, b);
    const client = await appClient(db.ctx);
    await client.signIn(a);
    expect((await client.post(`/messages/${b.id}`, { message: "Back again" })).status).toBe(302);
    const page = await conversationPage(db.ctx, a.id, b.id);
    expect(page.messages.map((msg) => msg.text)).toEqual(["Thanks for the referral!", "Back again"]);
  });

  it("bad cursors answer 400, malformed or unknown member ids 404, and visitors are sent to sign in", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    const client = await appClient(db.ctx);
    await client.signIn(a);
    expect((await client.get("/messages?cursor=abc.def")).status).toBe(400);
    expect((await client.get(`/messages/${b.id}?before=abc.def`)).status).toBe(400);
    expect((await client.get(`/messages/${b.id}/updates?after=abc.def`)).status).toBe(400);
    expect((await client.get(`/messages/${b.id}/updates`)).status).toBe(400);
    expect((await client.get("/messages/not-a-uuid")).status).toBe(404);
    expect((await client.get("/messages/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await client.get(`/messages/${a.id}`)).status).toBe(404);
    expect((await client.post("/messages/not-a-uuid", { message: "hi" })).status).toBe(404);
    const visitor = await appClient(db.ctx);
    const redirected = await visitor.get(`/messages/${b.id}`);
    expect(redirected.status).toBe(302);
    expect(redirected.location).toMatch(/^\/login/);
  });

  it("the older-messages link pages back through a long conversation", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    await insertMessages(db.ctx, Array.from({ length: 45 }, (_, i) => ({ from: i % 2 ? a.id : b.id, to: i % 2 ? b.id : a.id, at: i * 1_000, text: `line ${i + 1} of 45`, n: i })));
    const client = await appClient(db.ctx);
    await client.signIn(a);
    const first = await client.get(`/messages/${b.id}`);
    expect(textOf(first.html)).toContain("line 45 of 45");
    expect(textOf(first.html)).not.toContain("line 15 of 45");
    const older = /href="(\/messages\/[^"]+\?before=[^"]+)"[^>]*>Older messages/.exec(first.html)?.[1].replace(/&amp;/g, "&");
    expect(older).toBeTruthy();
    const second = await client.get(older!);
    expect(second.status).toBe(200);
    expect(textOf(second.html)).toContain("line 1 of 45");
    expect(textOf(second.html)).toContain("line 15 of 45");
    expect(textOf(second.html)).not.toContain("line 16 of 45");
    expect(textOf(second.html)).toContain("This is the start of your conversation.");
  });

  it("the updates route returns the pair's newer messages as JSON and marks the received ones read", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "first" });
    const client = await appClient(db.ctx);
    await client.signIn(b);
    const first = await conversationPage(db.ctx, b.id, a.id);
    const newest = first.messages[first.messages.length - 1];
    const since = messagesCursor.to({ at: newest.at.getTime(), id: newest.id }, "newer");
    expect((await client.get(`/messages/${a.id}`)).status).toBe(200);
    const reply = await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "second, while the page is open" });
    const res = await client.get(`/messages/${a.id}/updates?after=${encodeURIComponent(since!)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    const body = JSON.parse(res.html) as { messages: { id: string; text: string; fromMe: boolean }[]; cursor: string };
    expect(body.messages.map((m) => [m.text, m.fromMe])).toEqual([
      ["first", false],
      ["second, while the page is open", false],
    ]);
    const m = db.ctx.t.user_messages;
    const [row] = await db.ctx.db.select({ read: m.is_read }).from(m).where(and(eq(m.id, reply.ok ? reply.id : ""), eq(m.receiver_id, b.id)));
    expect(row.read).toBe(true);
  });

  it("a member who sends more than 60 messages in a minute is told to wait, with 429 and the text kept", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connectPair(db.ctx, a, b);
    const client = await appClient(db.ctx);
    await client.signIn(a);
    // The limit counts in fixed one-minute windows: start early in one, so all 61 land in it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 61_000 - intoMinute));
    for (let i = 0; i < 60; i++) expect((await client.post(`/messages/${b.id}`, { message: `n${i}` })).status).toBe(302);
    const refused = await client.post(`/messages/${b.id}`, { message: "one too many" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(refused.html).toContain("one too many");
    expect(textOf(refused.html)).toContain("You have sent 60 messages in the last minute");
  });
});
