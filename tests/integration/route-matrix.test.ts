/** The route x role matrix on SQLite: every row, every actor (see route-matrix.ts). */
import { expect, it } from "vitest";
import { describeMatrix, matrixRows } from "./route-matrix";

it("the matrix has rows from every area file", () => {
  expect(new Set(matrixRows.map((r) => r.file)).size).toBeGreaterThanOrEqual(16);
});

describeMatrix("sqlite", "full");
