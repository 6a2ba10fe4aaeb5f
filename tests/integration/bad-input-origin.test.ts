/**
 * The bad-input corpus's foreign-origin cases (decision 058), through the real server: the Origin
 * check is server.ts's middleware, in front of the app, so the in-process corpus cannot reach it.
 * A signed-in member's browser with a valid CSRF token posts to every POST route from another
 * site (a foreign Origin, Origin "null", Sec-Fetch-Site cross-site): every post is refused with 403
 * and nothing is written. The same post from the member's own page (no Origin, as some browsers
 * send) is not refused by that check, so the 403s come from the origin and nothing else.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { openSqlite, sqliteCtx } from "../../db/client";
import { seedDemo } from "../../db/seed";
import { hashToken, newToken, sessionCookieName } from "../../app/modules/accounts/sessions.server";
import { csrfOf, startServerProcess, type ServerProcess } from "../support/server-process";
import { XSS_SVG } from "./corpus/corpus";
import { fingerprint, ROUTES } from "./corpus/describe-corpus";
import { fillPath, readWorld, type World } from "./corpus/routes";

let server: ServerProcess | undefined;
let file: string;
let cookie: string;
let world: World;

beforeAll(async () => {
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ladder-origin-")), "ladder.sqlite");
  fs.copyFileSync(inject("sqliteTemplatePath"), file);
  const sqlite = openSqlite(file);
  const ctx = sqliteCtx(sqlite);
  await seedDemo(ctx);
  world = await readWorld(ctx);
  const token = newToken();
  await ctx.db.insert(ctx.t.user_sessions).values({
    user_id: world.members.user.id,
    session_token: hashToken(token),
    ip_address: "127.0.0.1",
    user_agent: "ladder-tests",
    device_type: "desktop",
    browser: "Chrome",
    os: "Linux",
    is_active: true,
  });
  sqlite.close();
  // The server runs in production: its session cookie has the production name.
  cookie = `${sessionCookieName(true)}=${token}`;
  server = await startServerProcess({ DATABASE_URL: `file:${file}`, ANALYTICS_PAGE_VIEWS: "off" });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

it("a form from another site is refused with 403 on every POST route, with a valid token, and writes nothing", async () => {
  const page = await server!.request("GET", "/settings/lite", { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  const csrf = csrfOf(page.body);
  const sqlite = openSqlite(file);
  const ctx = sqliteCtx(sqlite);
  try {
    const before = await fingerprint(ctx);
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "http://127.0.0.1.evil.example", "Sec-Fetch-Site": "same-site" },
    ];
    const answers: string[] = [];
    for (const route of ROUTES) {
      const url = fillPath(route, world, "real");
      for (const headers of foreign) {
        const res = await server!.request("POST", url, {
          headers: { ...headers, Cookie: cookie },
          body: new URLSearchParams({ csrf, intent: "delete", content: XSS_SVG, message: XSS_SVG }).toString(),
        });
        if (res.status !== 403 || /<svg onload/i.test(res.body)) answers.push(`${url} ${JSON.stringify(headers)} -> ${res.status}`);
      }
    }
    expect(answers).toEqual([]);
    expect(await fingerprint(ctx)).toEqual(before);
  } finally {
    sqlite.close();
  }
  // The control: the same browser's post from its own page passes the origin check.
  const own = await server!.request("POST", "/settings/lite", {
    headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ csrf, lite: "1", redirectTo: "/settings/lite" }).toString(),
  });
  expect(own.status).toBe(302);
}, 120_000);
