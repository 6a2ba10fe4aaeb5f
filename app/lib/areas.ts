/**
 * The areas of Ladder, in the order of the header's menu. `ready: false` areas answer with an
 * honest "coming soon" page. Pure: the header, its tests and the coming-soon route share it.
 * What each area will do is in app/lib/area-promises.ts, which only the coming-soon route's loader
 * reads: the header ships with every page, the promises with none (issue 12).
 */

/**
 * Who may open an area: everyone (visitors too), every signed-in member, the hiring side
 * (recruiters, career team, admins), the career team (and admins), or admins only.
 */
export type Audience = "everyone" | "member" | "hiring" | "staff" | "admin";

export interface Area {
  slug: string;
  label: string;
  href: string;
  ready: boolean;
  audience: Audience;
  /** Also shown inline in the header's single row on wide screens: from md (768 px) or lg (1024 px). */
  inline?: "md" | "lg";
}

export const areas: Area[] = [
  { slug: "", label: "Home", href: "/", ready: true, audience: "everyone" },
  { slug: "jobs", label: "Jobs", href: "/jobs", ready: true, audience: "everyone", inline: "md" },
  { slug: "people", label: "People", href: "/people", ready: true, audience: "member", inline: "md" },
  { slug: "network", label: "Network", href: "/network", ready: true, audience: "member", inline: "md" },
  { slug: "messages", label: "Messages", href: "/messages", ready: true, audience: "member" },
  { slug: "coach", label: "Coach", href: "/coach", ready: true, audience: "member", inline: "md" },
  { slug: "documents", label: "Documents", href: "/documents", ready: true, audience: "member" },
  { slug: "applications", label: "Applications", href: "/applications", ready: true, audience: "member" },
  { slug: "calendar", label: "Calendar", href: "/calendar", ready: true, audience: "member", inline: "md" },
  { slug: "communities", label: "Communities", href: "/communities", ready: true, audience: "everyone" },
  { slug: "feed", label: "Feed", href: "/feed", ready: true, audience: "everyone" },
  { slug: "hiring", label: "Hiring", href: "/hiring", ready: true, audience: "hiring", inline: "lg" },
  { slug: "review", label: "Review", href: "/jobs/review", ready: true, audience: "staff", inline: "lg" },
  { slug: "admin", label: "Admin", href: "/admin", ready: true, audience: "admin", inline: "lg" },
  { slug: "skills", label: "Skills", href: "/skills", ready: true, audience: "everyone" },
  { slug: "interviews", label: "Interviews", href: "/interviews", ready: true, audience: "everyone" },
];

/** The audiences a role belongs to; `null` is a visitor. Unknown roles get a member's. */
export function audiencesOf(role: string | null): ReadonlySet<Audience> {
  if (role === null) return new Set(["everyone"]);
  const audiences = new Set<Audience>(["everyone", "member"]);
  if (role === "recruiter" || role === "career_team" || role === "admin") audiences.add("hiring");
  if (role === "career_team" || role === "admin") audiences.add("staff");
  if (role === "admin") audiences.add("admin");
  return audiences;
}

/** The areas the menu lists for `role` (`null`: a visitor): only what they can open. */
export function menuFor(role: string | null): Area[] {
  const audiences = audiencesOf(role);
  return areas.filter((area) => audiences.has(area.audience));
}

export function findComingSoonArea(slug: string): Area | undefined {
  return areas.find((area) => area.slug === slug && !area.ready && area.slug !== "");
}

/**
 * The area a page belongs to: the one whose link is the longest prefix of its path, so
 * "/jobs/review" is Review alone, not Review and Jobs. "/" is only the home page itself.
 */
export function currentAreaHref(pathname: string, menu: Pick<Area, "href">[]): string | null {
  let best: string | null = null;
  for (const { href } of menu) {
    const inside = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (inside && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
