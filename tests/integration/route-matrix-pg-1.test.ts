/** The route x role matrix on PostgreSQL: the visitor, the owner and one actor of each class (see route-matrix.ts), a third of the rows (the rest: route-matrix-pg-2 and -3). */
import { expect, it } from "vitest";
import { describeMatrix, matrixRows, sampleActors } from "./route-matrix";

it("a sampled row asks the visitor, the owner and one actor for each different answer", () => {
  const row = matrixRows.find((r) => new Set(Object.values(r.row.expect)).size >= 3)!.row;
  const sample = sampleActors(row.expect);
  expect(sample.slice(0, 2).map((s) => s.actor)).toEqual(["anonymous", "owner"]);
  const others = sample.slice(2);
  const answers = others.map((s) => row.expect[s.actor]);
  expect(new Set(answers).size).toBe(answers.length);
  const covered = others.flatMap((s) => [s.actor, ...s.standsFor]).sort();
  expect(covered).toEqual(["admin", "career_team", "moderator", "other", "recruiter", "user"]);
  for (const s of others) for (const a of s.standsFor) expect(row.expect[a]).toBe(row.expect[s.actor]);
});

describeMatrix("pg", "sample", [1, 3]);
