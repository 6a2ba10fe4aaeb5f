/** A chat's extras through the module and the real app, on both databases: votes, sharing, title, delete, export. */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { deleteChat, toggleVote } from "../../app/modules/coach/chat-extras.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";
import { makeChat, makeMessage, makeMessageV2 } from "../support/factories";

async function votesIn(ctx: Ctx, chatId: string) {
  const v = ctx.t.Vote_v2;
  return ctx.db.select({ messageId: v.messageId, isUpvoted: v.isUpvoted }).from(v).where(eq(v.chatId, chatId));
}

/** A chat of `userId` with a question, a reply, a vote on the reply and a deprecated message with its vote. */
async function chatWithEverything(ctx: Ctx, userId: string, values: Parameters<typeof makeChat>[2] = {}) {
  const chat = await makeChat(ctx, userId, values);
  const question = await makeMessageV2(ctx, chat.id, { role: "user", parts: [{ type: "text", text: "How do I ask for a raise?" }] });
  const reply = await makeMessageV2(ctx, chat.id, { role: "assistant", parts: [{ type: "text", text: "Start with **evidence** of your impact." }] });
  await ctx.db.insert(ctx.t.Vote_v2).values({ chatId: chat.id, messageId: reply.id, isUpvoted: true });
  const old = await makeMessage(ctx, chat.id, { role: "assistant", content: "An old reply" });
  await ctx.db.insert(ctx.t.Vote).values({ chatId: chat.id, messageId: old.id, isUpvoted: false });
  return { chat, question, reply, old };
}

async function countsOf(ctx: Ctx, chatId: string) {
  const t = ctx.t;
  const [chats, messages, votes, oldMessages, oldVotes] = await Promise.all([
    ctx.db.select({ id: t.Chat.id }).from(t.Chat).where(eq(t.Chat.id, chatId)),
    ctx.db.select({ id: t.Message_v2.id }).from(t.Message_v2).where(eq(t.Message_v2.chatId, chatId)),
    ctx.db.select({ id: t.Vote_v2.messageId }).from(t.Vote_v2).where(eq(t.Vote_v2.chatId, chatId)),
    ctx.db.select({ id: t.Message.id }).from(t.Message).where(eq(t.Message.chatId, chatId)),
    ctx.db.select({ id: t.Vote.messageId }).from(t.Vote).where(eq(t.Vote.chatId, chatId)),
  ]);
  return { chats: chats.length, messages: messages.length, votes: votes.length, oldMessages: oldMessages.length, oldVotes: oldVotes.length };
}

describeEachDatabase("Votes on the coach's replies", (db) => {
  it("a vote is set, taken back by pressing the same button again, and switched by the other button", async () => {
    const me = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, me.id);
    const reply = await makeMessageV2(db.ctx, chat.id, { role: "assistant" });
    const browser = await appClient(db.ctx);
    await browser.signIn(me);

    const up = await browser.post(`/coach/${chat.id}/vote`, { messageId: reply.id, value: "up" });
    expect(up.status).toBe(302);
    expect(up.location).toBe(`/coach/${chat.id}#${reply.id}`);
    expect(await votesIn(db.ctx, chat.id)).toEqual([{ messageId: reply.id, isUpvoted: true }]);

    await browser.post(`/coach/${chat.id}/vote`, { messageId: reply.id, value: "down" });
    expect(await votesIn(db.ctx, chat.id)).toEqual([{ messageId: reply.id, isUpvoted: false }]);

    await browser.post(`/coach/${chat.id}/vote`, { messageId: reply.id, value: "down" });
    expect(await votesIn(db.ctx, chat.id)).toEqual([]);
  });

  it("a vote sent by the page's fetcher answers with the new vote instead of a redirect", async () => {
    const me = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, me.id);
    const reply = await makeMessageV2(db.ctx, chat.id, { role: "assistant" });
    const browser = await appClient(db.ctx);
    await browser.signIn(me);
    // A fetcher posts to the route's single-fetch address (<path>.data) and reads the action's data.
    const res = await browser.post(`/coach/${chat.id}/vote.data`, { messageId: reply.id, value: "up", via: "fetcher" });
    expect(res.status).toBe(200);
    expect(res.location).toBeNull();
    expect(res.html).toContain(reply.id);
    expect(res.html).toContain('"up"');
    expect(await votesIn(db.ctx, chat.id)).toEqual([{ messageId: reply.id, isUpvoted: true }]);
  });

  it("a member cannot vote on their own message, on a reply of someone else's chat, or with a made-up value", async () => {
    const me = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const mine = await makeChat(db.ctx, me.id);
    const myQuestion = await makeMessageV2(db.ctx, mine.id, { role: "user" });
    const theirs = await makeChat(db.ctx, other.id, { visibility: "public" });
    const theirReply = await makeMessageV2(db.ctx, theirs.id, { role: "assistant" });
    const browser = await appClient(db.ctx);
    await browser.signIn(me);

    expect((await browser.post(`/coach/${mine.id}/vote`, { messageId: myQuestion.id, value: "up" })).status).toBe(404);
    expect((await browser.post(`/coach/${theirs.id}/vote`, { messageId: theirReply.id, value: "up" })).status).toBe(404);
    // A reply of their chat sent to the address of my chat is not a message of my chat.
    expect((await browser.post(`/coach/${mine.id}/vote`, { messageId: theirReply.id, value: "up" })).status).toBe(404);
    expect((await browser.post(`/coach/${mine.id}/vote`, { messageId: myQuestion.id, value: "sideways" })).status).toBe(400);
    expect((await browser.post(`/coach/not-a-chat/vote`, { messageId: "x", value: "up" })).status).toBe(404);
    expect(await votesIn(db.ctx, mine.id)).toEqual([]);
    expect(await votesIn(db.ctx, theirs.id)).toEqual([]);
  });
});

describePostgres("Votes pressed at the same moment", (db) => {
  it("twenty concurrent presses of the up button apply one after the other, leaving no vote (an even number of presses)", async () => {
    const me = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, me.id);
    const reply = await makeMessageV2(db.ctx, chat.id, { role: "assistant" });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => toggleVote(db.ctx, { me: me.id, chatId: chat.id, messageId: reply.id, value: "up" })));
    expect(outcomes.filter((o) => o.ok && o.vote === "up")).toHaveLength(10);
    expect(outcomes.filter((o) => o.ok && o.vote === null)).toHaveLength(10);
    expect(await votesIn(db.ctx, chat.id)).toEqual([]);
  });
});

describeEachDatabase("Sharing a chat", (db) => {
  it("a public chat's share page opens for a visitor, another member and an admin, read only, and a private one is not found for anyone", async () => {
    const owner = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const admin = await createMember(db.ctx, { role: "admin" });
    const { chat } = await chatWithEverything(db.ctx, owner.id, { title: "Asking for a raise" });
    const visitor = await appClient(db.ctx);
    const otherBrowser = await appClient(db.ctx);
    await otherBrowser.signIn(other);
    const adminBrowser = await appClient(db.ctx);
    await adminBrowser.signIn(admin);
    const ownerBrowser = await appClient(db.ctx);
    await ownerBrowser.signIn(owner);

    for (const browser of [visitor, otherBrowser, adminBrowser, ownerBrowser]) expect((await browser.get(`/share/${chat.id}`)).status).toBe(404);

    const made = await ownerBrowser.post(`/coach/${chat.id}/visibility`, { visibility: "public" });
    expect(made.status).toBe(302);
    expect(made.location).toBe(`/coach/${chat.id}#share`);
    for (const browser of [visitor, otherBrowser, adminBrowser]) {
      const page = await browser.get(`/share/${chat.id}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("X-Robots-Tag")).toBe("noindex");
      const text = textOf(page.html);
      expect(text).toContain("Asking for a raise");
      expect(text).toContain("How do I ask for a raise?");
      expect(page.html).toContain("<strong>evidence</strong>");
      const article = /<article[\s\S]*<\/article>/.exec(page.html)?.[0] ?? "";
      expect(article).toContain("How do I ask for a raise?");
      expect(article).not.toMatch(/<form|<button|\/vote/i);
    }

    expect((await ownerBrowser.post(`/coach/${chat.id}/visibility`, { visibility: "private" })).status).toBe(302);
    expect((await visitor.get(`/share/${chat.id}`)).status).toBe(404);
  });

  it("only the owner changes visibility: another member and an admin get 404 and the chat stays private", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id);
    for (const role of ["user", "admin"] as const) {
      const browser = await appClient(db.ctx);
      await browser.signIn(await createMember(db.ctx, { role }));
      expect((await browser.post(`/coach/${chat.id}/visibility`, { visibility: "public" })).status).toBe(404);
    }
    const [row] = await db.ctx.db.select({ visibility: db.ctx.t.Chat.visibility }).from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.id, chat.id));
    expect(row.visibility).toBe("private");
  });

  it("a <script>, a javascript: link and raw HTML in a public chat's title and messages render inert on the share page", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id, { title: "<script>alert(1)</script> title", visibility: "public" });
    await makeMessageV2(db.ctx, chat.id, { role: "user", parts: [{ type: "text", text: "<img src=x onerror=alert(2)> [click](javascript:alert(3))" }] });
    await makeMessageV2(db.ctx, chat.id, { role: "assistant", parts: [{ type: "text", text: "<script>alert(4)</script>\n\n[ok](https://example.com) <a href=\"javascript:alert(5)\">x</a>" }] });
    const page = await (await appClient(db.ctx)).get(`/share/${chat.id}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<script>alert/);
    expect(page.html).not.toMatch(/<img/i);
    expect(page.html).not.toMatch(/href="javascript:/i);
    expect(page.html).toContain('href="https://example.com"');
    expect(page.html).toContain("&lt;script&gt;alert(4)&lt;/script&gt;");
    expect(page.html).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("a long public chat is read in pages of 40 with a signed 'Later messages' link, and a made-up cursor answers 400", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id, { visibility: "public" });
    for (let i = 1; i <= 45; i++) await makeMessageV2(db.ctx, chat.id, { role: i % 2 ? "user" : "assistant", parts: [{ type: "text", text: `Message number ${i}.` }] });
    const visitor = await appClient(db.ctx);
    const first = await visitor.get(`/share/${chat.id}`);
    expect(textOf(first.html)).toContain("Message number 40.");
    expect(textOf(first.html)).not.toContain("Message number 41.");
    const next = /href="(\/share\/[^"]+\?after=[^"]+)"/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toBeDefined();
    const second = await visitor.get(next!);
    expect(second.status).toBe(200);
    expect(textOf(second.html)).toContain("Message number 41.");
    expect(textOf(second.html)).toContain("Message number 45.");
    expect(textOf(second.html)).not.toContain("Message number 40.");
    expect(second.html).not.toMatch(/href="[^"]*\?after=/);
    expect((await visitor.get(`/share/${chat.id}?after=bogus.cursor`)).status).toBe(400);
  });
});

describeEachDatabase("Renaming a chat", (db) => {
  it("an empty or too long title answers 400 with the message beside the field and the typed value kept; a good one is saved", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id, { title: "Old title" });
    const browser = await appClient(db.ctx);
    await browser.signIn(owner);

    const empty = await browser.post(`/coach/${chat.id}/title`, { title: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Give the chat a title.");

    const long = "L".repeat(121);
    const tooLong = await browser.post(`/coach/${chat.id}/title`, { title: long });
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html)).toContain("Keep the title to 120 characters or fewer (this one has 121).");
    expect(tooLong.html).toContain(`value="${long}"`);
    expect(tooLong.html).toMatch(/aria-invalid="true"/);

    const [unchanged] = await db.ctx.db.select({ title: db.ctx.t.Chat.title }).from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.id, chat.id));
    expect(unchanged.title).toBe("Old title");

    const saved = await browser.post(`/coach/${chat.id}/title`, { title: "  Raise   plan " });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/coach/${chat.id}`);
    const [renamed] = await db.ctx.db.select({ title: db.ctx.t.Chat.title }).from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.id, chat.id));
    expect(renamed.title).toBe("Raise plan");
  });

  it("nobody renames someone else's chat: 404 and the title stays", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id, { title: "Mine" });
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx, { role: "admin" }));
    expect((await browser.post(`/coach/${chat.id}/title`, { title: "Theirs now" })).status).toBe(404);
    expect((await browser.get(`/coach/${chat.id}/title`)).status).toBe(404);
    const [row] = await db.ctx.db.select({ title: db.ctx.t.Chat.title }).from(db.ctx.t.Chat).where(eq(db.ctx.t.Chat.id, chat.id));
    expect(row.title).toBe("Mine");
  });
});

describeEachDatabase("Deleting a chat", (db) => {
  it("after the confirmation page, deletes the chat with its messages and votes, deprecated rows included, and nothing of another chat", async () => {
    const owner = await createMember(db.ctx);
    const { chat } = await chatWithEverything(db.ctx, owner.id, { title: "To delete" });
    const { chat: kept } = await chatWithEverything(db.ctx, owner.id, { title: "To keep" });
    const browser = await appClient(db.ctx);
    await browser.signIn(owner);

    const confirm = await browser.get(`/coach/${chat.id}/delete`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Delete the chat “To delete”?");
    expect(await countsOf(db.ctx, chat.id)).toEqual({ chats: 1, messages: 2, votes: 1, oldMessages: 1, oldVotes: 1 });

    const done = await browser.post(`/coach/${chat.id}/delete`);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/coach");
    expect(await countsOf(db.ctx, chat.id)).toEqual({ chats: 0, messages: 0, votes: 0, oldMessages: 0, oldVotes: 0 });
    expect(await countsOf(db.ctx, kept.id)).toEqual({ chats: 1, messages: 2, votes: 1, oldMessages: 1, oldVotes: 1 });
    expect((await browser.get(`/coach/${chat.id}/delete`)).status).toBe(404);
  });

  it("a chat of someone else is not deleted, by another member or an admin: 404 and every row stays", async () => {
    const owner = await createMember(db.ctx);
    const { chat } = await chatWithEverything(db.ctx, owner.id);
    for (const role of ["user", "admin"] as const) {
      const browser = await appClient(db.ctx);
      await browser.signIn(await createMember(db.ctx, { role }));
      expect((await browser.get(`/coach/${chat.id}/delete`)).status).toBe(404);
      expect((await browser.post(`/coach/${chat.id}/delete`)).status).toBe(404);
    }
    expect(await countsOf(db.ctx, chat.id)).toEqual({ chats: 1, messages: 2, votes: 1, oldMessages: 1, oldVotes: 1 });
  });

  it("a failure after some of the deletes rolls all of them back", async () => {
    const owner = await createMember(db.ctx);
    const { chat } = await chatWithEverything(db.ctx, owner.id);
    const steps: string[] = [];
    await expect(
      deleteChat(db.ctx, owner.id, chat.id, (table) => {
        steps.push(table);
        if (table === "Message_v2") throw new Error("the disk is full");
      }),
    ).rejects.toThrow("the disk is full");
    expect(steps).toEqual(["Vote_v2", "Vote", "Message_v2"]);
    expect(await countsOf(db.ctx, chat.id)).toEqual({ chats: 1, messages: 2, votes: 1, oldMessages: 1, oldVotes: 1 });
    // And the same call without the failure deletes everything.
    expect(await deleteChat(db.ctx, owner.id, chat.id)).toBe(true);
    expect(await countsOf(db.ctx, chat.id)).toEqual({ chats: 0, messages: 0, votes: 0, oldMessages: 0, oldVotes: 0 });
  });
});

describeEachDatabase("Exporting a chat as Markdown", (db) => {
  it("the owner downloads a .md file named after the title, with the title as a heading and each message as a You or Coach section", async () => {
    const owner = await createMember(db.ctx);
    const chat = await makeChat(db.ctx, owner.id, { title: "Salary <script>talk</script> & me" });
    await makeMessageV2(db.ctx, chat.id, { role: "user", parts: [{ type: "text", text: "Here is my CV" }, { type: "attachment", name: "cv.pdf", url: "/u/cv.pdf" }] });
    await makeMessageV2(db.ctx, chat.id, { role: "assistant", parts: [{ type: "text", text: "Lead with [numbers](javascript:alert(1))." }] });
    const browser = await appClient(db.ctx);
    await browser.signIn(owner);
    const res = await browser.get(`/coach/${chat.id}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="salary-script-talk-script-me.md"');
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.html.startsWith("# Salary <script>talk</script> & me\n")).toBe(true);
    expect(res.html).toContain("**You**\n\nHere is my CV\n\nAttachments:\n\n- cv.pdf\n");
    expect(res.html).toContain("**Coach**\n\nLead with [numbers](javascript:alert(1)).");
    expect(res.html.indexOf("**You**")).toBeLessThan(res.html.indexOf("**Coach**"));
  });

  it("someone else's chat, public or not, is not exported: 404 for another member and an admin, and visitors sign in", async () => {
    const owner = await createMember(db.ctx);
    for (const visibility of ["private", "public"] as const) {
      const chat = await makeChat(db.ctx, owner.id, { visibility });
      for (const role of ["user", "admin"] as const) {
        const browser = await appClient(db.ctx);
        await browser.signIn(await createMember(db.ctx, { role }));
        const res = await browser.get(`/coach/${chat.id}/export.md`);
        expect(res.status).toBe(404);
        expect(res.headers.get("Content-Disposition")).toBeNull();
      }
      const visitor = await (await appClient(db.ctx)).get(`/coach/${chat.id}/export.md`);
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/login/);
    }
  });
});
