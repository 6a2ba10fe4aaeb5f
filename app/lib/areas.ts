/**
 * The areas of Ladder, in the order of the header's menu. `ready: false` areas answer with an
 * honest "coming soon" page. Pure: the header, its tests and the coming-soon route share it.
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
  /** What the area will do, shown on its coming-soon page. */
  promise: string;
  audience: Audience;
  /** Also shown inline in the header's single row on wide screens: from md (768 px) or lg (1024 px). */
  inline?: "md" | "lg";
}

export const areas: Area[] = [
  { slug: "", label: "Home", href: "/", ready: true, promise: "", audience: "everyone" },
  { slug: "jobs", label: "Jobs", href: "/jobs", ready: true, promise: "Jobs across MENA and India, alumni posts from the career team, and applications with your CV.", audience: "everyone", inline: "md" },
  { slug: "people", label: "People", href: "/people", ready: true, promise: "Find members by name, headline or skill.", audience: "member", inline: "md" },
  { slug: "network", label: "Network", href: "/network", ready: true, promise: "Find people, send and answer connection requests, and see who you know.", audience: "member", inline: "md" },
  { slug: "messages", label: "Messages", href: "/messages", ready: true, promise: "Private conversations with your connections, light enough for a 2G link.", audience: "member" },
  { slug: "coach", label: "Coach", href: "/coach", ready: true, promise: "An AI career coach that answers with or without JavaScript: 7 messages a day.", audience: "member", inline: "md" },
  { slug: "documents", label: "Documents", href: "/documents", ready: true, promise: "Cover letters, CVs and plans, with versions and the coach's suggestions.", audience: "member" },
  { slug: "applications", label: "Applications", href: "/applications", ready: true, promise: "The jobs you applied to, their status and your interview rounds.", audience: "member" },
  { slug: "calendar", label: "Calendar", href: "/calendar", ready: true, promise: "Your weekly availability, and a time that suits both of you.", audience: "member", inline: "md" },
  { slug: "hiring", label: "Hiring", href: "/hiring", ready: true, promise: "Your jobs' applications and interview rounds.", audience: "hiring", inline: "lg" },
  { slug: "review", label: "Review", href: "/jobs/review", ready: true, promise: "Members' job posts waiting for the career team.", audience: "staff", inline: "lg" },
  { slug: "admin", label: "Admin", href: "/admin", ready: true, promise: "Members, roles, sign-ups and the numbers behind Ladder, for staff.", audience: "admin", inline: "lg" },
  { slug: "feed", label: "Feed", href: "/feed", ready: false, promise: "Anonymous workplace talk: ask about a company's culture without your name on it.", audience: "everyone" },
  { slug: "skills", label: "Skills", href: "/skills", ready: false, promise: "Short multiple-choice tests that show your best score per skill.", audience: "everyone" },
  { slug: "interviews", label: "Interviews", href: "/interviews", ready: false, promise: "One mock interview a day, with feedback on every answer.", audience: "everyone" },
  { slug: "communities", label: "Communities", href: "/communities", ready: false, promise: "Groups with moderated membership, events and updates.", audience: "everyone" },
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
