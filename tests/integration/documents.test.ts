/**
 * Documents through the real app, on both databases: versions and restore, ownership, the
 * coach's suggestions (fake OpenAI server and offline), accept and dismiss, the daily quota,
 * drafting from a chat, deleting.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { saveVersion } from "../../app/modules/documents/documents.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeChat, makeMessageV2 } from "../support/factories";
import { startOpenAiMock, type OpenAiMock } from "../support/openai-mock";

async function versionsOf(ctx: Ctx, id: string) {
  const D = ctx.t.Document;
  return ctx.db.select({ createdAt: D.createdAt, title: D.title, content: D.content, userId: D.userId }).from(D).where(eq(D.id, id)).orderBy(asc(D.createdAt));
}

async function suggestionsOf(ctx: Ctx, id: string) {
  const S = ctx.t.Suggestion;
  return ctx.db
    .select({ id: S.id, originalText: S.originalText, suggestedText: S.suggestedText, isResolved: S.isResolved, documentCreatedAt: S.documentCreatedAt, userId: S.userId })
    .from(S)
    .where(eq(S.documentId, id))
    .orderBy(asc(S.createdAt));
}

async function usedToday(ctx: Ctx, userId: string) {
  const [row] = await ctx.db.select({ count: ctx.t.User.dailyMessageCount }).from(ctx.t.User).where(eq(ctx.t.User.id, userId));
  return row.count ?? 0;
}

async function signedIn(ctx: Ctx, member: Member) {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function newDocument(browser: Awaited<ReturnType<typeof appClient>>, fields: Record<string, string>) {
  const res = await browser.post("/documents/new", fields);
  expect(res.status).toBe(302);
  const id = /^\/documents\/([0-9a-f-]{36})$/.exec(res.location ?? "")?.[1];
  if (!id) throw new Error(`no document id in ${res.location}`);
  return id;
}

let mock: OpenAiMock;
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
beforeAll(async () => {
  mock = await startOpenAiMock({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
function online() {
  process.env.OPENAI_API_KEY = "test";
  process.env.OPENAI_BASE_URL = mock.url;
}
function offline() {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
}
afterEach(() => {
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
  else process.env.OPENAI_API_KEY = saved.key;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  else process.env.OPENAI_BASE_URL = saved.url;
});

describeEachDatabase("Documents and their versions", (db) => {
  it("a new document needs a title and content; the 400 page says so beside the fields and keeps what was typed", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const res = await browser.post("/documents/new", { title: "", kind: "sheet", content: 'Company,"Role' });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("Enter a title.");
    expect(text).toMatch(/quoted cell is never closed/);
    expect(res.html).toContain("Company,&quot;Role");
    expect(await db.ctx.db.select().from(db.ctx.t.Document)).toHaveLength(0);
  });

  it("a sheet is shown as a table, and the list shows my documents with an empty state before", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    expect(textOf((await browser.get("/documents")).html)).toContain("You have no documents yet");
    const id = await newDocument(browser, { title: "Tracker", kind: "sheet", content: 'Company,City\nNile Payments,"Cairo, Egypt"' });
    const page = await browser.get(`/documents/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<th[^>]*>Company<\/th>/);
    expect(page.html).toMatch(/<td[^>]*>Cairo, Egypt<\/td>/);
    const list = await browser.get("/documents");
    expect(textOf(list.html)).toContain("Tracker");
    expect(list.html).toContain(`/documents/${id}`);
  });

  it("a text document carrying <script>, raw HTML and a javascript: link renders inert", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const content = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) [ok](https://example.com)';
    const id = await newDocument(browser, { title: "Attack", kind: "text", content });
    const page = await browser.get(`/documents/${id}`);
    expect(page.status).toBe(200);
    const body = page.html.slice(page.html.indexOf("<main"));
    expect(body).not.toMatch(/<script>alert|<img[^>]*onerror|href="javascript:/i);
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).toContain('href="https://example.com"');
  });

  it("each save is a new version; an old version can be opened and restored as the newest", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "CV summary", kind: "text", content: "First words." });
    expect((await browser.post(`/documents/${id}`, { intent: "save", title: "CV summary", content: "Second words." })).status).toBe(302);
    let versions = await versionsOf(db.ctx, id);
    expect(versions.map((v) => v.content)).toEqual(["First words.", "Second words."]);
    const first = versions[0].createdAt.toISOString();

    const latest = await browser.get(`/documents/${id}`);
    expect(textOf(latest.html)).toContain("Second words.");
    expect(latest.html).toContain(`?version=${encodeURIComponent(first)}`);
    const old = await browser.get(`/documents/${id}?version=${encodeURIComponent(first)}`);
    expect(textOf(old.html)).toContain("First words.");
    expect(textOf(old.html)).toContain("Restore this version");

    expect((await browser.post(`/documents/${id}`, { intent: "restore", version: first })).status).toBe(302);
    versions = await versionsOf(db.ctx, id);
    expect(versions.map((v) => v.content)).toEqual(["First words.", "Second words.", "First words."]);
    expect(textOf((await browser.get(`/documents/${id}`)).html)).toContain("First words.");
  });

  it("two saves in the same millisecond get distinct, increasing times", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Plan", kind: "text", content: "v1" });
    const now = new Date(Date.now() + 60_000);
    await saveVersion(db.ctx, me.id, id, { title: "Plan", content: "v2" }, now);
    await saveVersion(db.ctx, me.id, id, { title: "Plan", content: "v3" }, now);
    const versions = await versionsOf(db.ctx, id);
    expect(versions.map((v) => v.content)).toEqual(["v1", "v2", "v3"]);
    expect(versions[2].createdAt.getTime() - versions[1].createdAt.getTime()).toBe(1);
  });

  it("an invalid edit answers 400 with the message and saves no version", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Code", kind: "code", content: "select 1;" });
    const res = await browser.post(`/documents/${id}`, { intent: "save", title: "x".repeat(201), content: "select 2;" });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("Use at most 200 characters");
    expect(res.html).toContain("select 2;");
    expect(await versionsOf(db.ctx, id)).toHaveLength(1);
  });

  it("another member and an admin get 404 for my document, its versions, edits and deletion, and nothing changes", async () => {
    const me = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const admin = await createMember(db.ctx, { role: "admin" });
    const mine = await signedIn(db.ctx, me);
    const id = await newDocument(mine, { title: "Private", kind: "text", content: "Secret plan." });
    const [v] = await versionsOf(db.ctx, id);
    for (const who of [other, admin]) {
      const browser = await signedIn(db.ctx, who);
      expect((await browser.get(`/documents/${id}`)).status).toBe(404);
      expect((await browser.get(`/documents/${id}?version=${encodeURIComponent(v.createdAt.toISOString())}`)).status).toBe(404);
      expect((await browser.post(`/documents/${id}`, { intent: "save", title: "Mine now", content: "x" })).status).toBe(404);
      expect((await browser.post(`/documents/${id}`, { intent: "restore", version: v.createdAt.toISOString() })).status).toBe(404);
      expect((await browser.post(`/documents/${id}`, { intent: "suggest" })).status).toBe(404);
      expect((await browser.get(`/documents/${id}/delete`)).status).toBe(404);
      expect((await browser.post(`/documents/${id}/delete`)).status).toBe(404);
      expect(textOf((await browser.get("/documents")).html)).not.toContain("Private");
    }
    expect(await versionsOf(db.ctx, id)).toEqual([expect.objectContaining({ content: "Secret plan.", userId: me.id })]);
    expect(await usedToday(db.ctx, other.id)).toBe(0);
  });

  it("a broken id, a changed version link or a made-up list cursor answer 404 or 400, never 500", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "T", kind: "text", content: "c" });
    expect((await browser.get("/documents/not-a-uuid")).status).toBe(404);
    expect((await browser.get(`/documents/${id}?version=yesterday`)).status).toBe(400);
    expect((await browser.get(`/documents/${id}?version=2020-01-01T00:00:00.000Z`)).status).toBe(404);
    expect((await browser.get("/documents?after=bogus")).status).toBe(400);
    expect((await browser.post(`/documents/${id}`, { intent: "accept", suggestionId: "nope" })).status).toBe(404);
    expect((await browser.post(`/documents/${id}`, { intent: "what" })).status).toBe(400);
  });

  it("deleting asks first, then removes every version and suggestion", async () => {
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    offline();
    const id = await newDocument(browser, { title: "Old CV", kind: "text", content: "Hardworking graduate looking for work." });
    await browser.post(`/documents/${id}`, { intent: "save", title: "Old CV", content: "Hardworking graduate looking for a job." });
    await browser.post(`/documents/${id}`, { intent: "suggest" });
    expect((await suggestionsOf(db.ctx, id)).length).toBeGreaterThan(0);
    const confirm = await browser.get(`/documents/${id}/delete`);
    expect(textOf(confirm.html)).toContain("All 2 versions");
    const res = await browser.post(`/documents/${id}/delete`);
    expect(res.location).toBe("/documents");
    expect(await versionsOf(db.ctx, id)).toHaveLength(0);
    expect(await suggestionsOf(db.ctx, id)).toHaveLength(0);
    expect((await browser.get(`/documents/${id}`)).status).toBe(404);
  });
});

describeEachDatabase("Suggestions on a document", (db) => {
  beforeEach(() => {
    mock.requests.length = 0;
  });

  it("the coach's suggestions are stored on the current version, shown beside the text, and use one message of the day", async () => {
    online();
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Letter", kind: "text", content: "Dear team,\nI want the job.\nRegards" });
    const res = await browser.post(`/documents/${id}`, { intent: "suggest" });
    expect(res.status).toBe(302);
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].messages[0].content).toMatch(/suggestions/);
    const stored = await suggestionsOf(db.ctx, id);
    const [version] = await versionsOf(db.ctx, id);
    expect(stored.map((s) => [s.originalText, s.suggestedText, s.isResolved, s.userId])).toEqual([
      ["Dear team,", "Dear team, (improved)", false, me.id],
      ["I want the job.", "I want the job. (improved)", false, me.id],
    ]);
    expect(stored.every((s) => s.documentCreatedAt.getTime() === version.createdAt.getTime())).toBe(true);
    expect(await usedToday(db.ctx, me.id)).toBe(1);
    const page = textOf((await browser.get(`/documents/${id}`)).html);
    expect(page).toContain("The coach made 2 suggestions. 6 of 7 left today.");
    expect(page).toContain("I want the job. (improved)");
  });

  it("accepting makes a new version with the text replaced; dismissing only closes the suggestion", async () => {
    online();
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Letter", kind: "text", content: "Dear team,\nI want the job.\nRegards" });
    await browser.post(`/documents/${id}`, { intent: "suggest" });
    const [first, second] = await suggestionsOf(db.ctx, id);

    expect((await browser.post(`/documents/${id}`, { intent: "accept", suggestionId: first.id })).status).toBe(302);
    expect((await browser.post(`/documents/${id}`, { intent: "dismiss", suggestionId: second.id })).status).toBe(302);

    expect((await versionsOf(db.ctx, id)).map((v) => v.content)).toEqual(["Dear team,\nI want the job.\nRegards", "Dear team, (improved)\nI want the job.\nRegards"]);
    expect((await suggestionsOf(db.ctx, id)).map((s) => s.isResolved)).toEqual([true, true]);
    // A resolved suggestion cannot be accepted again.
    expect((await browser.post(`/documents/${id}`, { intent: "accept", suggestionId: second.id })).status).toBe(404);
    expect(await versionsOf(db.ctx, id)).toHaveLength(2);
  });

  it("a suggestion whose text was edited away cannot be accepted: it changes nothing, stays open and offers Dismiss only, with the reason", async () => {
    online();
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Letter", kind: "text", content: "Line one\nLine two" });
    await browser.post(`/documents/${id}`, { intent: "suggest" });
    const [first, second] = await suggestionsOf(db.ctx, id);
    await browser.post(`/documents/${id}`, { intent: "save", title: "Letter", content: "Line ones\nLine two" });
    const res = await browser.post(`/documents/${id}`, { intent: "accept", suggestionId: first.id });
    expect(res.status).toBe(302);
    const page = await browser.get(res.location ?? "");
    expect(textOf(page.html)).toContain("This suggestion no longer applies, so nothing changed.");
    expect(textOf(page.html)).toContain("No longer applies: The text it would replace is no longer in the document");
    expect((await versionsOf(db.ctx, id)).map((v) => v.content)).toEqual(["Line one\nLine two", "Line ones\nLine two"]);
    expect((await suggestionsOf(db.ctx, id)).map((s) => s.isResolved)).toEqual([false, false]);
    // "Line one" is still there, but only inside the word "ones": the stale one offers no Accept, the other does.
    expect(page.html).not.toContain(`Accept: replace “${first.originalText}”`);
    expect(page.html).toContain(`Accept: replace “${second.originalText}”`);
    expect(page.html).toContain(`Dismiss: “${first.originalText}”`);
    expect((await browser.post(`/documents/${id}`, { intent: "dismiss", suggestionId: first.id })).status).toBe(302);
    expect((await suggestionsOf(db.ctx, id)).map((s) => s.isResolved)).toEqual([true, false]);
  });

  it("a provider failure stores nothing, says so, and gives the day's message back", async () => {
    online();
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Letter", kind: "text", content: "Please fail [[fail:500]]" });
    const res = await browser.post(`/documents/${id}`, { intent: "suggest" });
    expect(mock.requests).toHaveLength(1);
    expect(textOf((await browser.get(res.location ?? "")).html)).toContain("did not count against today's messages");
    expect(await suggestionsOf(db.ctx, id)).toHaveLength(0);
    expect(await usedToday(db.ctx, me.id)).toBe(0);
  });

  it("with no messages left today the member is told so and no AI call is made", async () => {
    online();
    const me = await createMember(db.ctx);
    await db.ctx.db.update(db.ctx.t.User).set({ dailyMessageCount: 7, lastMessageResetDate: new Date() }).where(eq(db.ctx.t.User.id, me.id));
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "Letter", kind: "text", content: "Some text" });
    expect(textOf((await browser.get(`/documents/${id}`)).html)).toContain("0 of 7 left today");
    const res = await browser.post(`/documents/${id}`, { intent: "suggest" });
    expect(textOf((await browser.get(res.location ?? "")).html)).toContain("You have used your 7 messages for today");
    expect(mock.requests).toHaveLength(0);
    expect(await suggestionsOf(db.ctx, id)).toHaveLength(0);
    expect(await usedToday(db.ctx, me.id)).toBe(7);
  });

  it("without an AI key the offline coach makes rule-based suggestions, labelled offline, without any network call and for free", async () => {
    offline();
    const me = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "CV", kind: "text", content: "Hardworking graduate. The report was automated by the team." });
    const res = await browser.post(`/documents/${id}`, { intent: "suggest" });
    const page = textOf((await browser.get(res.location ?? "")).html);
    expect(page).toMatch(/The offline coach \(rules, no AI\) made \d+ suggestions?/);
    expect(mock.requests).toHaveLength(0);
    const stored = await suggestionsOf(db.ctx, id);
    expect(stored.map((s) => s.originalText)).toEqual(expect.arrayContaining(["Hardworking", "was automated"]));
    expect(page).toContain("Offline coach:");
    // Offline suggestions cost nothing (decision 029).
    expect(await usedToday(db.ctx, me.id)).toBe(0);
    expect(page).toContain("7 of 7 left today");
  });

  it("someone else cannot accept or dismiss my suggestion", async () => {
    offline();
    const me = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const browser = await signedIn(db.ctx, me);
    const id = await newDocument(browser, { title: "CV", kind: "text", content: "Hardworking graduate." });
    await browser.post(`/documents/${id}`, { intent: "suggest" });
    const [s] = await suggestionsOf(db.ctx, id);
    const intruder = await signedIn(db.ctx, other);
    expect((await intruder.post(`/documents/${id}`, { intent: "accept", suggestionId: s.id })).status).toBe(404);
    expect((await intruder.post(`/documents/${id}`, { intent: "dismiss", suggestionId: s.id })).status).toBe(404);
    expect((await suggestionsOf(db.ctx, id))[0].isResolved).toBe(false);
    expect(await versionsOf(db.ctx, id)).toHaveLength(1);
  });
});

describeEachDatabase("Drafting a document from a coach chat", (db) => {
  beforeEach(() => {
    mock.requests.length = 0;
  });

  async function chatOf(member: Member) {
    await db.ctx.db.update(db.ctx.t.User).set({ headline: "Junior data analyst", professional_skills: ["SQL", "Power BI"] }).where(eq(db.ctx.t.User.id, member.id));
    const chat = await makeChat(db.ctx, member.id, { title: "Applying to Nile Payments" });
    await makeMessageV2(db.ctx, chat.id, { role: "user", parts: [{ type: "text", text: "I want the analyst job at Nile Payments." }] });
    await makeMessageV2(db.ctx, chat.id, { role: "assistant", parts: [{ type: "text", text: "Stress your SQL report." }] });
    return chat;
  }

  it("the coach drafts a cover letter from the chat and my profile into a new text document, using one message", async () => {
    online();
    const me = await createMember(db.ctx);
    const chat = await chatOf(me);
    const browser = await signedIn(db.ctx, me);
    const res = await browser.post(`/coach/${chat.id}/draft`, { draft: "cover-letter" });
    expect(res.status).toBe(302);
    const id = /^\/documents\/([0-9a-f-]{36})$/.exec(res.location ?? "")?.[1];
    expect(id).toBeDefined();
    const [doc] = await versionsOf(db.ctx, id!);
    expect(doc).toMatchObject({ title: "Cover letter – Applying to Nile Payments", userId: me.id });
    expect(doc.content).toContain("Coach reply to: Please write a cover letter");
    expect(mock.requests).toHaveLength(1);
    const sent = mock.requests[0].messages;
    expect(sent[0].content).toContain("Headline: Junior data analyst");
    expect(sent[0].content).toContain("Skills: SQL, Power BI");
    expect(sent.map((m) => m.content)).toContain("I want the analyst job at Nile Payments.");
    expect(await usedToday(db.ctx, me.id)).toBe(1);
    expect(textOf((await browser.get(res.location!)).html)).toContain("Cover letter drafted by the coach. Edit it and save. 6 of 7 left today.");
  });

  it("offline, the draft is a template from my profile, labelled as such", async () => {
    offline();
    const me = await createMember(db.ctx);
    const chat = await chatOf(me);
    const browser = await signedIn(db.ctx, me);
    const res = await browser.post(`/coach/${chat.id}/draft`, { draft: "cv-summary" });
    const id = /^\/documents\/([0-9a-f-]{36})$/.exec(res.location ?? "")?.[1];
    const [doc] = await versionsOf(db.ctx, id!);
    expect(doc.title).toBe("CV summary – Applying to Nile Payments");
    expect(doc.content).toContain("Offline coach: a template from your profile (no AI was used)");
    expect(doc.content).toContain("Junior data analyst. Skilled in SQL, Power BI.");
    expect(mock.requests).toHaveLength(0);
  });

  it("a failed draft keeps no document, says so on the chat, and gives the message back", async () => {
    online();
    const me = await createMember(db.ctx);
    const chat = await chatOf(me);
    await makeMessageV2(db.ctx, chat.id, { role: "user", parts: [{ type: "text", text: "x" }] });
    const browser = await signedIn(db.ctx, me);
    // The mock fails when the LAST user message carries the trigger; the draft request ends with its own ask, so
    // make the provider fail by pointing at a closed port instead.
    process.env.OPENAI_BASE_URL = "http://127.0.0.1:9/v1";
    const res = await browser.post(`/coach/${chat.id}/draft`, { draft: "plan" });
    expect(res.location).toBe(`/coach/${chat.id}`);
    expect(await db.ctx.db.select().from(db.ctx.t.Document)).toHaveLength(0);
    expect(await usedToday(db.ctx, me.id)).toBe(0);
  });

  it("another member's chat answers 404 (also for an admin) and an unknown kind of draft answers 400", async () => {
    online();
    const me = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const admin = await createMember(db.ctx, { role: "admin" });
    const chat = await chatOf(me);
    for (const who of [other, admin]) {
      const browser = await signedIn(db.ctx, who);
      expect((await browser.post(`/coach/${chat.id}/draft`, { draft: "plan" })).status).toBe(404);
      expect((await browser.get(`/coach/${chat.id}/draft`)).status).toBe(404);
    }
    const browser = await signedIn(db.ctx, me);
    const bad = await browser.post(`/coach/${chat.id}/draft`, { draft: "poem" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Choose a cover letter, a CV summary or a plan.");
    expect(mock.requests).toHaveLength(0);
    expect(await db.ctx.db.select().from(db.ctx.t.Document).where(and(eq(db.ctx.t.Document.userId, me.id)))).toHaveLength(0);
  });
});
