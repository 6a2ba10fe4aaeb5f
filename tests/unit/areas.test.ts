/** The header's menu lists only the areas a visitor or a member of each role can open. */
import { describe, expect, it } from "vitest";
import { userRoles } from "../../db/enums";
import { promiseOf } from "../../app/lib/area-promises";
import { areas, currentAreaHref, findComingSoonArea, menuFor } from "../../app/lib/areas";

const labels = (role: string | null) => menuFor(role).map((area) => area.label);
const comingSoon = ["Skills", "Interviews"];
const everyMember = ["Home", "Jobs", "People", "Network", "Messages", "Coach", "Documents", "Applications", "Calendar", "Communities", "Feed"];

describe("menuFor", () => {
  it("offers a visitor only the pages open to everyone: home, jobs, communities, the feed and the areas coming soon", () => {
    expect(labels(null)).toEqual(["Home", "Jobs", "Communities", "Feed", ...comingSoon]);
  });

  it("offers a job seeker every member area, and neither hiring, review nor admin", () => {
    expect(labels("user")).toEqual([...everyMember, ...comingSoon]);
  });

  it("offers a moderator what a job seeker sees (moderation is not built yet)", () => {
    expect(labels("moderator")).toEqual(labels("user"));
  });

  it("adds Hiring for a recruiter, but not Review or Admin", () => {
    expect(labels("recruiter")).toEqual([...everyMember, "Hiring", ...comingSoon]);
  });

  it("adds Hiring and Review for the career team, but not Admin", () => {
    expect(labels("career_team")).toEqual([...everyMember, "Hiring", "Review", ...comingSoon]);
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
      expect(menu.slice(firstSoon).every((area) => !area.ready), String(role)).toBe(true);
    }
  });
});

describe("findComingSoonArea", () => {
  it("finds an area that is not built yet, and nothing for a built one or Home", () => {
    expect(findComingSoonArea("interviews")?.label).toBe("Interviews");
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
