/**
 * A crash (issue 21, item 4; docs/decisions/057-crash-safety.md): the real server (server.ts in
 * a child process) is killed with SIGKILL while 20 members write through the real forms (their
 * own session cookie, the form's CSRF token, the site's Origin): direct messages, job
 * applications with a CV, community posts (updates, and events that notify subscribers),
 * anonymous feed posts, and leaving a community (its member count). Each client keeps every
 * write that got its success answer (the form's redirect), found again by a unique stamp.
 *
 * The server is restarted on the same database, and then:
 * - every write that was answered with success is in the database;
 * - nothing is half-written: each multi-row write of these actions (withTx) is there whole or not
 *   at all, whether or not its answer arrived; counters agree with the rows they count;
 * - the restarted server answers /healthz and a member's page with the session they had;
 * - SQLite: the file passes `pragma integrity_check`.
 *
 * On SQLite (a file) and on PostgreSQL (a fresh database): one test each.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openSqlite, sqliteCtx, type Ctx, type Dialect } from "../../db/client";
import { cvKey } from "../../app/modules/jobs/cv";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { hashToken, newToken } from "../../app/modules/accounts/sessions.server";
import { type TestJob } from "../support/applications";
import { createMember, MEMBER_PASSWORD, type Member } from "../support/app";
import { pdfBytes } from "../support/cv-files";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../support/db";
import { cookiesOf, csrfOf, startServerProcess, type ServerProcess, type ServerResponseText } from "../support/server-process";

const CLIENTS = 20;
/** Writing lasts at least this long before the kill ... */
const WRITE_AT_LEAST_MS = 1_500;
/** ... and until this many writes were answered (a loaded machine answers fewer a second), */
const ACKED_AT_LEAST = 40;
/** but never longer than this. */
const WRITE_AT_MOST_MS = 15_000;
const JOBS = 30;
const LEAVABLE_COMMUNITIES = 5;
/** Members of the posts' community told of every new event besides the poster (who is told too). */
const SUBSCRIBED_WRITERS = 3;
/** Kept under the rate limits: applications 30/h, feed posts 10/h, community posts 20/h, messages 60/min per member. */
const CAP = { message: 50, application: 25, feedPost: 9, communityPost: 18 } as const;

type Kind = "message" | "application" | "communityPost" | "feedPost" | "leave";
const KINDS: Kind[] = ["message", "application", "communityPost", "feedPost", "leave"];

/** A write that got its success answer. */
interface Acked {
  kind: Kind;
  writer: number;
  /** The unique text in the body (for a leave: the community left). */
  stamp: string;
  /** The row's id when the answer names it (applications, feed posts). */
  id?: string;
}

interface World {
  poster: Member;
  writers: Member[];
  jobs: TestJob[];
  postsCommunityId: string;
  subscriberIds: string[];
  leavable: string[];
  /** The session tokens of writers 1..19 (writer 0 signs in through the form). */
  sessionTokens: string[];
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

for (const dialect of ["sqlite", "pg"] as Dialect[]) {
  const title = "a SIGKILL while 20 members write";
  const skipped = dialect === "pg" && pgSkipReason;
  const suite = skipped ? describe.skip : describe;
  suite(skipped ? skippedPostgresTitle(title) : `${title} [${dialect}]`, () => {
    it(
      "loses no write that got a success answer, leaves nothing half-written, and serves again after the restart",
      { timeout: 150_000 },
      async () => {
        const mark = phases();
        const store = await openStore(dialect);
        const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-crash-uploads-"));
        cleanups.push(() => fs.rmSync(uploadsDir, { recursive: true, force: true }));
        const world = await makeWorld(await store.open());
        await store.pause();
        mark("world");

        // One process on PostgreSQL too (production would start one worker per core): SIGKILL hits
        // the process that serves, and one start costs a third of three.
        const env = { DATABASE_URL: store.url, TRUST_PROXY: "1", UPLOADS_DIR: uploadsDir, WEB_CONCURRENCY: "1" };
        const first = await startServerProcess(env);
        cleanups.push(() => stopNow(first));
        mark("start");
        const clients = await signInAll(first, world);
        mark("sign-in");

        const run = writeUntilKilled(first, world, clients);
        const acked = await run.acked;
        expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
        mark("write");
        // Unexpected answers (a 400, a 429) would mean the test is not writing what it thinks.
        expect(run.refused()).toEqual([]);
        // The kill came while requests were under way, and every kind of write had been answered.
        expect(run.cut()).toBeGreaterThan(0);
        for (const kind of KINDS) expect(acked.filter((a) => a.kind === kind).length, kind).toBeGreaterThan(0);

        const second = await startServerProcess(env);
        cleanups.push(() => stopNow(second));
        mark("restart");
        const health = await second.request("GET", "/healthz");
        expect(health.status, second.output()).toBe(200);
        // A session from before the crash still works, and shows the writer's last answered message.
        const lastMessage = acked.filter((a) => a.kind === "message").at(-1)!;
        const page = await second.request("GET", `/messages/${world.writers[(lastMessage.writer + 1) % CLIENTS].id}`, {
          headers: { Cookie: cookieHeader(clients[lastMessage.writer].cookies) },
        });
        expect(await second.stop()).toEqual({ code: 0, signal: null });
        mark("pages and stop");

        const ctx = await store.open();
        expect(await missingWrites(ctx, world, acked)).toEqual([]);
        expect(await halfWritten(ctx, world, uploadsDir)).toEqual([]);
        // A CV is stored before its transaction: an application cut by the kill may leave its file
        // (or a half-written temporary one) behind, no other.
        const orphans = await orphanFiles(ctx, uploadsDir);
        expect(orphans.length, orphans.join(", ")).toBeLessThanOrEqual(run.cutOf("application"));
        expect(page.status).toBe(200);
        expect(page.body.includes(lastMessage.stamp), `the conversation page shows ${lastMessage.stamp}`).toBe(true);
        if (dialect === "sqlite") {
          const sqlite = (ctx.raw as { sqlite: import("better-sqlite3").Database }).sqlite;
          expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        }
        mark("checks");
        if (process.env.CRASH_REPORT) {
          console.info(`[${dialect}] phases (ms): ${mark.report()}`);
          const byKind = Object.fromEntries(KINDS.map((kind) => [kind, acked.filter((a) => a.kind === kind).length]));
          console.info(`[${dialect}] ${orphans.length} orphan file(s) of ${run.cutOf("application")} cut application(s)`);
          console.info(`[${dialect}] answered ${acked.length} writes in ${run.wroteMs()} ms, ${run.cut()} cut by the kill`, byKind);
        }
      },
    );
  });
}

/** Durations of the test's phases, for CRASH_REPORT=1. */
function phases() {
  let last = Date.now();
  const spent: string[] = [];
  const mark = (name: string) => {
    spent.push(`${name} ${Date.now() - last}`);
    last = Date.now();
  };
  return Object.assign(mark, { report: () => spent.join(", ") });
}

// ---- the database: a SQLite file, or a fresh PostgreSQL database

interface Store {
  url: string;
  /** The test's own connection (reopened after a pause on SQLite). */
  open(): Promise<Ctx>;
  /** SQLite: close the test's connection while the server owns the file. */
  pause(): Promise<void>;
}

async function openStore(dialect: Dialect): Promise<Store> {
  if (dialect === "pg") {
    const db: TestDatabase = await freshDatabase("pg");
    cleanups.push(() => db.close());
    return { url: db.url!, open: async () => db.ctx, pause: async () => {} };
  }
  const file = path.join(os.tmpdir(), `ladder-crash-${process.pid}-${Date.now()}.db`);
  fs.copyFileSync(inject("sqliteTemplatePath"), file);
  let sqlite: ReturnType<typeof openSqlite> | null = null;
  cleanups.push(() => {
    sqlite?.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
  return {
    url: `file:${file}`,
    open: async () => sqliteCtx((sqlite ??= openSqlite(file))),
    pause: async () => {
      sqlite?.close();
      sqlite = null;
    },
  };
}

async function stopNow(server: ServerProcess) {
  server.kill();
  await server.exited;
}

// ---- the world the writers write in, made directly in the database

async function makeWorld(ctx: Ctx): Promise<World> {
  const run = crypto.randomBytes(3).toString("hex");
  const t = ctx.t;
  const now = new Date();
  const poster = await createMember(ctx, { name: "Rana Poster" });
  // The writers in one statement (a row each costs a round trip on a loaded PostgreSQL), with the
  // anonymous name that anonymous feed posts need.
  const hash = await hashPassword(MEMBER_PASSWORD);
  const rows = await ctx.db
    .insert(t.User)
    .values(
      Array.from({ length: CLIENTS }, (_, i) => ({
        email: `crash-${run}-${i}@test.ladder`,
        password: hash,
        name: `Writer ${i}`,
        role: "user" as const,
        provider: "password",
        createdAt: now,
        referral_code: `CRASH${run}X${i}`,
        anonymous_username: `crash${run}w${i}`,
      })),
    )
    .returning({ id: t.User.id, email: t.User.email, name: t.User.name });
  const writers: Member[] = rows.map((row) => ({ id: row.id, email: row.email, name: row.name ?? "", password: MEMBER_PASSWORD, role: "user" }));
  // A ring: each writer is connected with the next and writes to them.
  await ctx.db.insert(t.connection).values(writers.map((w, i) => ({ sender_id: w.id, receiver_id: writers[(i + 1) % CLIENTS].id, status: "accepted" as const })));

  const jobs: TestJob[] = Array.from({ length: JOBS }, (_, i) => {
    const jobId = `ladder-crash${run}j${i}`;
    return { feed: "general" as const, jobId, title: `Analyst ${i}`, path: `/jobs/general/${jobId}` };
  });
  await ctx.db.insert(t.jobs).values(
    jobs.map((job) => ({ job_id: job.jobId, job_title: job.title, employer_name: "Nile Analytics", posted_by: "alumni" as const, posted_by_user_id: poster.id, created_at: now })),
  );
  await ctx.db.insert(t.job_postings).values(jobs.map((job) => ({ feed: job.feed, job_id: job.jobId, status: "approved" as const, created_at: now, updated_at: now })));

  // Communities as the app makes them: the poster created and moderates each; every writer is an
  // approved member; community_stats holds the count.
  const communities = await ctx.db
    .insert(t.communities)
    .values(Array.from({ length: LEAVABLE_COMMUNITIES + 1 }, (_, i) => ({ name: `Crash ${run} ${i}`, created_by: poster.id })))
    .returning({ id: t.communities.id });
  const ids = communities.map((c) => c.id);
  await ctx.db
    .insert(t.community_memberships)
    .values(ids.flatMap((id) => [poster, ...writers].map((m) => ({ community_id: id, user_id: m.id, status: "approved" as const, joined_at: now }))));
  await ctx.db.insert(t.community_moderators).values(ids.map((id) => ({ community_id: id, user_id: poster.id })));
  await ctx.db.insert(t.community_stats).values(ids.map((id) => ({ community_id: id, members: CLIENTS + 1 })));
  const [postsCommunityId, ...leavable] = ids;
  const subscriberIds = [poster.id, ...writers.slice(0, SUBSCRIBED_WRITERS).map((w) => w.id)];
  await ctx.db.insert(t.community_event_subscriptions).values(subscriberIds.map((id) => ({ community_id: postsCommunityId, user_id: id })));
  // Writer 0 signs in through the sign-in form; the others' sessions are made here, as a sign-in
  // would make them (20 password checks cost seconds on a loaded machine and prove nothing more).
  const sessionTokens = writers.map(() => newToken());
  await ctx.db.insert(t.user_sessions).values(
    writers.slice(1).map((w, i) => ({ user_id: w.id, session_token: hashToken(sessionTokens[i + 1]), user_agent: "crash-test", is_active: true })),
  );
  return { poster, writers, jobs, postsCommunityId, subscriberIds, leavable, sessionTokens };
}

// ---- clients: plain HTTP as a browser without JavaScript sends it

interface Client {
  ip: string;
  cookies: Record<string, string>;
  csrf: string;
}

const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

/**
 * Writer 0 signs in through the sign-in form; the others take the session cookie (same name) with
 * the token made for them. Each reads its session's CSRF token from a page, as a browser would.
 */
async function signInAll(server: ServerProcess, world: World): Promise<Client[]> {
  const ip = (i: number) => `198.51.100.${i + 1}`;
  const login = await server.request("GET", "/login", { headers: { "X-Forwarded-For": ip(0) } });
  expect(login.status, server.output()).toBe(200);
  const guest: Client = { ip: ip(0), cookies: cookiesOf(login), csrf: csrfOf(login.body) };
  const member = world.writers[0];
  const signedIn = await send(server, guest, "/login", form({ email: member.email, password: member.password, redirectTo: "/" }));
  expect(signedIn.status).toBe(302);
  const session = Object.entries(cookiesOf(signedIn)).find(([name]) => name.endsWith("ladder_session"));
  expect(session, "the sign-in sets the session cookie").toBeDefined();
  const cookiesFor = (i: number) => (i === 0 ? { ...guest.cookies, ...cookiesOf(signedIn) } : { [session![0]]: world.sessionTokens[i] });
  return Promise.all(
    world.writers.map(async (_, i) => {
      const cookies = cookiesFor(i);
      const page = await server.request("GET", "/settings/lite", { headers: { Cookie: cookieHeader(cookies), "X-Forwarded-For": ip(i) } });
      expect(page.status).toBe(200);
      return { ip: ip(i), cookies, csrf: csrfOf(page.body) };
    }),
  );
}

interface Body {
  bytes: Buffer;
  type: string;
}

/** An urlencoded form (a browser's default). */
function form(fields: Record<string, string>): (csrf: string) => Promise<Body> {
  return async (csrf) => ({ bytes: Buffer.from(new URLSearchParams({ ...fields, csrf }).toString()), type: "application/x-www-form-urlencoded" });
}

/** A multipart form (a form with a file field), encoded as a browser does. */
function multipart(fields: Record<string, string | File>): (csrf: string) => Promise<Body> {
  return async (csrf) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    data.set("csrf", csrf);
    const encoded = new Response(data);
    return { bytes: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get("Content-Type")! };
  };
}

/** A form POST from the site's own page: the client's cookies, its CSRF token and the site's Origin. */
async function send(server: ServerProcess, client: Client, urlPath: string, body: (csrf: string) => Promise<Body>): Promise<ServerResponseText> {
  const { bytes, type } = await body(client.csrf);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        method: "POST",
        path: urlPath,
        agent: false,
        headers: {
          "Content-Type": type,
          "Content-Length": String(bytes.byteLength),
          Cookie: cookieHeader(client.cookies),
          Origin: `http://127.0.0.1:${server.port}`,
          "X-Forwarded-For": client.ip,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("response cut")));
      },
    );
    req.on("error", reject);
    req.end(bytes);
  });
}

// ---- writing until the kill

/**
 * Each client writes one form after the other, the kinds in turn (each within its rate limit),
 * and keeps the writes that got their success answer. The server gets SIGKILL once writing has
 * gone on for WRITE_AT_LEAST_MS and ACKED_AT_LEAST writes were answered; requests under way then
 * are cut (their writes may or may not have committed: either is fine, half is not).
 */
function writeUntilKilled(server: ServerProcess, world: World, clients: Client[]) {
  const acked: Acked[] = [];
  const refused: string[] = [];
  const cutKinds: Kind[] = [];
  let killed = false;
  const started = Date.now();
  let wroteMs = 0;

  async function writer(i: number) {
    const client = clients[i];
    const other = world.writers[(i + 1) % CLIENTS];
    const done: Record<Kind, number> = { message: 0, application: 0, communityPost: 0, feedPost: 0, leave: 0 };
    const left = (kind: Kind) =>
      kind === "leave" ? done.leave < world.leavable.length : kind === "application" ? done.application < Math.min(CAP.application, world.jobs.length) : done[kind] < CAP[kind];
    for (let n = 0; !killed; n++) {
      // Every kind at its cap: this client is done (a loop of `continue` would never yield).
      if (!KINDS.some(left)) break;
      const kind = KINDS[(n + i) % KINDS.length];
      if (!left(kind)) continue;
      const stamp = `crash-${i}-${n}-${crypto.randomBytes(4).toString("hex")}`;
      let request: { path: string; body: (csrf: string) => Promise<Body>; success: RegExp };
      if (kind === "message") {
        request = { path: `/messages/${other.id}`, body: form({ message: `Hello from ${stamp}` }), success: new RegExp(`^/messages/${other.id}#newest$`) };
      } else if (kind === "application") {
        const job = world.jobs[done.application];
        const cv = new File([pdfBytes(stamp) as Uint8Array<ArrayBuffer>], "cv.pdf", { type: "application/pdf" });
        const fields = { name: `Writer ${i}`, email: `writer${i}@example.com`, coverLetter: `Dear team,\nplease read ${stamp}.`, cv };
        request = { path: `${job.path}/apply`, body: multipart(fields), success: /^\/applications\/([0-9a-f-]{36})$/ };
      } else if (kind === "communityPost") {
        // Every other post is an event: its row, and a notification to each subscriber, commit with it.
        const event = done.communityPost % 2 === 1;
        const fields: Record<string, string> = event
          ? { type: "event", content: `Meet-up ${stamp}`, startDate: "2031-03-14", startTime: "18:30", endDate: "", endTime: "", place: "Cairo", onlineUrl: "" }
          : { type: "update", content: `News ${stamp}` };
        request = { path: `/communities/${world.postsCommunityId}/posts/new`, body: form(fields), success: new RegExp(`^/communities/${world.postsCommunityId}$`) };
      } else if (kind === "feedPost") {
        const fields = { intent: "post", content: `Anonymous ${stamp}`, topic: "general", company_name: "", industry: "", is_anonymous: "on" };
        request = { path: "/feed/new", body: multipart(fields), success: /^\/feed\/([0-9a-f-]{36})$/ };
      } else {
        const community = world.leavable[done.leave];
        request = { path: `/communities/${community}/membership`, body: form({ intent: "leave", confirmed: "yes" }), success: new RegExp(`^/communities/${community}$`) };
      }
      done[kind]++;
      let res: ServerResponseText;
      try {
        res = await send(server, client, request.path, request.body);
      } catch {
        // Cut by the kill (or refused after it): unknown whether it committed.
        if (killed) cutKinds.push(kind);
        else refused.push(`${kind} ${stamp}: connection failed before the kill`);
        return;
      }
      const location = String(res.headers.location ?? "");
      const match = res.status === 302 ? request.success.exec(location) : null;
      if (!match) {
        refused.push(`${kind} ${stamp}: ${res.status} ${location}`);
        return;
      }
      const stampOf = kind === "leave" ? world.leavable[done.leave - 1] : stamp;
      acked.push({ kind, writer: i, stamp: stampOf, id: kind === "application" || kind === "feedPost" ? match[1] : undefined });
    }
  }

  const writers = clients.map((_, i) => writer(i));
  const result = (async () => {
    while (!killed) {
      const elapsed = Date.now() - started;
      const enough = elapsed >= WRITE_AT_LEAST_MS && acked.length >= ACKED_AT_LEAST && KINDS.every((kind) => acked.some((a) => a.kind === kind));
      if (enough || elapsed >= WRITE_AT_MOST_MS || refused.length > 0) {
        // SIGKILL first, then the flag: requests under way are cut, not finished.
        server.kill();
        killed = true;
        wroteMs = Date.now() - started;
      } else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(writers);
    return acked;
  })();
  return { acked: result, refused: () => refused, cut: () => cutKinds.length, cutOf: (kind: Kind) => cutKinds.filter((k) => k === kind).length, wroteMs: () => wroteMs };
}

// ---- the checks

/** Every answered write, by its stamp: the ones not in the database. */
async function missingWrites(ctx: Ctx, world: World, acked: Acked[]): Promise<string[]> {
  const { user_messages: m, job_applications: a, community_posts: p, anonymous_post: f, community_memberships: cm } = ctx.t;
  const messages = new Set((await ctx.db.select({ text: m.message }).from(m)).map((r) => r.text));
  const applications = new Map((await ctx.db.select({ id: a.id, cover: a.coverLetter }).from(a)).map((r) => [r.id, r.cover]));
  const posts = new Set((await ctx.db.select({ content: p.content }).from(p).where(eq(p.community_id, world.postsCommunityId))).map((r) => r.content));
  const feed = new Map((await ctx.db.select({ id: f.id, content: f.content }).from(f)).map((r) => [r.id, r.content]));
  const memberships = new Set(
    (await ctx.db.select({ community: cm.community_id, user: cm.user_id }).from(cm).where(inArray(cm.community_id, world.leavable))).map((r) => `${r.community} ${r.user}`),
  );
  const missing: string[] = [];
  for (const write of acked) {
    const there =
      write.kind === "message"
        ? messages.has(`Hello from ${write.stamp}`)
        : write.kind === "application"
          ? (applications.get(write.id!) ?? "").includes(write.stamp)
          : write.kind === "communityPost"
            ? posts.has(`News ${write.stamp}`) || posts.has(`Meet-up ${write.stamp}`)
            : write.kind === "feedPost"
              ? feed.get(write.id!) === `Anonymous ${write.stamp}`
              : !memberships.has(`${write.stamp} ${world.writers[write.writer].id}`);
    if (!there) missing.push(`${write.kind} by writer ${write.writer}: ${write.stamp}`);
  }
  return missing;
}

/** Files in the uploads folder that no upload row names. */
async function orphanFiles(ctx: Ctx, uploadsDir: string): Promise<string[]> {
  const named = new Set((await ctx.db.select({ key: ctx.t.uploads.fileUrl }).from(ctx.t.uploads)).map((r) => r.key));
  return fs.readdirSync(uploadsDir).filter((name) => !named.has(name));
}

type Usage = { user: string; action: string; metadata: Record<string, unknown> | null };

/**
 * The shape each action's transaction leaves, checked over every row (answered or cut): the
 * problems found. A message has its usage row; an application its applicant row, its CV upload
 * row and file, its usage row and the poster's notification; a community post its usage row, and
 * an event its event row and a notification to each subscriber; a feed post its usage row; a
 * community's member count is its approved members; every notification has its link.
 */
async function halfWritten(ctx: Ctx, world: World, uploadsDir: string): Promise<string[]> {
  const t = ctx.t;
  const problems: string[] = [];
  const usage: Usage[] = (await ctx.db.select({ user: t.feature_usage.user_id, action: t.feature_usage.action, metadata: t.feature_usage.metadata }).from(t.feature_usage)).map(
    (row) => ({ user: row.user, action: row.action, metadata: (row.metadata ?? null) as Record<string, unknown> | null }),
  );
  const usageOf = (action: string, key: string) => {
    const counts = new Map<string, number>();
    for (const row of usage) {
      if (row.action !== action) continue;
      const id = String(row.metadata?.[key] ?? "");
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  const sameIds = (what: string, rows: string[], counted: Map<string, number>) => {
    for (const id of rows) if (counted.get(id) !== 1) problems.push(`${what} ${id}: ${counted.get(id) ?? 0} rows`);
    const known = new Set(rows);
    for (const id of counted.keys()) if (!known.has(id)) problems.push(`${what} ${id}: for a missing row`);
  };
  const countBy = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };

  // Notifications and their links (insertLinkedNotification writes both).
  const notes = await ctx.db
    .select({ id: t.notification.id, user: t.notification.user_id, href: t.notification_links.href })
    .from(t.notification)
    .leftJoin(t.notification_links, eq(t.notification_links.notification_id, t.notification.id));
  for (const note of notes) if (note.href === null) problems.push(`notification ${note.id}: no link`);
  const hrefs = countBy(notes.map((n) => `${n.user} ${n.href}`));

  // Direct messages.
  const messageIds = (await ctx.db.select({ id: t.user_messages.id }).from(t.user_messages)).map((r) => r.id);
  sameIds("message_sent usage of message", messageIds, usageOf("message_sent", "messageId"));

  // Applications: five tables, and the CV file stored before the transaction.
  const applicationIds = (await ctx.db.select({ id: t.job_applications.id }).from(t.job_applications)).map((r) => r.id);
  sameIds("applicant row of application", applicationIds, countBy((await ctx.db.select({ id: t.job_applicants.application_id }).from(t.job_applicants)).map((r) => r.id)));
  sameIds("application_sent usage of application", applicationIds, usageOf("application_sent", "applicationId"));
  const cvKeys = new Map(applicationIds.map((id) => [cvKey(id, "pdf"), id]));
  const cvUploads = (await ctx.db.select({ key: t.uploads.fileUrl }).from(t.uploads).where(eq(t.uploads.fileType, "cv"))).map((r) => r.key);
  sameIds("CV upload row", [...cvKeys.keys()], countBy(cvUploads));
  const files = new Set(fs.readdirSync(uploadsDir));
  for (const key of cvKeys.keys()) if (!files.has(key)) problems.push(`application ${cvKeys.get(key)}: no CV file ${key}`);
  for (const id of applicationIds) {
    if (hrefs.get(`${world.poster.id} /hiring/applications/${id}`) !== 1) problems.push(`application ${id}: the poster's notification is missing`);
  }
  const applicationNotes = notes.filter((n) => n.href?.startsWith("/hiring/applications/")).length;
  if (applicationNotes !== applicationIds.length) problems.push(`${applicationNotes} application notifications for ${applicationIds.length} applications`);

  // Community posts: usage row; events their event row and one notification per other subscriber.
  const posts = await ctx.db
    .select({ id: t.community_posts.id, author: t.community_posts.user_id, type: t.community_posts.type, event: t.community_events.post_id })
    .from(t.community_posts)
    .leftJoin(t.community_events, eq(t.community_events.post_id, t.community_posts.id))
    .where(eq(t.community_posts.community_id, world.postsCommunityId));
  sameIds("community_post_written usage of post", posts.map((p) => p.id), usageOf("community_post_written", "postId"));
  const eventRows = countBy((await ctx.db.select({ id: t.community_events.post_id }).from(t.community_events)).map((r) => r.id));
  sameIds("event row of event post", posts.filter((p) => p.type === "event").map((p) => p.id), eventRows);
  let eventNotes = 0;
  for (const post of posts.filter((p) => p.type === "event")) {
    for (const subscriber of world.subscriberIds) {
      if (subscriber === post.author) continue;
      eventNotes++;
      const n = hrefs.get(`${subscriber} /communities/${world.postsCommunityId}/posts/${post.id}`) ?? 0;
      if (n !== 1) problems.push(`event ${post.id}: ${n} notifications to subscriber ${subscriber}`);
    }
  }
  const postNotes = notes.filter((n) => n.href?.startsWith(`/communities/${world.postsCommunityId}/posts/`)).length;
  if (postNotes !== eventNotes) problems.push(`${postNotes} event notifications where ${eventNotes} were due`);

  // Anonymous feed posts: the usage row is per day, without the post's id: one per post and author.
  const feedPosts = countBy((await ctx.db.select({ user: t.anonymous_post.user_id }).from(t.anonymous_post)).map((r) => r.user));
  const feedUsage = countBy(usage.filter((u) => u.action === "feed_post_written").map((u) => u.user));
  for (const writer of world.writers) {
    if ((feedPosts.get(writer.id) ?? 0) !== (feedUsage.get(writer.id) ?? 0)) {
      problems.push(`writer ${writer.name}: ${feedPosts.get(writer.id) ?? 0} feed posts, ${feedUsage.get(writer.id) ?? 0} feed_post_written rows`);
    }
  }

  // Member counts: community_stats moves with every membership change, in its transaction.
  const { community_stats: s, community_memberships: m } = t;
  const approved = countBy(
    (await ctx.db.select({ id: m.community_id }).from(m).where(eq(m.status, "approved"))).map((r) => r.id),
  );
  for (const row of await ctx.db.select({ id: s.community_id, members: s.members }).from(s)) {
    if ((approved.get(row.id) ?? 0) !== row.members) problems.push(`community ${row.id}: count ${row.members}, ${approved.get(row.id) ?? 0} approved members`);
  }
  const leftPostsCommunity = await ctx.db.select({ n: sql<number>`count(*)` }).from(m).where(and(eq(m.community_id, world.postsCommunityId), eq(m.status, "approved")));
  if (Number(leftPostsCommunity[0].n) !== CLIENTS + 1) problems.push(`the posts' community has ${leftPostsCommunity[0].n} members`);
  return problems;
}
