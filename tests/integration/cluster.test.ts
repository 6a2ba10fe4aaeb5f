/**
 * Two workers on PostgreSQL (WEB_CONCURRENCY=2): the real server.ts in a child process. Every
 * request comes on a new connection, which the primary hands to the workers in turn, and each
 * response names the worker that answered (X-Ladder-Worker, with ENABLE_TEST_ROUTES=1 only).
 * What one worker wrote, the other must see: a session, a rate limit's count, the coach quota.
 *
 * One server serves the tests below in order (each start costs seconds); the last one stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, type Member } from "../support/app";
import { startOpenAiMock, type OpenAiMock } from "../support/openai-mock";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../support/db";
import { cookiesOf, csrfOf, expectGracefulStopDuringSignIn, freePort, requestOnce, startServerProcess, type ServerProcess, type ServerResponseText } from "../support/server-process";

const title = "two workers on PostgreSQL";
const suite = pgSkipReason ? describe.skip : describe;

suite(pgSkipReason ? skippedPostgresTitle(title) : title, { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let member: Member;
  let openai: OpenAiMock;
  let metricsPort: number;

  beforeAll(async () => {
    db = await freshDatabase("pg");
    member = await createMember(db.ctx);
    // The coach counts only replies the AI writes (offline replies are free, decision 029), so the
    // workers talk to the OpenAI-compatible mock.
    openai = await startOpenAiMock();
    metricsPort = await freePort();
    server = await startServerProcess({
      METRICS_PORT: String(metricsPort),
      DATABASE_URL: db.url!,
      WEB_CONCURRENCY: "2",
      ENABLE_TEST_ROUTES: "1",
      TRUST_PROXY: "1",
      OPENAI_API_KEY: "test",
      OPENAI_BASE_URL: openai.url,
    });
  }, 120_000); // three processes start: 17-30 s seen at load averages of 10-20 on 2 cores

  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await openai?.close();
    await db?.close();
  });

  const workerOf = (res: ServerResponseText) => String(res.headers["x-ladder-worker"]);
  const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");

  /** A visitor from `ip`: its cookies and the CSRF token of the sign-in form. */
  async function visitor(ip: string) {
    const page = await server.request("GET", "/login", { headers: { "X-Forwarded-For": ip } });
    expect(page.status, server.output()).toBe(200);
    return { ip, cookies: cookiesOf(page), csrf: csrfOf(page.body) };
  }

  function post(who: { ip: string; cookies: Record<string, string> }, path: string, fields: Record<string, string>) {
    return server.request("POST", path, {
      headers: { "X-Forwarded-For": who.ip, Cookie: cookieHeader(who.cookies) },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it("answers from two worker processes, neither of them the primary", async () => {
    const workers = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await server.request("GET", "/healthz");
      expect(res.status).toBe(200);
      workers.add(workerOf(res));
    }
    expect(workers.size).toBe(2);
    expect(workers.has(String(server.pid))).toBe(false);
  });

  it("keeps a member signed in whichever worker answers: one signs in, both know the session", async () => {
    const guest = await visitor("203.0.113.10");
    const signIn = await post(guest, "/login", { email: member.email, password: member.password, redirectTo: "/", csrf: guest.csrf });
    expect(signIn.status).toBe(302);
    const cookies = { ...guest.cookies, ...cookiesOf(signIn) };
    expect(Object.keys(cookies).some((name) => name.endsWith("ladder_session"))).toBe(true);

    const seenBy = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const page = await server.request("GET", "/settings/profile", { headers: { Cookie: cookieHeader(cookies) } });
      expect(page.status).toBe(200);
      expect(page.body).toContain(member.email);
      seenBy.add(workerOf(page));
    }
    expect(seenBy.size).toBe(2);
  });

  it("counts a rate limit across workers: the 11th sign-in from one address in a minute is refused", async () => {
    // The limit counts in fixed one-minute windows: eleven sign-ins that straddle a minute's end
    // land in two windows and none is refused. Start in a fresh minute when little is left of this one.
    const leftOfMinute = 60_000 - (Date.now() % 60_000);
    if (leftOfMinute < 20_000) await new Promise((resolve) => setTimeout(resolve, leftOfMinute + 100));
    const guest = await visitor("203.0.113.20");
    const answeredBy = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const res = await post(guest, "/login", { email: member.email, password: "not the password", redirectTo: "/", csrf: guest.csrf });
      expect(res.status).toBe(400); // wrong password, not yet limited
      answeredBy.add(workerOf(res));
    }
    // Each worker saw about five: counted in its own memory, neither would refuse.
    expect(answeredBy.size).toBe(2);
    const eleventh = await post(guest, "/login", { email: member.email, password: member.password, redirectTo: "/", csrf: guest.csrf });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toContain("Too many sign-in attempts from your network.");
  });

  it("shares the coach quota across workers: seven messages a day, the eighth refused", async () => {
    const guest = await visitor("203.0.113.30");
    const signIn = await post(guest, "/login", { email: member.email, password: member.password, redirectTo: "/", csrf: guest.csrf });
    expect(signIn.status).toBe(302);
    const me = { ip: guest.ip, cookies: { ...guest.cookies, ...cookiesOf(signIn) } };
    const coach = await server.request("GET", "/coach", { headers: { Cookie: cookieHeader(me.cookies) } });
    expect(coach.body).toContain("7 of 7 left today");
    const csrf = csrfOf(coach.body);

    const answeredBy = new Set<string>();
    for (let i = 0; i < 7; i++) {
      const sent = await post(me, "/coach", { message: `Question ${i}: how do I ask for a raise?`, csrf });
      expect(sent.status).toBe(302);
      answeredBy.add(workerOf(sent));
    }
    expect(answeredBy.size).toBe(2);
    const eighth = await post(me, "/coach", { message: "One more?", csrf });
    expect(eighth.status).toBe(429);
    expect(eighth.body).toContain("You have used your 7 messages for today");
  });

  it("one scrape of the primary's metrics port counts the requests of both workers", async () => {
    const healthChecks = async () => {
      const scrape = await requestOnce(metricsPort, "GET", "/metrics");
      expect(scrape.status).toBe(200);
      const match = /ladder_http_requests_total\{method="GET",route="routes\/healthz",status="200"\} (\d+)/.exec(scrape.body);
      return Number(match?.[1] ?? 0);
    };
    const before = await healthChecks();
    const answeredBy = new Set<string>();
    for (let i = 0; i < 6; i++) answeredBy.add(workerOf(await server.request("GET", "/healthz")));
    expect(answeredBy.size).toBe(2);
    expect((await healthChecks()) - before).toBe(6);
  });

  it("replaces a worker that dies, and keeps answering meanwhile", async () => {
    const first = await server.request("GET", "/healthz");
    const dead = Number(workerOf(first));
    process.kill(dead, "SIGKILL");
    await expect.poll(() => server.output(), { timeout: 10_000 }).toContain(`Worker ${dead} exited (signal SIGKILL); a new one starts now.`);

    // Two workers again, and the dead one is not among them.
    await expect
      .poll(
        async () => {
          const workers = new Set<string>();
          for (let i = 0; i < 4; i++) workers.add(workerOf(await server.request("GET", "/healthz")));
          return workers.size === 2 && !workers.has(String(dead));
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
  });

  it("on SIGTERM finishes the request under way, refuses new connections, and every process exits 0", async () => {
    const guest = await visitor("203.0.113.40");
    await expectGracefulStopDuringSignIn(server, member.email, guest, 8_000);
  });
});

