/**
 * The route x role matrix: who may read and change what. Each area lists its routes in
 * tests/integration/matrix/<area>.rows.ts; `describeMatrix` runs every row through the real app:
 * on SQLite for every actor, on PostgreSQL for the visitor, the owner and one actor of each
 * class of actors the row expects to answer alike (the answers come from the same queries on
 * both databases; the full matrix on SQLite shows each class really answers alike).
 */
/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx, Dialect } from "../../db/client";
import type { UserRole } from "../../db/enums";
import { appClient, createMember, type Member } from "../support/app";
import { freshDatabase, pgSkipReason, skippedPostgresTitle, type TestDatabase } from "../support/db";

export const ACTORS = ["anonymous", "owner", "other", "user", "recruiter", "career_team", "moderator", "admin"] as const;
export type Actor = (typeof ACTORS)[number];

/** A status code, or "login": a redirect to the sign-in page. */
export type Expectation = number | "login";

export interface MatrixFixtures {
  /** A plain member who owns the row's data (see `setup`). */
  owner: Member;
  /** Another plain member, owner of nothing here. */
  other: Member;
  user: Member;
  recruiter: Member;
  career_team: Member;
  moderator: Member;
  admin: Member;
  [extra: string]: unknown;
}

export interface MatrixRow {
  name: string;
  method: "GET" | "POST";
  path: (fx: MatrixFixtures) => string;
  /** Form fields of a POST (the CSRF token is added). */
  form?: (fx: MatrixFixtures) => Record<string, string>;
  /** Creates the row's data once per row; its result is merged into fx. */
  setup?: (ctx: Ctx, fx: MatrixFixtures) => Promise<Record<string, unknown>>;
  expect: Record<Actor, Expectation>;
}

export const matrixRows = Object.entries(import.meta.glob<{ rows: MatrixRow[] }>("./matrix/*.rows.ts", { eager: true })).flatMap(
  ([file, module]) => module.rows.map((row) => ({ file: file.replace("./matrix/", ""), row })),
);

/**
 * The actors a sampled run asks: the visitor and the owner always, and of the others the first
 * of each group that the row expects to get the same answer. The rest are named as what they
 * stand for, so a reader sees who was not asked on this database.
 */
export function sampleActors(expect: Record<Actor, Expectation>): { actor: Actor; standsFor: Actor[] }[] {
  const chosen: { actor: Actor; standsFor: Actor[] }[] = [
    { actor: "anonymous", standsFor: [] },
    { actor: "owner", standsFor: [] },
  ];
  const byAnswer = new Map<Expectation, { actor: Actor; standsFor: Actor[] }>();
  for (const actor of ACTORS) {
    if (actor === "anonymous" || actor === "owner") continue;
    const group = byAnswer.get(expect[actor]);
    if (group) group.standsFor.push(actor);
    else {
      const entry = { actor, standsFor: [] as Actor[] };
      byAnswer.set(expect[actor], entry);
      chosen.push(entry);
    }
  }
  return chosen;
}

const roles: UserRole[] = ["user", "recruiter", "career_team", "moderator", "admin"];

async function fixturesFor(db: TestDatabase): Promise<MatrixFixtures> {
  const members: Record<string, Member> = {
    owner: await createMember(db.ctx, { role: "user", name: "Owner Member" }),
    other: await createMember(db.ctx, { role: "user", name: "Other Member" }),
  };
  for (const role of roles) members[role] = await createMember(db.ctx, { role, name: `The ${role}` });
  return members as unknown as MatrixFixtures;
}

const describeStatus = (expected: Expectation) => (expected === "login" ? "is sent to sign in" : `gets ${expected}`);

// Each request comes from its own address, so per-address rate limits never decide a row.
let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.77.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
};

/** The rows of part k of n: every n-th row from the k-th. */
export const rowsOfPart = ([k, n]: [number, number]) => matrixRows.filter((_, index) => index % n === k - 1);

/**
 * Declares the matrix on one database: every actor ("full") or one per class ("sample"). `part`
 * ([k, n]) takes every n-th row from the k-th (1-based), so the matrix spreads over n test files
 * that vitest runs side by side; together the parts hold every row once.
 */
export function describeMatrix(dialect: Dialect, mode: "full" | "sample", part: [number, number] = [1, 1]) {
  const [k, n] = part;
  const title = `route x role matrix [${dialect}]${mode === "sample" ? " (one actor of each class)" : ""}${n > 1 ? `, part ${k} of ${n}` : ""}`;
  // Without PostgreSQL the same tests are declared skipped, under a title with the reason.
  const describeHere = dialect === "pg" && pgSkipReason ? describe.skip : describe;
  describeHere(dialect === "pg" && pgSkipReason ? skippedPostgresTitle(title) : title, () => {
    for (const { file, row } of rowsOfPart(part)) {
      describe(`${row.method} ${row.name} (${file})`, () => {
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

        const actors = mode === "full" ? ACTORS.map((actor) => ({ actor, standsFor: [] as Actor[] })) : sampleActors(row.expect);
        for (const { actor, standsFor } of actors) {
          const expected = row.expect[actor];
          const also = standsFor.length ? ` (as ${standsFor.join(", ")} would)` : "";
          it(`${actor} ${describeStatus(expected)}${also}`, async () => {
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
