/**
 * Every area's keyset cursors come from one factory (app/lib/cursor.server.ts): each kind signs
 * with its own key, each scope keeps one list's cursors from another's, and each area's payload
 * is checked on the way back.
 */
import { describe, expect, it } from "vitest";
import { createCursor, createPositionCursor } from "~/lib/cursor.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { hiringJobsCursor } from "~/modules/hiring/cursor.server";
import { jobCursor } from "~/modules/jobs/cursor.server";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { networkCursor } from "~/modules/network/cursor.server";

const id = "0b7c5c1e-3f1a-4c2b-9d7e-1a2b3c4d5e6f";
const at = Date.UTC(2026, 11, 5, 9, 30);

describe("keyset cursors from the one factory", () => {
  it("treats a missing cursor as the first page and a broken one as broken", () => {
    expect(adminCursor.from(null, "members")).toBeUndefined();
    expect(adminCursor.from("", "members")).toBeUndefined();
    expect(adminCursor.from("not-a-cursor", "members")).toBeNull();
  });

  it("round-trips each area's position", () => {
    expect(adminCursor.from(adminCursor.to({ at, id }, "members"), "members")).toEqual({ at, id });
    expect(jobCursor.from(jobCursor.to({ at, id: "imported:42/x" }, "remote"), "remote")).toEqual({ at, id: "imported:42/x" });
    const posting = { at, jobId: "job-1", feed: "part-time" as const };
    expect(postingCursor.from(postingCursor.to(posting, "review"), "review")).toEqual(posting);
    const hiring = { at, feed: "general" as const, jobId: "job-2" };
    expect(hiringJobsCursor.from(hiringJobsCursor.to(hiring, "jobs"), "jobs")).toEqual(hiring);
  });

  it("refuses a cursor of another list of the same kind, and one of another kind", () => {
    expect(jobCursor.from(jobCursor.to({ at, id: "j" }, "general"), "remote")).toBeNull();
    expect(networkCursor.from(adminCursor.to({ at, id }, "members"), "people")).toBeNull();
    // The same scope name under another kind's key is still refused.
    const other = createPositionCursor<"members">("someone-else");
    expect(adminCursor.from(other.to({ at, id }, "members"), "members")).toBeNull();
  });

  it("refuses any one changed character", () => {
    const cursor = postingCursor.to({ at, jobId: "job-1", feed: "general" }, "my-posts");
    for (let i = 0; i < cursor.length; i++) {
      const changed = cursor.slice(0, i) + (cursor[i] === "A" ? "B" : "A") + cursor.slice(i + 1);
      expect(postingCursor.from(changed, "my-posts"), `changed at ${i}`).toBeNull();
    }
  });

  it("refuses a correctly signed payload that the area cannot read", () => {
    const raw = createCursor<string, "jobs">({ name: "hiring", encode: (text) => text, decode: (text) => text });
    expect(hiringJobsCursor.from(raw.to('[1, 99, "job"]', "jobs"), "jobs")).toBeNull();
    expect(hiringJobsCursor.from(raw.to("not json", "jobs"), "jobs")).toBeNull();
    const jobs = createCursor<string, "general">({ name: "jobs", encode: (text) => text, decode: (text) => text });
    expect(jobCursor.from(jobs.to(`[${at}, ""]`, "general"), "general")).toBeNull();
    expect(jobCursor.from(jobs.to(`[${at}, "${"x".repeat(40)}"]`, "general"), "general")).toBeNull();
  });
});
