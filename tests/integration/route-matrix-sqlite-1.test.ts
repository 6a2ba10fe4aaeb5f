/** The route x role matrix on SQLite: every actor, first half of the rows (see route-matrix.ts; the rest: route-matrix-sqlite-2). */
import { expect, it } from "vitest";
import { describeMatrix, matrixRows, rowsOfPart } from "./route-matrix";

it("the matrix has rows from every area file", () => {
  expect(new Set(matrixRows.map((r) => r.file)).size).toBeGreaterThanOrEqual(16);
});

it("the parts of a split matrix hold every row exactly once", () => {
  for (const n of [2, 3]) {
    const parts = Array.from({ length: n }, (_, i) => rowsOfPart([i + 1, n]));
    expect(parts.flat().length).toBe(matrixRows.length);
    expect(new Set(parts.flat()).size).toBe(matrixRows.length);
  }
});

describeMatrix("sqlite", "full", [1, 2]);
