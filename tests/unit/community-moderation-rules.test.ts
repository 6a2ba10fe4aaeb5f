/** The pure rules of community membership and moderation (app/modules/communities/moderation-rules.ts). */
import { describe, expect, it } from "vitest";
import { decisionSummary, membershipChoice, type DecisionOutcome } from "../../app/modules/communities/moderation-rules";

const names = { member: (name: string | null) => name ?? "A member", moderator: (name: string | null) => name ?? "another moderator" };
const done = (id: string): DecisionOutcome => ({ membershipId: id, kind: "done", decision: "approve", memberName: `M${id}`, communityName: "C" });
const already = (id: string, by: string | null = "Rania"): DecisionOutcome => ({ membershipId: id, kind: "already", decision: "approve", by, memberName: `M${id}` });

describe("the membership a member is offered", () => {
  it("is ask for a stranger, withdraw while pending, leave for a member", () => {
    expect(membershipChoice({ membership: null, banned: false, creator: false })).toBe("ask");
    expect(membershipChoice({ membership: "pending", banned: false, creator: false })).toBe("withdraw");
    expect(membershipChoice({ membership: "approved", banned: false, creator: false })).toBe("leave");
  });

  it("is nothing to ask for a banned member, and no leaving for the creator", () => {
    expect(membershipChoice({ membership: null, banned: true, creator: false })).toBe("banned");
    expect(membershipChoice({ membership: "approved", banned: false, creator: true })).toBe("creator");
  });
});

describe("what a queue submit says", () => {
  it("names the member for one decision that landed", () => {
    expect(decisionSummary("approve", [done("1")], names)).toEqual({ message: "moderation.flash.approved", values: { name: "M1" }, kind: "success" });
    const declined: DecisionOutcome = { membershipId: "1", kind: "done", decision: "decline", memberName: null, communityName: "C" };
    expect(decisionSummary("decline", [declined], names)).toMatchObject({ message: "moderation.flash.declined", values: { name: "A member" } });
  });

  it("tells a second moderator who decided first, never an error", () => {
    expect(decisionSummary("decline", [already("1")], names)).toEqual({
      message: "moderation.flash.alreadyApproved",
      values: { name: "M1", by: "Rania" },
      kind: "info",
    });
    expect(decisionSummary("approve", [already("1", null)], names).values).toEqual({ name: "M1", by: "another moderator" });
  });

  it("counts a batch and what it skipped", () => {
    expect(decisionSummary("approve", [done("1"), done("2"), done("3")], names)).toEqual({
      message: "moderation.flash.bulkApproved",
      values: { count: 3, skipped: 0 },
      kind: "success",
    });
    expect(decisionSummary("approve", [done("1"), already("2"), { membershipId: "3", kind: "not_found" }], names)).toEqual({
      message: "moderation.flash.bulkApproved",
      values: { count: 1, skipped: 2 },
      kind: "info",
    });
    expect(decisionSummary("decline", [already("1"), already("2")], names).message).toBe("moderation.flash.noneDecided");
  });

  it("says a request is gone when it was withdrawn or is not the viewer's to decide", () => {
    expect(decisionSummary("approve", [{ membershipId: "1", kind: "not_found" }], names)).toEqual({ message: "moderation.flash.gone", kind: "error" });
  });
});
