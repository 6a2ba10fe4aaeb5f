import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "~/lib/cursor";

const key = "a-test-key";
const id = "0b7c5c1e-3f1a-4c2b-9d7e-1a2b3c4d5e6f";

describe("keyset cursors of the admin lists", () => {
  it("round-trips a position with a date and one without", () => {
    const at = Date.UTC(2026, 10, 26, 9, 30, 15, 123);
    expect(decodeCursor(encodeCursor({ at, id }, key, "members"), key, "members")).toEqual({ at, id });
    expect(decodeCursor(encodeCursor({ at: null, id }, key, "members"), key, "members")).toEqual({ at: null, id });
  });

  it("is opaque: the cursor does not show the id or the date in plain text", () => {
    const cursor = encodeCursor({ at: 1_700_000_000_000, id }, key, "members");
    expect(cursor).not.toContain(id);
    expect(cursor).not.toContain("1700000000000");
    expect(cursor).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it("refuses a cursor with any one character changed", () => {
    const cursor = encodeCursor({ at: 1_700_000_000_000, id }, key, "members");
    for (let i = 0; i < cursor.length; i++) {
      const changed = cursor.slice(0, i) + (cursor[i] === "A" ? "B" : "A") + cursor.slice(i + 1);
      expect(decodeCursor(changed, key, "members"), `changed at ${i}`).toBeNull();
    }
  });

  it("refuses a well-formed cursor made without the key", () => {
    const forged = encodeCursor({ at: 1, id }, "someone-elses-key", "members");
    expect(decodeCursor(forged, key, "members")).toBeNull();
  });

  it("refuses a cursor of another list", () => {
    const cursor = encodeCursor({ at: 1_700_000_000_000, id }, key, "premium");
    expect(decodeCursor(cursor, key, "members")).toBeNull();
  });

  it("refuses garbage of every shape", () => {
    for (const junk of ["", ".", "abc", "abc.", ".abc", "!!!.abc", "a".repeat(500), "bm90LWEtY3Vyc29y.AAAAAAAAAAAAAAAA", "%00.%00"]) {
      expect(decodeCursor(junk, key, "members"), JSON.stringify(junk.slice(0, 30))).toBeNull();
    }
  });
});
