import { describe, expect, it } from "vitest";
import { ACTIVITY_CATEGORIES, ACTIVITY_TYPES, CATALOG_LIMITS, activityType } from "../../db/activity-catalog";

describe("the activity catalog", () => {
  it("has category names that fit activity_categories.name and are unique", () => {
    const names = ACTIVITY_CATEGORIES.map((c) => c.name);
    expect(names.filter((n) => n.length > CATALOG_LIMITS.category)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("has type names that fit activity_types.name and feature_usage.action, unique, and features that fit feature_name", () => {
    const names = ACTIVITY_TYPES.map((t) => t.name);
    expect(names.filter((n) => n.length > CATALOG_LIMITS.type)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(ACTIVITY_TYPES.filter((t) => t.feature.length > CATALOG_LIMITS.feature).map((t) => t.name)).toEqual([]);
  });

  it("puts every type in a category of the catalog", () => {
    const categories = new Set<string>(ACTIVITY_CATEGORIES.map((c) => c.name));
    expect(ACTIVITY_TYPES.filter((t) => !categories.has(t.category)).map((t) => t.name)).toEqual([]);
  });

  it("names in snake case only, so a type is safe in an element id and a URL fragment", () => {
    expect(ACTIVITY_TYPES.map((t) => t.name).filter((n) => !/^[a-z][a-z_]*$/.test(n))).toEqual([]);
  });

  it("marks the account and audit events as security types, and the anonymous feed's as day-only", () => {
    expect(activityType("sign_in")?.security).toBe(true);
    expect(activityType("referral_sign_up")?.security).toBe(true);
    expect(activityType("message_sent")?.security).toBe(false);
    expect(ACTIVITY_TYPES.filter((t) => t.dayOnly).map((t) => t.name).sort()).toEqual(["feed_comment_liked", "feed_comment_written", "feed_post_liked", "feed_post_written"]);
    expect(activityType("no_such_type")).toBeUndefined();
  });
});
