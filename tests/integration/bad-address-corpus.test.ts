/**
 * Bad input in addresses (decision 062): every route with a loader, as a visitor, the demo member
 * and an admin on SQLite (the member gets the whole corpus, the others a few kinds), and as the
 * member on PostgreSQL, where a malformed id or number in a query is a database error if it ever
 * reaches one. No answer may be 5xx, and no HTML answer may carry the markup markers unescaped.
 */
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import type { Dialect } from "../../db/client";
import { seedDemo } from "../../db/seed";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../support/db";
import { addressRequests, NOT_IN_ADDRESS_CORPUS, queryNamesOf, sendAddress, type AddressOutcome } from "./corpus/address-corpus";
import { clientFor } from "./corpus/describe-corpus";
import { fillPath, loaderRoutes, readWorld, unfillableRoutes, type Role, type World } from "./corpus/routes";

const ROUTES = loaderRoutes().filter((route) => !NOT_IN_ADDRESS_CORPUS.has(route.file));

it("every route file with a loader is in the addresses corpus with an address it can fill, or left out with a reason", () => {
  const files = new Set(loaderRoutes().map((route) => route.file));
  expect([...NOT_IN_ADDRESS_CORPUS.keys()].filter((file) => !files.has(file)), "left out, but no such route").toEqual([]);
  expect(ROUTES.length).toBeGreaterThan(120);
  expect(unfillableRoutes(ROUTES)).toEqual([]);
});

function describeAddresses(dialect: Dialect) {
  const title = `bad-address corpus [${dialect}]`;
  const skip = dialect === "pg" && pgSkipReason;
  (skip ? describe.skip : describe)(skip ? skippedPostgresTitle(title) : title, () => {
    let db: TestDatabase;
    let world: World;
    const outcomes: AddressOutcome[] = [];
    let warn: MockInstance<typeof console.warn>;
    beforeAll(async () => {
      // Remix's router warns on the console for each path it cannot decode (the corpus sends
      // hundreds on purpose, and it then matches the path as it came); every other warning shows.
      const realWarn = console.warn.bind(console);
      warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
        if (!(typeof args[0] === "string" && args[0].includes("could not be decoded because it is is a malformed URL segment"))) realWarn(...args);
      });
      db = await freshDatabase(dialect);
      await seedDemo(db.ctx);
      world = await readWorld(db.ctx);
    }, 120_000);
    afterAll(async () => {
      if (outcomes.length > 0) {
        const statuses: Record<number, number> = {};
        for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
        console.log(`${title}: ${outcomes.length} requests over ${new Set(outcomes.map((o) => o.route)).size} routes; statuses ${JSON.stringify(statuses)}`);
      }
      warn?.mockRestore();
      await db?.close();
    });

    // On SQLite a few routes per test keep the files' tests short enough to read when one fails.
    const roles: [Role, "full" | "few"][] = dialect === "pg" ? [["user", "few"]] : [["user", "full"], ["anonymous", "few"], ["admin", "few"]];
    for (const route of ROUTES) {
      it(`${route.file}: bad values in its address never answer 5xx nor reflect markup`, async () => {
        for (const [role, depth] of roles) {
          const browser = await clientFor(db.ctx, world, role);
          const page = await browser.get(fillPath(route, world, "real"));
          expect(page.status, `${role} GET ${route.pattern} with good values`).toBeLessThan(500);
          for (const request of addressRequests(route, world, queryNamesOf(route, page.html), depth)) outcomes.push(await sendAddress(browser, request, route, role));
        }
      });
    }
  });
}

describeAddresses("sqlite");
describeAddresses("pg");
