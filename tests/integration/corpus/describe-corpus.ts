/**
 * Declares the bad-input corpus on one database (decision 058). On SQLite each route gets its own
 * copy of the seeded demo world (a serialized database opened in memory, ~1 ms), so one route's
 * successful delete cannot take another route's row away; every role, the full corpus for the roles
 * the route lets in and one request of each kind for the others. On PostgreSQL one seeded world
 * serves every route, as the demo member only, with one request of each kind: the same code on the
 * other dialect, so that a dialect's error (a bad uuid, an out-of-range integer) surfaces too.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteCtx, type Ctx, type Dialect } from "../../../db/client";
import { seedDemo } from "../../../db/seed";
import { ANON_COOKIE, csrfFor } from "../../../app/modules/accounts/csrf.server";
import { AppClient } from "../../support/app";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../../support/db";
import { admitted, refused, corpusFor, csrfCorpus, discoverForms, send, type CorpusRequest, type Depth, type FormShape, type Outcome } from "./corpus";
import { actionRoutes, fillPath, readWorld, type ActionRoute, type Role, type World } from "./routes";

export const ROUTES = actionRoutes();

/** Routes whose body is not a member's form (tests/unit/actions-read-form.test.ts): no CSRF token to refuse. */
export const NOT_FORMS = new Set(["analytics.beacon.ts"]);

/** The most forms of one route the corpus posts (a page may have many alike, e.g. one per list row). */
const FORMS_PER_ROUTE = 3;

/** Tables a refused request may still touch: sessions (last seen), rate limit counters, page views. */
const BOOKKEEPING = new Set(["user_sessions", "rate_limit_buckets", "page_views"]);

let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.88.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};

/** A digest of every row of every table but the bookkeeping ones: "nothing written" is an equal digest. */
let fingerprintMs = 0;
export async function fingerprint(ctx: Ctx): Promise<Record<string, string>> {
  const started = Date.now();
  const digests: Record<string, string> = {};
  for (const [name, table] of Object.entries(ctx.t)) {
    if (BOOKKEEPING.has(name) || typeof table !== "object" || table === null) continue;
    const rows = await ctx.db.select().from(table as never);
    digests[name] = createHash("sha1").update(JSON.stringify(rows)).digest("hex");
  }
  fingerprintMs += Date.now() - started;
  return digests;
}

export async function clientFor(ctx: Ctx, world: World, role: Role): Promise<AppClient> {
  const browser = new AppClient(ctx, nextAddress());
  if (role !== "anonymous") await browser.signIn(world.members[role]);
  return browser;
}

/**
 * The browser's CSRF token as the app makes it for its forms (csrfFor), without rendering a page
 * for it: the corpus asks for thousands. A visitor gets its random browser cookie as from a page.
 */
export async function tokenOf(browser: AppClient): Promise<string> {
  globalThis.__ladderCtx = browser.ctx;
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const { token, setCookie } = await csrfFor(new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} }));
  if (setCookie) {
    const [pair] = setCookie.split(";");
    browser.cookies.set(ANON_COOKIE, pair.slice(pair.indexOf("=") + 1));
  }
  return token;
}

/** The routes of part k of n: every n-th from the k-th. */
export const routesOfPart = ([k, n]: [number, number]) => ROUTES.filter((_, index) => index % n === k - 1);

interface Tally {
  requests: number;
  byRole: Record<string, number>;
  kinds: Set<string>;
  statuses: Record<number, number>;
  routes: Set<string>;
  seedMs: number;
  discoverMs: number;
  /** fingerprintMs when this file started (files of one worker share the module). */
  fingerprintMsAtStart: number;
}

function printTally(title: string, tally: Tally) {
  const statuses = Object.entries(tally.statuses)
    .map(([s, n]) => `${s}:${n}`)
    .join(" ");
  console.log(
    `${title}: ${tally.requests} requests = ${tally.routes.size} routes x ${Object.keys(tally.byRole).length} roles x ${tally.kinds.size} kinds of bad input ` +
      `(by role ${JSON.stringify(tally.byRole)}; statuses ${statuses}; seed ${tally.seedMs} ms, forms read from pages in ${tally.discoverMs} ms, nothing-written checks ${fingerprintMs - tally.fingerprintMsAtStart} ms)`,
  );
}

export function describeCorpus(dialect: Dialect, part: [number, number] = [1, 1]) {
  const [k, n] = part;
  const title = `bad-input corpus [${dialect}]${n > 1 ? `, part ${k} of ${n}` : ""}`;
  const describeHere = dialect === "pg" && pgSkipReason ? describe.skip : describe;
  describeHere(dialect === "pg" && pgSkipReason ? skippedPostgresTitle(title) : title, () => {
    let db: TestDatabase;
    let world: World;
    let seeded: Buffer | null = null;
    let forms: Map<string, FormShape[]>;
    const tally: Tally = { requests: 0, byRole: {}, kinds: new Set(), statuses: {}, routes: new Set(), seedMs: 0, discoverMs: 0, fingerprintMsAtStart: 0 };
    const count = (o: Outcome) => {
      tally.requests++;
      tally.byRole[o.role] = (tally.byRole[o.role] ?? 0) + 1;
      tally.kinds.add(o.kind);
      tally.statuses[o.status] = (tally.statuses[o.status] ?? 0) + 1;
      tally.routes.add(o.route);
    };

    beforeAll(async () => {
      tally.fingerprintMsAtStart = fingerprintMs;
      let at = Date.now();
      db = await freshDatabase(dialect);
      await seedDemo(db.ctx);
      world = await readWorld(db.ctx);
      if (db.ctx.raw.kind === "sqlite") seeded = db.ctx.raw.sqlite.serialize();
      tally.seedMs = Date.now() - at;
      at = Date.now();
      forms = await discoverForms(routesOfPart(part), ROUTES, world, (role) => clientFor(db.ctx, world, role));
      tally.discoverMs = Date.now() - at;
    }, 120_000);
    afterAll(async () => {
      if (tally.requests > 0) printTally(title, tally);
      await db?.close();
    });

    for (const route of routesOfPart(part)) {
      it(`${route.file}: bad input as ${dialect === "pg" ? "the member" : "every role"} never answers 5xx nor reflects markup, and a form without its token is refused and writes nothing`, async () => {
        // Each SQLite route on its own copy of the seeded world.
        let ctx = db.ctx;
        let copy: Database.Database | null = null;
        if (seeded) {
          copy = new Database(seeded);
          copy.pragma("foreign_keys = ON");
          ctx = sqliteCtx(copy);
        }
        try {
          await corpusOfRoute(ctx, route, world, forms.get(route.file) ?? [], dialect === "pg", count);
        } finally {
          copy?.close();
        }
      });
    }
  });
}

/** The role that gets the full corpus: the first the route lets in, in this order (the demo member owns the world's rows). */
const FULL_ORDER: Role[] = ["user", "recruiter", "career_team", "moderator", "admin", "anonymous"];

async function corpusOfRoute(ctx: Ctx, route: ActionRoute, world: World, shapes: FormShape[], pgRun: boolean, count: (o: Outcome) => void) {
  const url = fillPath(route, world, "real");
  const forms = shapes.slice(0, FORMS_PER_ROUTE);
  expect(forms.length, `${route.file} has a form to post`).toBeGreaterThan(0);

  // Without a valid token: refused (403), nothing written. As the member (every form) and as a visitor.
  if (!NOT_FORMS.has(route.file)) {
    // The digest of every row (SQLite): the code path that refuses is the same on PostgreSQL, where the status is checked.
    const before = pgRun ? null : await fingerprint(ctx);
    const member = await clientFor(ctx, world, "user");
    const visitor = await clientFor(ctx, world, "anonymous");
    const adminsToken = await tokenOf(await clientFor(ctx, world, "admin"));
    const cases: [AppClient, Role, FormShape, CorpusRequest][] = [
      ...forms.flatMap((form, i) => csrfCorpus(form, adminsToken, pgRun ? 1 : i === 0 ? 4 : 1).map((r): [AppClient, Role, FormShape, CorpusRequest] => [member, "user", form, r])),
      ...csrfCorpus(forms[0], await tokenOf(visitor), pgRun ? 1 : 2).map((r): [AppClient, Role, FormShape, CorpusRequest] => [visitor, "anonymous", forms[0], r]),
    ];
    for (const [browser, role, form, request] of cases) {
      const outcome = await send(browser, url + form.query, request, route, role);
      count(outcome);
      // Refused: 403 when the form is read, or turned away before it is (sent to sign in, not found, not allowed).
      expect(refused(outcome), `${role} POST ${outcome.url} (${route.file}) with ${request.kind} -> ${outcome.status}`).toBe(true);
    }
    if (before) expect(await fingerprint(ctx), `${route.file}: a refused form wrote nothing`).toEqual(before);
  }

  // Who gets past the door: a plain post of the first form as the page filled it, as each role.
  const roles: Role[] = pgRun ? ["user"] : FULL_ORDER;
  const admits = new Map<Role, boolean>();
  for (const role of roles) {
    const browser = await clientFor(ctx, world, role);
    const probe = await browser.request("POST", url + forms[0].query, {
      body: new URLSearchParams([["csrf", await tokenOf(browser)], ...forms[0].fields]),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(probe.status, `${role} POST ${url} (${route.file}) plain -> ${probe.status}`).toBeLessThan(500);
    admits.set(role, admitted(probe));
  }
  const fullRole = roles.find((role) => admits.get(role)) ?? roles[0];
  for (const role of roles) {
    const plan: [FormShape, Depth][] =
      role === fullRole
        ? forms.map((form, i): [FormShape, Depth] => [form, pgRun ? "few" : i === 0 ? "full" : "fields"])
        : [[forms[0], admits.get(role) ? "few" : "door"]];
    for (const [form, depth] of plan) {
      // A new browser per form: a post may sign the member out (/logout) or change the session.
      const browser = await clientFor(ctx, world, role);
      const token = await tokenOf(browser);
      for (const request of corpusFor(form, token, depth)) count(await send(browser, url + form.query, request, route, role));
    }
  }
  // Ids that exist nowhere, as the member.
  if (route.params.length > 0) {
    const browser = await clientFor(ctx, world, "user");
    const token = await tokenOf(browser);
    for (const request of corpusFor(forms[0], token, "few")) count(await send(browser, fillPath(route, world, "missing") + forms[0].query, request, route, "user"));
  }
}
