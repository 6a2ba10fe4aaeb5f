/** The header's menu lists only the areas a visitor or a member of each role can open. */
import { describe, expect, it } from "vitest";
import { userRoles } from "../../db/enums";
import { promiseOf } from "../../app/lib/area-promises";
import { areas, currentAreaHref, findComingSoonArea, menuFor } from "../../app/lib/areas";

const labels = (role: string | null) => menuFor(role).map((area) => area.label);
// Built last, open to everyone (visitors too), at the end of the menu.
const openToAll = ["Skills", "Interviews"];
const everyMember = ["Home", "Jobs", "People", "Network", "Messages", "Coach", "Documents", "Applications", "Calendar", "Communities", "Feed"];

describe("menuFor", () => {
  it("offers a visitor only the pages open to everyone: home, jobs, communities, the feed, skills and interviews", () => {
    expect(labels(null)).toEqual(["Home", "Jobs", "Communities", "Feed", ...openToAll]);
  });

  it("offers a job seeker every member area, and neither hiring, review nor admin", () => {
    expect(labels("user")).toEqual([...everyMember, ...openToAll]);
  });

  it("offers a moderator what a job seeker sees (moderation is not built yet)", () => {
    expect(labels("moderator")).toEqual(labels("user"));
  });

  it("adds Hiring for a recruiter, but not Review or Admin", () => {
    expect(labels("recruiter")).toEqual([...everyMember, "Hiring", ...openToAll]);
  });

  it("adds Hiring and Review for the career team, but not Admin", () => {
    expect(labels("career_team")).toEqual([...everyMember, "Hiring", "Review", ...openToAll]);
  });

  it("offers an admin every area", () => {
    expect(labels("admin")).toEqual(areas.map((area) => area.label));
  });

  it("treats a role it does not know as a plain member's, never as staff", () => {
    expect(labels("superuser")).toEqual(labels("user"));
  });

  it("shows Admin to admins only, whatever the role", () => {
    for (const role of userRoles) expect(labels(role).includes("Admin"), role).toBe(role === "admin");
  });

  it("keeps the menu's order: the areas that are built first, in the order of the list", () => {
    for (const role of [null, ...userRoles]) {
      const menu = menuFor(role);
      const firstSoon = menu.findIndex((area) => !area.ready);
      const soon = firstSoon === -1 ? [] : menu.slice(firstSoon);
      expect(soon.every((area) => !area.ready), String(role)).toBe(true);
    }
  });
});

describe("findComingSoonArea", () => {
  it("finds nothing for a built area (every area is built since Interviews, issue 19), Home or an unknown slug", () => {
    expect(areas.every((area) => area.ready)).toBe(true);
    expect(findComingSoonArea("interviews")).toBeUndefined();
    expect(findComingSoonArea("no-such-area")).toBeUndefined();
    expect(findComingSoonArea("skills")).toBeUndefined();
    expect(findComingSoonArea("jobs")).toBeUndefined();
    expect(findComingSoonArea("")).toBeUndefined();
  });
});

describe("currentAreaHref", () => {
  const staffMenu = menuFor("career_team");

  it("marks only Review on the review page, though its address is inside Jobs", () => {
    expect(currentAreaHref("/jobs/review", staffMenu)).toBe("/jobs/review");
    expect(currentAreaHref("/jobs/review/general/42", staffMenu)).toBe("/jobs/review");
  });

  it("marks Jobs on a job page and on the jobs list", () => {
    expect(currentAreaHref("/jobs", staffMenu)).toBe("/jobs");
    expect(currentAreaHref("/jobs/general/42", staffMenu)).toBe("/jobs");
    expect(currentAreaHref("/jobs/reviewed", staffMenu)).toBe("/jobs");
  });

  it("marks Home only on the home page itself, and nothing on a page outside every area", () => {
    expect(currentAreaHref("/", staffMenu)).toBe("/");
    expect(currentAreaHref("/settings/profile", staffMenu)).toBeNull();
  });
});

describe("promiseOf", () => {
  it("tells what every area but Home will do, for its coming-soon page", () => {
    for (const area of areas.filter((area) => area.slug !== "")) expect(promiseOf(area.slug), area.slug).not.toBe("");
  });
});
