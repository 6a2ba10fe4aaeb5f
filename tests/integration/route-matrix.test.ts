/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "../../db/enums";
import { appClient, createMember, type Member } from "../support/app";
import { freshDatabase, testDialects, type TestDatabase } from "../support/db";
import { ACTORS, type Actor, type MatrixFixtures, type MatrixRow } from "./route-matrix";

const modules = import.meta.glob<{ rows: MatrixRow[] }>("./matrix/*.rows.ts", { eager: true });
const rows = Object.entries(modules).flatMap(([file, module]) => module.rows.map((row) => ({ file, row })));

const roles: UserRole[] = ["user", "recruiter", "career_team", "moderator", "admin"];

async function fixturesFor(db: TestDatabase): Promise<MatrixFixtures> {
  const members: Record<string, Member> = {
    owner: await createMember(db.ctx, { role: "user", name: "Owner Member" }),
    other: await createMember(db.ctx, { role: "user", name: "Other Member" }),
  };
  for (const role of roles) members[role] = await createMember(db.ctx, { role, name: `The ${role}` });
  return members as unknown as MatrixFixtures;
}

const describeStatus = (expected: number | "login") => (expected === "login" ? "is sent to sign in" : `gets ${expected}`);

// Each request comes from its own address, so per-address rate limits never decide a row.
let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.77.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};

it("the matrix has rows from every area file", () => {
  expect(rows.length).toBeGreaterThan(0);
});

for (const dialect of testDialects) {
  describe(`route x role matrix [${dialect}]`, () => {
    for (const { file, row } of rows) {
      describe(`${row.method} ${row.name} (${file.replace("./matrix/", "")})`, () => {
        let db: TestDatabase;
        let fx: MatrixFixtures;
        beforeAll(async () => {
          db = await freshDatabase(dialect);
          fx = await fixturesFor(db);
          if (row.setup) Object.assign(fx, await row.setup(db.ctx, fx));
        });
        afterAll(async () => {
          await db?.close();
        });

        for (const actor of ACTORS) {
          const expected = row.expect[actor];
          it(`${actor} ${describeStatus(expected)}`, async () => {
            const browser = await appClient(db.ctx, { ip: nextAddress() });
            if (actor !== "anonymous") await browser.signIn(fx[actor as Exclude<Actor, "anonymous">]);
            const path = row.path(fx);
            const res = row.method === "GET" ? await browser.get(path) : await browser.post(path, row.form?.(fx) ?? {});
            if (expected === "login") {
              expect(res.status, `${row.method} ${path}`).toBe(302);
              expect(res.location ?? "").toMatch(/^\/login(\?|$)/);
            } else {
              expect(res.status, `${row.method} ${path} -> ${res.location ?? ""}`).toBe(expected);
            }
          });
        }
      });
    }
  });
}
