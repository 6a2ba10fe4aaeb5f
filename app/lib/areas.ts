/** The areas in the header. `ready: false` areas answer with an honest "coming soon" page. */
export interface Area {
  slug: string;
  label: string;
  href: string;
  ready: boolean;
  /** What the area will do, shown on its coming-soon page. */
  promise: string;
}

export const areas: Area[] = [
  { slug: "", label: "Home", href: "/", ready: true, promise: "" },
  { slug: "network", label: "Network", href: "/network", ready: true, promise: "Find people, send and answer connection requests, and see who you know." },
  { slug: "messages", label: "Messages", href: "/messages", ready: true, promise: "Private conversations with your connections, light enough for a 2G link." },
  { slug: "coach", label: "Coach", href: "/coach", ready: true, promise: "An AI career coach that answers with or without JavaScript: 7 messages a day." },
  { slug: "feed", label: "Feed", href: "/feed", ready: false, promise: "Anonymous workplace talk: ask about a company's culture without your name on it." },
  { slug: "jobs", label: "Jobs", href: "/jobs", ready: true, promise: "Jobs across MENA and India, alumni posts from the career team, and applications with your CV." },
  { slug: "skills", label: "Skills", href: "/skills", ready: false, promise: "Short multiple-choice tests that show your best score per skill." },
  { slug: "interviews", label: "Interviews", href: "/interviews", ready: false, promise: "One mock interview a day, with feedback on every answer." },
  { slug: "communities", label: "Communities", href: "/communities", ready: false, promise: "Groups with moderated membership, events and updates." },
  { slug: "calendar", label: "Calendar", href: "/calendar", ready: true, promise: "Your weekly availability, and a time that suits both of you." },
  { slug: "admin", label: "Admin", href: "/admin", ready: true, promise: "Members, roles, sign-ups and the numbers behind Ladder, for staff." },
];

export function findComingSoonArea(slug: string): Area | undefined {
  return areas.find((area) => area.slug === slug && !area.ready && area.slug !== "");
}
