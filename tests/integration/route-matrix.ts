/**
 * The route x role matrix: who may read and change what. Each area lists its routes in
 * tests/integration/matrix/<area>.rows.ts; route-matrix.test.ts runs every row for every actor
 * on both databases, through the real app.
 */
import type { Ctx } from "../../db/client";
import type { Member } from "../support/app";

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
