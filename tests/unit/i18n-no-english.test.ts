/**
 * No page writes English into its code (decision 040): every word a reader sees comes from the
 * catalogs, so Arabic and Hindi readers get their language everywhere. The finder is
 * tests/support/english-left.ts (run it with tsx to list what is left, file by file).
 */
import { describe, expect, it } from "vitest";
import { englishIn, pageFiles } from "../support/english-left";

describe("pages in three languages", () => {
  it("no route or component writes English text into the page", () => {
    const left = pageFiles().flatMap((file) => englishIn(file).map(({ line, text }) => `${file}:${line} ${text}`));
    expect(left).toEqual([]);
  });
});
