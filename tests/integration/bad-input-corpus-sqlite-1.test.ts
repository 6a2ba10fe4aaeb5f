/** The bad-input corpus on SQLite, first third of the POST routes (see corpus/describe-corpus.ts; the rest: bad-input-corpus-sqlite-2 and -3). */
import { expect, it } from "vitest";
import { unfillableRoutes } from "./corpus/routes";
import { describeCorpus, ROUTES, routesOfPart } from "./corpus/describe-corpus";

it("every route file with an action is in the corpus with a URL it can fill", () => {
  expect(ROUTES.length).toBeGreaterThan(80);
  expect(unfillableRoutes(ROUTES)).toEqual([]);
});

it("the parts of the corpus hold every route exactly once", () => {
  const parts = [1, 2, 3].map((k) => routesOfPart([k, 3]));
  expect(parts.flat().length).toBe(ROUTES.length);
  expect(new Set(parts.flat()).size).toBe(ROUTES.length);
});

describeCorpus("sqlite", [1, 3]);
