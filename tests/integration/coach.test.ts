/** The AI career coach: chats, sending with and without JavaScript, the offline coach, failures, quota, ownership, pages. */
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createChat } from "../../app/modules/coach/chats.server";
import { OFFLINE_LABEL } from "../../app/modules/coach/offline-coach";
import { streamReply } from "../../app/modules/coach/stream.server";
import type { Ctx } from "../../db/client";
import type { MessagePart } from "../../db/schema";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { useOpenAiMock } from "../support/openai-env";

const { mock: runningMock, online } = useOpenAiMock();
beforeEach(online);


async function messagesOf(ctx: Ctx, chatId: string) {
  const M = ctx.t.Message_v2;
  return ctx.db.select().from(M).where(eq(M.chatId, chatId)).orderBy(asc(M.createdAt), asc(M.id));
}

const chatIdFrom = (location: string | null) => /^\/coach\/([0-9a-f-]{36})#([0-9a-f-]{36})$/.exec(location ?? "");

async function signedIn(ctx: Ctx, profile: Record<string, unknown> = {}): Promise<{ member: Member; browser: AppClient }> {
  const member = await createMember(ctx);
  if (Object.keys(profile).length > 0) await ctx.db.update(ctx.t.User).set(profile).where(eq(ctx.t.User.id, member.id));
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return { member, browser };
}

describeEachDatabase("Coach", (db) => {
  it("a member starts a chat without JavaScript and lands on the coach's reply, with the profile in the prompt", async () => {
    const { member, browser } = await signedIn(db.ctx, {
      headline: "Backend developer",
      goals: "Become a tech lead",
      professional_skills: ["Go", "SQL"],
      experience: [{ title: "Developer", company: "Acme" }],
    });
    const before = runningMock().requests.length;
    const res = await browser.post("/coach", { message: "How do I grow into a lead role?\nMore detail on a second line" });
    expect(res.status).toBe(302);
    const match = chatIdFrom(res.location);
    expect(match).not.toBeNull();
    const [, chatId, replyId] = match!;
    expect(runningMock().requests.length).toBe(before + 1);
    const asked = runningMock().requests[runningMock().requests.length - 1];
    expect(asked.stream).toBe(false);
    expect(asked.messages[0].role).toBe("system");
    expect(asked.messages[0].content).toContain("career coach");
    expect(asked.messages[0].content).toContain("Headline: Backend developer");
    expect(asked.messages[0].content).toContain("Goals: Become a tech lead");
    expect(asked.messages[0].content).toContain("Skills: Go, SQL");
    expect(asked.messages[0].content).toContain("Experience: Developer at Acme");

    const page = await browser.get(`/coach/${chatId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("How do I grow into a lead role?");
    expect(text).toContain("Coach reply to: How do I grow into a lead role?");
    expect(text).toContain("6 of 7 left today");
    expect(page.html).toContain(`id="${replyId}"`);
    expect(page.html).toContain("<strong>First</strong>");

    const [chat] = await db.ctx.db.select().from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.id, chatId));
    expect(chat.userId).toBe(member.id);
    expect(chat.title).toBe("How do I grow into a lead role?");
    expect(chat.visibility).toBe("private");
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(rows[0].parts).toEqual([{ type: "text", text: "How do I grow into a lead role?\nMore detail on a second line" }]);
    expect(rows[1].attachments).toEqual([]);

    const list = await browser.get("/coach");
    expect(textOf(list.html)).toContain("How do I grow into a lead role?");
    expect(textOf(list.html)).toContain("6 of 7 left today");
  });

  it("a later message in the chat sends the recent conversation to the coach", async () => {
    const { browser } = await signedIn(db.ctx);
    const first = await browser.post("/coach", { message: "First question" });
    const [, chatId] = chatIdFrom(first.location)!;
    const res = await browser.post(`/coach/${chatId}`, { message: "Second question" });
    expect(res.status).toBe(302);
    expect(chatIdFrom(res.location)?.[1]).toBe(chatId);
    const asked = runningMock().requests[runningMock().requests.length - 1];
    expect(asked.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(asked.messages[1].content).toBe("First question");
    expect(asked.messages[3].content).toBe("Second question");
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(textOf((await browser.get(`/coach/${chatId}`)).html)).toContain("5 of 7 left today");
  });

  it("with no API key the offline coach answers without any network call and every reply says it is offline", async () => {
    delete process.env.OPENAI_API_KEY;
    const { browser } = await signedIn(db.ctx);
    const before = runningMock().requests.length;
    const res = await browser.post("/coach", { message: "Can you look at my CV?" });
    expect(res.status).toBe(302);
    const [, chatId] = chatIdFrom(res.location)!;
    expect(runningMock().requests.length).toBe(before);
    const page = textOf((await browser.get(`/coach/${chatId}`)).html);
    expect(page).toContain("checklist for your CV");
    expect(page).toContain(OFFLINE_LABEL);
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows[1].parts).toContainEqual({ type: "notice", kind: "offline" });
  });

  it("an offline reply costs none of the day's 7 messages, and the offline coach still answers when none are left", async () => {
    delete process.env.OPENAI_API_KEY;
    const { member, browser } = await signedIn(db.ctx);
    const first = await browser.post("/coach", { message: "How do I prepare for a phone screen?" });
    const [, chatId] = chatIdFrom(first.location)!;
    expect((await browser.post(`/coach/${chatId}`, { message: "And how do I negotiate my salary?" })).status).toBe(302);
    const streamed = await browser.post(`/coach/${chatId}/stream`, { message: "Any tips for my cover letter?" });
    expect(streamed.status).toBe(200);
    expect(streamed.html).toContain('"done":true');
    const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
    expect(user.dailyMessageCount ?? 0).toBe(0);
    const page = textOf((await browser.get(`/coach/${chatId}`)).html);
    expect(page).toContain("7 of 7 left today");
    expect(page).toContain("Offline replies are free");
    expect(page).toContain("phone or video screen");
    expect(page).toContain("Negotiating pay");
    expect(page).toContain("cover letter that gets read");

    // With the day's messages used up, the offline coach answers all the same and takes nothing.
    await db.ctx.db.update(db.ctx.t.User).set({ dailyMessageCount: 7, lastMessageResetDate: new Date() }).where(eq(db.ctx.t.User.id, member.id));
    const more = await browser.post(`/coach/${chatId}`, { message: "How do I ask for a promotion?" });
    expect(more.status).toBe(302);
    expect(textOf((await browser.get(`/coach/${chatId}`)).html)).toContain("Asking for a promotion or a raise");
    const [after] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
    expect(after.dailyMessageCount).toBe(7);
    expect((await messagesOf(db.ctx, chatId)).filter((m) => m.role === "assistant")).toHaveLength(4);
  });

  it("a 429 from the provider keeps the message, marks it failed, refunds the quota and offers Retry", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const res = await browser.post("/coach", { message: "[[fail:429]] Help me" });
    expect(res.status).toBe(302);
    const [, chatId, messageId] = chatIdFrom(res.location)!;
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(messageId);
    expect(rows[0].parts).toContainEqual({ type: "status", status: "failed", reason: "rate_limited" });
    const page = await browser.get(`/coach/${chatId}`);
    const text = textOf(page.html);
    expect(text).toContain("The coach is busy right now (too many requests).");
    expect(text).toContain("Not answered");
    expect(text).toContain("7 of 7 left today");
    expect(page.html).toMatch(new RegExp(`action="/coach/${chatId}/retry"`));
    const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
    expect(user.dailyMessageCount).toBe(0);
  });

  it("a 5xx from the provider can be retried: the retry takes quota again and clears the failure", async () => {
    const { browser } = await signedIn(db.ctx);
    // The mock fails each distinct text once: make this one new on each database.
    const res = await browser.post("/coach", { message: `[[fail-once:500]] What next? (${db.dialect} ${Date.now()})` });
    const [, chatId, messageId] = chatIdFrom(res.location)!;
    expect((await messagesOf(db.ctx, chatId))[0].parts).toContainEqual({ type: "status", status: "failed", reason: "provider" });
    expect(textOf((await browser.get(`/coach/${chatId}`)).html)).toContain("7 of 7 left today");

    const retry = await browser.post(`/coach/${chatId}/retry`, { messageId });
    expect(retry.status).toBe(302);
    const match = chatIdFrom(retry.location);
    expect(match?.[1]).toBe(chatId);
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(rows[0].parts.some((p: MessagePart) => p.type === "status")).toBe(false);
    expect(rows[1].id).toBe(match![2]);
    const page = textOf((await browser.get(`/coach/${chatId}`)).html);
    expect(page).toContain("6 of 7 left today");
    expect(page).not.toContain("Not answered");

    // Nothing left to retry: a second retry changes nothing.
    const again = await browser.post(`/coach/${chatId}/retry`, { messageId });
    expect(again.status).toBe(302);
    expect(await messagesOf(db.ctx, chatId)).toHaveLength(2);
  });

  it("a provider that never answers times out: the message is kept and marked, the quota refunded", async () => {
    const { browser } = await signedIn(db.ctx);
    const res = await browser.post("/coach", { message: "[[fail:timeout]] Hello?" });
    const [, chatId] = chatIdFrom(res.location)!;
    expect((await messagesOf(db.ctx, chatId))[0].parts).toContainEqual({ type: "status", status: "failed", reason: "timeout" });
    const text = textOf((await browser.get(`/coach/${chatId}`)).html);
    expect(text).toContain("The coach took too long to answer.");
    expect(text).toContain("7 of 7 left today");
  });

  it("when none are left today the member gets the quota page and no AI call is made", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const first = await browser.post("/coach", { message: "Before the limit" });
    const [, chatId] = chatIdFrom(first.location)!;
    await db.ctx.db.update(db.ctx.t.User).set({ dailyMessageCount: 7, lastMessageResetDate: new Date() }).where(eq(db.ctx.t.User.id, member.id));
    const before = runningMock().requests.length;

    const fresh = await browser.post("/coach", { message: "One more" });
    expect(fresh.status).toBe(429);
    expect(textOf(fresh.html)).toContain("You have used your 7 messages for today; they come back at 00:00 UTC");
    const inChat = await browser.post(`/coach/${chatId}`, { message: "One more" });
    expect(inChat.status).toBe(429);
    const streamed = await browser.post(`/coach/${chatId}/stream`, { message: "One more" });
    expect(streamed.status).toBe(429);
    expect(JSON.parse(streamed.html).error).toContain("You have used your 7 messages for today");

    expect(runningMock().requests.length).toBe(before);
    expect(await db.ctx.db.select().from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.userId, member.id))).toHaveLength(1);
    expect(await messagesOf(db.ctx, chatId)).toHaveLength(2);
    const page = textOf((await browser.get(`/coach/${chatId}`)).html);
    expect(page).toContain("0 of 7 left today");
    expect(page).toContain("You have used your 7 messages for today.");

    // A new UTC day gives the 7 back.
    await db.ctx.db
      .update(db.ctx.t.User)
      .set({ lastMessageResetDate: new Date(Date.now() - 48 * 3600_000) })
      .where(eq(db.ctx.t.User.id, member.id));
    expect(textOf((await browser.get("/coach")).html)).toContain("7 of 7 left today");
  });

  it("an empty or too long message is refused next to the field, the typed text kept, and nothing stored", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const empty = await browser.post("/coach", { message: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Write a message to the coach.");
    const long = "x".repeat(4001);
    const tooLong = await browser.post("/coach", { message: long });
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html)).toContain("Keep your message under 4,000 characters.");
    expect(tooLong.html).toContain(long);
    expect(await db.ctx.db.select().from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.userId, member.id))).toHaveLength(0);
    const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
    expect(user.dailyMessageCount ?? 0).toBe(0);
  });

  it("someone else's chat answers 404 to reading, sending, streaming and retrying", async () => {
    const { browser } = await signedIn(db.ctx);
    const res = await browser.post("/coach", { message: "[[fail:429]] Private question" });
    const [, chatId, messageId] = chatIdFrom(res.location)!;
    const { browser: other } = await signedIn(db.ctx);
    expect((await other.get(`/coach/${chatId}`)).status).toBe(404);
    expect((await other.post(`/coach/${chatId}`, { message: "hi" })).status).toBe(404);
    expect((await other.post(`/coach/${chatId}/stream`, { message: "hi" })).status).toBe(404);
    expect((await other.post(`/coach/${chatId}/retry`, { messageId })).status).toBe(404);
    expect((await other.get("/coach/not-a-uuid")).status).toBe(404);
    expect(textOf((await other.get("/coach")).html)).not.toContain("Private question");
    expect(await messagesOf(db.ctx, chatId)).toHaveLength(1);
  });

  it("the chat list is paged newest first by keyset, and a changed cursor is a 400 page", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const base = Date.UTC(2026, 0, 1);
    for (let i = 1; i <= 25; i++) {
      await db.ctx.db.insert(db.ctx.t.Chat).values({ userId: member.id, title: `Chat number ${String(i).padStart(2, "0")}`, createdAt: new Date(base + i * 60_000) });
    }
    const first = await browser.get("/coach");
    const text = textOf(first.html);
    expect(text).toContain("Chat number 25");
    expect(text).toContain("Chat number 06");
    expect(text).not.toContain("Chat number 05");
    expect(text.indexOf("Chat number 25")).toBeLessThan(text.indexOf("Chat number 24"));
    const next = /href="(\/coach\?cursor=[^"]+)"/.exec(first.html)![1].replace(/&amp;/g, "&");
    const second = textOf((await browser.get(next)).html);
    expect(second).toContain("Chat number 05");
    expect(second).toContain("Chat number 01");
    expect(second).not.toContain("Chat number 06");
    expect((await browser.get(`${next}x`)).status).toBe(400);
  });

  it("a chat with 50 messages shows the newest 20 oldest first, with earlier pages behind a link", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const { chatId } = await createChat(db.ctx, member.id, "Message 01", new Date(Date.UTC(2026, 0, 1)));
    for (let i = 2; i <= 50; i++) {
      await db.ctx.db.insert(db.ctx.t.Message_v2).values({
        chatId,
        role: i % 2 === 0 ? "assistant" : "user",
        parts: [{ type: "text", text: `Message ${String(i).padStart(2, "0")}` }],
        attachments: [],
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      });
    }
    const pageOf = async (path: string) => {
      const res = await browser.get(path);
      const list = res.html.slice(res.html.indexOf('aria-label="Messages"'));
      const found = [...textOf(list).matchAll(/Message (\d\d)/g)].map((m) => Number(m[1]));
      const earlier = /href="(\/coach\/[^"?]+\?before=[^"]+)"/.exec(res.html)?.[1]?.replace(/&amp;/g, "&") ?? null;
      return { found, earlier, status: res.status };
    };
    const newest = await pageOf(`/coach/${chatId}`);
    expect(newest.found).toEqual(Array.from({ length: 20 }, (_, i) => 31 + i));
    expect(newest.earlier).not.toBeNull();
    const middle = await pageOf(newest.earlier!);
    expect(middle.found).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    const oldest = await pageOf(middle.earlier!);
    expect(oldest.found).toEqual(Array.from({ length: 10 }, (_, i) => 1 + i));
    expect(oldest.earlier).toBeNull();
    expect((await browser.get(`/coach/${chatId}?before=broken`)).status).toBe(400);
  });

  it("the streaming route sends the reply in pieces and saves it when done", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const { chatId } = await createChat(db.ctx, member.id, "Earlier", new Date(Date.now() - 60_000));
    const res = await browser.post(`/coach/${chatId}/stream`, { message: "Stream this please" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/x-ndjson");
    const frames = res.html
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { delta?: string; done?: boolean; replyId?: string; left?: number });
    const deltas = frames.filter((f) => f.delta !== undefined);
    expect(deltas.length).toBeGreaterThan(3);
    const last = frames[frames.length - 1];
    expect(last.done).toBe(true);
    expect(last.left).toBe(6);
    expect(runningMock().requests[runningMock().requests.length - 1].stream).toBe(true);
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows.map((r) => r.role)).toEqual(["user", "user", "assistant"]);
    expect(rows[2].id).toBe(last.replyId);
    expect(rows[2].parts).toEqual([{ type: "text", text: deltas.map((d) => d.delta).join("") }]);
    expect(deltas.map((d) => d.delta).join("")).toContain("Coach reply to: Stream this please");
  });

  it("a failed stream keeps the message, marks it failed and refunds the quota", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const { chatId } = await createChat(db.ctx, member.id, "Earlier", new Date(Date.now() - 60_000));
    const res = await browser.post(`/coach/${chatId}/stream`, { message: "[[fail:500]] now" });
    const frames = res.html.trim().split("\n").map((l) => JSON.parse(l) as { error?: string; kind?: string });
    expect(frames[frames.length - 1].kind).toBe("provider");
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows).toHaveLength(2);
    expect(rows[1].parts).toContainEqual({ type: "status", status: "failed", reason: "provider" });
    expect(textOf((await browser.get(`/coach/${chatId}`)).html)).toContain("7 of 7 left today");
  });

  it("a stream stopped by the member aborts the provider call and saves the partial reply marked stopped", async () => {
    const member = await createMember(db.ctx);
    const now = new Date();
    const { chatId, messageId, createdAt } = await createChat(db.ctx, member.id, "[[slow]] Tell me a long story", now);
    const stop = new AbortController();
    const res = await streamReply({ ctx: db.ctx, me: member.id, chatId, messageId, askedAt: createdAt, day: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), charged: true, signal: stop.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while ((received.match(/"delta"/g) ?? []).length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    stop.abort();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    const frames = received.trim().split("\n").map((l) => JSON.parse(l) as { delta?: string; done?: boolean; stopped?: boolean });
    expect(frames[frames.length - 1]).toMatchObject({ done: true, stopped: true });
    const rows = await messagesOf(db.ctx, chatId);
    expect(rows).toHaveLength(2);
    const partial = rows[1].parts.find((p: MessagePart) => p.type === "text") as { text: string };
    expect(partial.text.startsWith("word1 word2")).toBe(true);
    expect(partial.text).not.toContain("word40");
    expect(rows[1].parts).toContainEqual({ type: "notice", kind: "stopped" });
  });

  it("a reply carrying script tags, javascript: links and raw HTML renders inert", async () => {
    const { browser } = await signedIn(db.ctx);
    const res = await browser.post("/coach", { message: "[[markdown-attack]] <script>alert('me')</script> [x](javascript:alert(1))" });
    const [, chatId] = chatIdFrom(res.location)!;
    const page = await browser.get(`/coach/${chatId}`);
    const main = page.html.slice(page.html.indexOf('aria-label="Messages"'));
    expect(main).not.toMatch(/<script>alert/);
    expect(main).not.toMatch(/<img/);
    expect(main).not.toMatch(/href="(javascript|data):/i);
    expect(main).toContain("&lt;script&gt;alert(");
    expect(main).toContain('href="https://example.com/ladder"');
  });

  it("the stream and retry addresses answer a plain GET with 405, not an error page", async () => {
    const { member, browser } = await signedIn(db.ctx);
    const { chatId } = await createChat(db.ctx, member.id, "Hello", new Date());
    expect((await browser.get(`/coach/${chatId}/stream`)).status).toBe(405);
    expect((await browser.get(`/coach/${chatId}/retry`)).status).toBe(405);
  });

  it("the member's chats list only their own chats", async () => {
    const { member, browser } = await signedIn(db.ctx);
    await createChat(db.ctx, member.id, "Mine", new Date());
    const other = await createMember(db.ctx);
    await createChat(db.ctx, other.id, "Theirs", new Date());
    const text = textOf((await browser.get("/coach")).html);
    expect(text).toContain("Mine");
    expect(text).not.toContain("Theirs");
    const rows = await db.ctx.db.select().from(db.ctx.t.Chat).where(and(eq(db.ctx.t.Chat.userId, member.id)));
    expect(rows).toHaveLength(1);
  });
});
