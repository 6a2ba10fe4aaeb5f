/**
 * npm run db:backfill-messages: the deprecated Message and Vote rows move into Message_v2 and
 * Vote_v2 (content becomes parts), in batches, and a second run changes nothing.
 */
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { backfillMessages } from "../../app/modules/coach/backfill.server";
import { describeEachDatabase } from "../support/db";
import { aMoment, countRows, makeChat, makeMessage, makeUser, rawInsert } from "../support/factories";

describeEachDatabase("backfilling the deprecated messages and votes", (db) => {
  async function oldChat() {
    const user = await makeUser(db.ctx);
    return makeChat(db.ctx, user.id);
  }

  it("moves a string, an array of parts and a {text} content into text parts, keeping id, chat, role and time", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const a = await makeMessage(ctx, chat.id, { content: "plain string", role: "user", createdAt: aMoment() });
    const b = await makeMessage(ctx, chat.id, {
      content: [{ type: "text", text: "first" }, "second", { type: "tool-call", name: "x" }, { type: "attachment", name: "cv.pdf", url: "/files/cv.pdf" }],
      role: "assistant",
      createdAt: aMoment(),
    });
    const c = await makeMessage(ctx, chat.id, { content: { text: "wrapped" }, role: "user", createdAt: aMoment() });

    const report = await backfillMessages(ctx);

    expect(report).toMatchObject({ messagesMoved: 3, messagesAlreadyThere: 0, skipped: [] });
    const moved = await ctx.db.select().from(ctx.t.Message_v2).orderBy(asc(ctx.t.Message_v2.createdAt));
    expect(moved.map((m) => [m.id, m.chatId, m.role, m.createdAt.getTime()])).toEqual([
      [a.id, chat.id, "user", a.createdAt.getTime()],
      [b.id, chat.id, "assistant", b.createdAt.getTime()],
      [c.id, chat.id, "user", c.createdAt.getTime()],
    ]);
    expect(moved.map((m) => m.parts)).toEqual([
      [{ type: "text", text: "plain string" }],
      [
        { type: "text", text: "first" },
        { type: "text", text: "second" },
        { type: "attachment", name: "cv.pdf", url: "/files/cv.pdf" },
      ],
      [{ type: "text", text: "wrapped" }],
    ]);
    expect(moved.every((m) => Array.isArray(m.attachments) && m.attachments.length === 0)).toBe(true);
    expect(await countRows(ctx, ctx.t.Message)).toBe(0);
  });

  it("moves each vote once its message is in Message_v2, keeping chat, message and direction", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const up = await makeMessage(ctx, chat.id, { role: "assistant" });
    const down = await makeMessage(ctx, chat.id, { role: "assistant" });
    await ctx.db.insert(ctx.t.Vote).values([
      { chatId: chat.id, messageId: up.id, isUpvoted: true },
      { chatId: chat.id, messageId: down.id, isUpvoted: false },
    ]);

    const report = await backfillMessages(ctx);

    expect(report.votesMoved).toBe(2);
    const votes = await ctx.db.select().from(ctx.t.Vote_v2);
    expect(votes.map((v) => [v.messageId, v.chatId, v.isUpvoted]).sort()).toEqual(
      [
        [up.id, chat.id, true],
        [down.id, chat.id, false],
      ].sort(),
    );
    expect(await countRows(ctx, ctx.t.Vote)).toBe(0);
  });

  it("a second run changes nothing and reports nothing moved", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const m = await makeMessage(ctx, chat.id, { role: "assistant", content: "hello" });
    await ctx.db.insert(ctx.t.Vote).values({ chatId: chat.id, messageId: m.id, isUpvoted: true });
    await backfillMessages(ctx);
    const before = await ctx.db.select().from(ctx.t.Message_v2);

    const again = await backfillMessages(ctx);

    expect(again).toMatchObject({ messagesMoved: 0, messagesAlreadyThere: 0, votesMoved: 0, votesAlreadyThere: 0, skipped: [] });
    expect(await ctx.db.select().from(ctx.t.Message_v2)).toEqual(before);
    expect(await countRows(ctx, ctx.t.Vote_v2)).toBe(1);
  });

  it("a message copied earlier (same id already in Message_v2) is not duplicated or overwritten, and leaves the old table", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const m = await makeMessage(ctx, chat.id, { content: "old words" });
    await ctx.db.insert(ctx.t.Message_v2).values({ id: m.id, chatId: chat.id, role: "user", parts: [{ type: "text", text: "already new" }], attachments: [], createdAt: m.createdAt });

    const report = await backfillMessages(ctx);

    expect(report).toMatchObject({ messagesMoved: 0, messagesAlreadyThere: 1 });
    const [row] = await ctx.db.select().from(ctx.t.Message_v2).where(eq(ctx.t.Message_v2.id, m.id));
    expect(row.parts).toEqual([{ type: "text", text: "already new" }]);
    expect(await countRows(ctx, ctx.t.Message)).toBe(0);
  });

  it("works through more rows than one batch, one transaction per batch, and moves them all", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const base = aMoment().getTime();
    // 23 messages, some sharing a createdAt, so the keyset must also order by id.
    const rows = Array.from({ length: 23 }, (_, i) => ({ chatId: chat.id, role: i % 2 ? "assistant" : "user", content: `message ${i}`, createdAt: new Date(base + Math.floor(i / 3)) }));
    const inserted = await ctx.db.insert(ctx.t.Message).values(rows).returning({ id: ctx.t.Message.id });
    await ctx.db.insert(ctx.t.Vote).values(inserted.filter((_, i) => i % 2).map((r) => ({ chatId: chat.id, messageId: r.id, isUpvoted: true })));
    const batches: number[] = [];

    const report = await backfillMessages(ctx, { batchSize: 5, onBatch: (r) => batches.push(r.messagesMoved) });

    expect(report.batches).toBe(5);
    expect(batches).toEqual([5, 10, 15, 20, 23]);
    expect(report.messagesMoved).toBe(23);
    expect(report.votesMoved).toBe(11);
    expect(await countRows(ctx, ctx.t.Message_v2)).toBe(23);
    expect(await countRows(ctx, ctx.t.Message)).toBe(0);
    const texts = (await ctx.db.select({ parts: ctx.t.Message_v2.parts }).from(ctx.t.Message_v2)).map((r) => (r.parts[0] as { text: string }).text).sort();
    expect(texts).toEqual(rows.map((r) => r.content).sort());
  });

  it("a row whose content cannot be read is reported and left in place with its vote, and the rows after it still move", async () => {
    const ctx = db.ctx;
    const chat = await oldChat();
    const good1 = await makeMessage(ctx, chat.id, { content: "before", createdAt: aMoment() });
    const badId = crypto.randomUUID();
    await rawInsert(ctx, ctx.t.Message, { id: badId, chatId: chat.id, role: "assistant", content: JSON.stringify({ unexpected: 42 }), createdAt: aMoment() });
    await ctx.db.insert(ctx.t.Vote).values({ chatId: chat.id, messageId: badId, isUpvoted: true });
    const good2 = await makeMessage(ctx, chat.id, { content: "after", createdAt: aMoment() });

    const report = await backfillMessages(ctx, { batchSize: 2 });

    expect(report.messagesMoved).toBe(2);
    expect(report.skipped).toEqual([{ id: badId, reason: "an object without a text field" }]);
    const movedIds = (await ctx.db.select({ id: ctx.t.Message_v2.id }).from(ctx.t.Message_v2)).map((r) => r.id).sort();
    expect(movedIds).toEqual([good1.id, good2.id].sort());
    expect(await countRows(ctx, ctx.t.Message)).toBe(1);
    expect(await countRows(ctx, ctx.t.Vote)).toBe(1);
    expect(await countRows(ctx, ctx.t.Vote_v2)).toBe(0);
    // And again: still reported, nothing else happens.
    const again = await backfillMessages(ctx);
    expect(again.skipped.map((s) => s.id)).toEqual([badId]);
    expect(again.messagesMoved).toBe(0);
  });
});
