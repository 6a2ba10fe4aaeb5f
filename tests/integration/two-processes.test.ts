/**
 * Issue 21 item 3 (decision 056): two app processes on ONE PostgreSQL database, and the race
 * invariants run across them. Two separate server.ts processes, each on its own port (two
 * containers or two machines behind a load balancer look like this to the database), take turns
 * at answering many concurrent HTTP requests sent as a browser sends them: through the real forms,
 * with the member's cookies, the CSRF token read from the page, a same-site Origin and
 * Sec-Fetch-Site. Members are made in the database (factories) and sign in through /login.
 *
 * The invariants (the in-process races of tests/integration/*-race.test.ts, now across processes):
 * - the coach quota: 20 concurrent sends in one chat → exactly 7 replies, a count of 7;
 * - feed likes: 10 members each liking one post twice at once → 10 rows and likes_count 10;
 *   40 mixed likes and unlikes → likes_count equals the rows, never two rows for one member;
 * - communities: 20 concurrent asks to join → one pending membership; 20 concurrent approve and
 *   decline by two moderators → one decision, one notification, the member count moves once;
 * - daily interviews: 20 concurrent starts on one day → one interview and one plan;
 * - jobs: 10 concurrent applications to one job → one application and one stored CV;
 * - network: 20 concurrent connects, A→B and B→A → one connection row, accepted.
 *
 * One pair of processes serves every test below in order (each start costs seconds).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, countDistinct, eq, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChat } from "../../app/modules/coach/chats.server";
import { createMember, type Member } from "../support/app";
import { applicationRowCounts, applyForm, postJob } from "../support/applications";
import { addCommunityMember, appointModerator, makeModeratedCommunity } from "../support/communities";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../support/db";
import { anonymousMember, makeFeedPost, postCounts } from "../support/feed-post";
import { startOpenAiMock, type OpenAiMock } from "../support/openai-mock";
import { csrfOf, requestOnce, startServerProcess, type ServerProcess, type ServerResponseText } from "../support/server-process";

const title = "two app processes on one PostgreSQL database";
const suite = pgSkipReason ? describe.skip : describe;

/** One person's browser: its cookies, its address (X-Forwarded-For, behind TRUST_PROXY=1) and the CSRF token of the last form page it read. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf = "";
  constructor(readonly ip: string) {}

  async send(server: ServerProcess, method: "GET" | "POST", urlPath: string, body?: { data: string | Uint8Array; type: string }): Promise<ServerResponseText> {
    const headers: Record<string, string> = { "X-Forwarded-For": this.ip, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 ladder-two-processes" };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body) {
      // What a browser sends with a form posted from the page it is on.
      headers.Origin = `http://127.0.0.1:${server.port}`;
      headers["Sec-Fetch-Site"] = "same-origin";
      headers["Content-Type"] = body.type;
    }
    const res = await requestOnce(server.port, method, urlPath, { headers, body: body?.data });
    for (const line of res.headers["set-cookie"] ?? []) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const [name, value] = [pair.slice(0, index).trim(), pair.slice(index + 1).trim()];
      if (value === "" || attributes.some((a) => a.trim().toLowerCase() === "max-age=0")) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(server: ServerProcess, urlPath: string) {
    return this.send(server, "GET", urlPath);
  }

  /** A urlencoded form with this browser's CSRF token. */
  post(server: ServerProcess, urlPath: string, fields: Record<string, string>) {
    const data = new URLSearchParams({ ...fields, csrf: this.csrf }).toString();
    return this.send(server, "POST", urlPath, { data, type: "application/x-www-form-urlencoded" });
  }

  /** Reads a page that carries a form (200), and keeps its CSRF token for the posts that follow. */
  async openForm(server: ServerProcess, urlPath: string, formAction?: string): Promise<string> {
    const page = await this.get(server, urlPath);
    expect(page.status, `GET ${urlPath}: ${page.body.slice(0, 300)}`).toBe(200);
    if (formAction) expect(page.body.includes(`action="${formAction}"`), `GET ${urlPath} has no form posting to ${formAction}`).toBe(true);
    this.csrf = csrfOf(page.body);
    return page.body;
  }
}

/** A multipart form as a browser encodes it (with this browser's CSRF token), for many identical posts. */
async function multipart(form: FormData, csrf: string): Promise<{ data: Uint8Array; type: string }> {
  form.set("csrf", csrf);
  const encoded = new Response(form);
  return { data: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get("Content-Type")! };
}

const times = <T>(n: number, call: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => call(i)));
const tally = (values: (string | number | null)[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] ?? 0) + 1 }), {});

suite(pgSkipReason ? skippedPostgresTitle(title) : title, { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let openai: OpenAiMock;
  let uploads: string;
  const servers: ServerProcess[] = [];
  /** The i-th request's process: requests take turns, so each race is half on each. */
  const on = (i: number) => servers[i % 2];
  /** Ten members, each signed in through /login (the form read from one process, posted to the other). */
  const people: Member[] = [];
  const browsers: Browser[] = [];

  beforeAll(async () => {
    db = await freshDatabase("pg");
    for (let i = 0; i < 10; i++) people.push(await createMember(db.ctx));
    // The coach counts only replies the AI writes (offline replies are free, decision 029).
    openai = await startOpenAiMock();
    // The processes' own upload folder: the CVs stored (and deleted again) are theirs alone.
    uploads = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-two-processes-"));
    const env = {
      DATABASE_URL: db.url!,
      // One process each, not a cluster: two independent processes, as two containers would be.
      WEB_CONCURRENCY: "1",
      TRUST_PROXY: "1",
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: openai.url,
      UPLOADS_DIR: uploads,
      ANALYTICS_PAGE_VIEWS: "off",
    };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    // Each from its own address: the sign-in limit counts per address (10 a minute).
    const signedIn = await Promise.all(
      people.map(async (member, n) => {
        const browser = new Browser(`198.51.100.${n + 1}`);
        browser.csrf = csrfOf((await browser.get(on(n), "/login")).body);
        const res = await browser.post(on(n + 1), "/login", { email: member.email, password: member.password, redirectTo: "/" });
        expect(res.status, res.body.slice(0, 500)).toBe(302);
        return browser;
      }),
    );
    browsers.push(...signedIn);
  }, 120_000); // two processes start side by side: 10-30 s on a loaded 2-core machine

  afterAll(async () => {
    for (const server of servers) server.kill();
    await Promise.all(servers.map((server) => server.exited));
    await openai?.close();
    await db?.close();
    if (uploads) fs.rmSync(uploads, { recursive: true, force: true });
  });

  it("runs two separate server processes on two ports, and a member signed in through one is signed in on both", async () => {
    expect(servers[0].pid).not.toBe(servers[1].pid);
    expect(servers[0].port).not.toBe(servers[1].port);
    for (const server of servers) {
      const page = await browsers[0].get(server, "/settings/profile");
      expect(page.status).toBe(200);
      expect(page.body).toContain(people[0].email);
    }
  });

  it("coach quota: 20 concurrent sends in one chat through both processes give exactly 7 replies and a count of 7", async () => {
    const [member, browser] = [people[0], browsers[0]];
    const { chatId } = await createChat(db.ctx, member.id, "Two processes", new Date(Date.now() - 60_000));
    await browser.openForm(on(1), `/coach/${chatId}`);
    const asked = openai.requests.length;
    const sends = await times(20, (i) => browser.post(on(i), `/coach/${chatId}`, { message: `Send ${i}: how do I ask for a raise?` }));
    expect(tally(sends.map((r) => r.status))).toEqual({ 302: 7, 429: 13 });
    for (const refused of sends.filter((r) => r.status === 429)) expect(refused.body).toContain("You have used your 7 messages for today");
    expect(openai.requests.length - asked).toBe(7);
    const U = db.ctx.t.User;
    const [user] = await db.ctx.db.select({ count: U.dailyMessageCount }).from(U).where(eq(U.id, member.id));
    expect(user.count).toBe(7);
    const M = db.ctx.t.Message_v2;
    const rows = await db.ctx.db.select({ role: M.role }).from(M).where(eq(M.chatId, chatId));
    expect(tally(rows.map((r) => r.role))).toEqual({ user: 8, assistant: 7 }); // the chat's first message, and the 7 sends
    const page = await browser.get(on(0), "/coach");
    expect(page.body).toContain("0 of 7 left today");
  });

  it("feed likes: 10 members each liking one post twice at once give 10 rows and likes_count 10", async () => {
    const author = await anonymousMember(db.ctx);
    const post = await makeFeedPost(db.ctx, author.id, { content: "Ten likes across two processes" });
    await Promise.all(browsers.map((browser, n) => browser.openForm(on(n), `/feed/${post.id}`, `/feed/${post.id}/like`)));
    const likes = await times(20, (i) => browsers[i % 10].post(on(Math.floor(i / 10) + i), `/feed/${post.id}/like`, { intent: "like", back: `/feed/${post.id}` }));
    expect(tally(likes.map((r) => r.status))).toEqual({ 302: likes.length });
    expect(await postCounts(db.ctx, post.id)).toMatchObject({ likes: 10, likeRows: 10 });
    expect(await likersOf(post.id)).toEqual({ rows: 10, members: 10 });
  });

  it("feed likes: 40 mixed likes and unlikes by 10 members through both processes end with likes_count equal to the rows", async () => {
    const author = await anonymousMember(db.ctx);
    const post = await makeFeedPost(db.ctx, author.id);
    await Promise.all(browsers.map((browser, n) => browser.openForm(on(n), `/feed/${post.id}`)));
    // Half of them like it already, so unlikes have rows to take.
    for (const n of [0, 1, 2, 3, 4]) expect((await browsers[n].post(on(n), `/feed/${post.id}/like`, { intent: "like" })).status).toBe(302);
    const calls = shuffled(Array.from({ length: 40 }, (_, i) => ({ person: i % 10, like: i % 3 !== 2 })));
    const answers = await times(40, (i) => browsers[calls[i].person].post(on(i), `/feed/${post.id}/like`, { intent: calls[i].like ? "like" : "unlike" }));
    expect(tally(answers.map((r) => r.status))).toEqual({ 302: answers.length });
    const counts = await postCounts(db.ctx, post.id);
    expect(counts.likes).toBe(counts.likeRows);
    const likers = await likersOf(post.id);
    expect(likers.rows).toBe(likers.members);
    expect(likers.rows).toBeLessThanOrEqual(10);
  });

  it("communities: 20 concurrent asks to join leave one pending membership, then 20 concurrent decisions by two moderators make one", async () => {
    const [owner, helper, asker] = [people[1], people[2], people[3]];
    const community = await makeModeratedCommunity(db.ctx, owner.id);
    await addCommunityMember(db.ctx, community.id, helper.id);
    await appointModerator(db.ctx, community.id, helper.id);
    const membership = `/communities/${community.id}/membership`;
    await browsers[3].openForm(on(0), `/communities/${community.id}`, membership);
    const asks = await times(20, (i) => browsers[3].post(on(i), membership, { intent: "ask", back: `/communities/${community.id}` }));
    expect(tally(asks.map((r) => r.status))).toEqual({ 302: asks.length });
    const m = db.ctx.t.community_memberships;
    const mine = () => db.ctx.db.select({ id: m.id, status: m.status }).from(m).where(and(eq(m.community_id, community.id), eq(m.user_id, asker.id)));
    const [request, ...more] = await mine();
    expect(more).toEqual([]);
    expect(request.status).toBe("pending");
    // Each moderator was told once.
    expect(await notificationCount(owner.id)).toBe(1);
    expect(await notificationCount(helper.id)).toBe(1);

    // Both moderators read the queue (each on one process) and see the request's row.
    const queue = `/communities/${community.id}/requests`;
    const mods = [browsers[1], browsers[2]];
    for (const [n, mod] of mods.entries()) expect(await mod.openForm(on(n), queue)).toContain(`name="membershipId" value="${request.id}"`);
    // Moderator, decision and process all vary: every pairing of the three comes up.
    const decisions = await times(20, (i) =>
      mods[i % 2].post(on(Math.floor(i / 2)), queue, { membershipId: request.id, intent: Math.floor(i / 4) % 2 === 0 ? "approve" : "decline", reason: "Two processes" }),
    );
    expect(tally(decisions.map((r) => r.status))).toEqual({ 302: decisions.length });
    const d = db.ctx.t.community_decisions;
    const made = await db.ctx.db.select({ decision: d.decision }).from(d).where(eq(d.membership_id, request.id));
    expect(made).toHaveLength(1);
    // Approved: the row is a member's; declined: the request is gone (the decision row keeps it).
    expect(await mine()).toEqual(made[0].decision === "approved" ? [{ id: request.id, status: "approved" }] : []);
    expect(await notificationCount(asker.id)).toBe(1);
    const s = db.ctx.t.community_stats;
    const [stats] = await db.ctx.db.select({ members: s.members }).from(s).where(eq(s.community_id, community.id));
    // The owner and the helper, and the asker once if approved.
    expect(stats.members).toBe(made[0].decision === "approved" ? 3 : 2);
  });

  it("daily interviews: 20 concurrent starts by one member through both processes leave one interview and one plan", async () => {
    const [member, browser] = [people[4], browsers[4]];
    await browser.openForm(on(1), "/interviews");
    const categories = ["behavioral", "technical", "sales", "data"];
    const starts = await times(20, (i) => browser.post(on(i), "/interviews", { category: categories[i % 4] }));
    expect(tally(starts.map((r) => r.status))).toEqual({ 302: starts.length });
    const di = db.ctx.t.daily_interviews;
    const rows = await db.ctx.db.select({ id: di.id }).from(di).where(eq(di.userId, member.id));
    expect(rows).toHaveLength(1);
    // The one start that made it opens its first question; every other is sent to today's interview.
    expect(tally(starts.map((r) => String(r.headers.location)))).toEqual({ [`/interviews/${rows[0].id}/q/1`]: 1, "/interviews": 19 });
    const plans = db.ctx.t.interview_plans;
    const [plan] = await db.ctx.db.select({ n: count() }).from(plans).where(eq(plans.daily_interview_id, rows[0].id));
    expect(Number(plan.n)).toBe(1);
  });

  it("jobs: 10 concurrent applications by one member to one job through both processes leave one application and one stored CV", async () => {
    const [poster, browser] = [people[5], browsers[6]];
    const job = await postJob(db.ctx, { posterId: poster.id });
    await browser.openForm(on(0), `${job.path}/apply`);
    const form = await multipart(applyForm(), browser.csrf);
    const answers = await times(10, (i) => browser.send(on(i), "POST", `${job.path}/apply`, form));
    expect(tally(answers.map((r) => r.status))).toEqual({ 302: 1, 409: 9 });
    const won = answers.find((r) => r.status === 302)!;
    const id = /^\/applications\/([0-9a-f-]{36})$/.exec(String(won.headers.location))?.[1];
    expect(id).toBeDefined();
    for (const refused of answers.filter((r) => r.status === 409)) expect(refused.body).toContain(`href="/applications/${id}"`);
    expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 1, applicants: 1, uploads: 1, cvUploads: 1 });
    // The nine that lost had stored their CV before their insert was refused, and deleted it again.
    expect(fs.readdirSync(uploads).filter((name) => name.startsWith("cv-"))).toEqual([`cv-${id!.replace(/-/g, "")}.pdf`]);
  });

  it("network: 20 concurrent connects from both sides (A→B and B→A) through both processes leave one accepted connection", async () => {
    const [a, b] = [people[7], people[8]];
    const [browserA, browserB] = [browsers[7], browsers[8]];
    await browserA.openForm(on(0), `/u/${b.id}`, "/network");
    await browserB.openForm(on(1), `/u/${a.id}`, "/network");
    // Direction and process vary apart: A and B each send through both processes.
    const connects = await times(20, (i) =>
      i % 2 === 0
        ? browserA.post(on(Math.floor(i / 2)), "/network", { intent: "connect", userId: b.id, back: `/u/${b.id}` })
        : browserB.post(on(Math.floor(i / 2)), "/network", { intent: "connect", userId: a.id, back: `/u/${a.id}` }),
    );
    const c = db.ctx.t.connection;
    const rows = await db.ctx.db
      .select({ id: c.id, status: c.status })
      .from(c)
      .where(or(and(eq(c.sender_id, a.id), eq(c.receiver_id, b.id)), and(eq(c.sender_id, b.id), eq(c.receiver_id, a.id))));
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe("accepted");
    // Every answer a browser gets is the redirect back (requested, accepted, or already so), never an error.
    expect(tally(connects.map((r) => r.status))).toEqual({ 302: connects.length });
    // The request was answered at once, so only the acceptance was told (to whoever asked first).
    expect((await notificationCount(a.id)) + (await notificationCount(b.id))).toBe(1);
  });

  async function likersOf(postId: string) {
    const l = db.ctx.t.anonymous_post_like;
    const [row] = await db.ctx.db.select({ rows: count(), members: countDistinct(l.user_id) }).from(l).where(eq(l.post_id, postId));
    return { rows: Number(row.rows), members: Number(row.members) };
  }

  async function notificationCount(userId: string) {
    const n = db.ctx.t.notification;
    const [row] = await db.ctx.db.select({ n: count() }).from(n).where(eq(n.user_id, userId));
    return Number(row.n);
  }
});

/** The same shuffled order on every run. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let x = 7;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
