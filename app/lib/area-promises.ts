/**
 * What each area of app/lib/areas.ts will do, shown on its coming-soon page. Kept apart from the
 * header's list so that the browser never downloads it: only the coming-soon route's loader
 * (server code) and the tests read it.
 */
const PROMISES: Record<string, string> = {
  jobs: "Jobs across MENA and India, alumni posts from the career team, and applications with your CV.",
  people: "Find members by name, headline or skill.",
  network: "Find people, send and answer connection requests, and see who you know.",
  messages: "Private conversations with your connections, light enough for a 2G link.",
  coach: "An AI career coach that answers with or without JavaScript: 7 messages a day.",
  documents: "Cover letters, CVs and plans, with versions and the coach's suggestions.",
  applications: "The jobs you applied to, their status and your interview rounds.",
  calendar: "Your weekly availability, and a time that suits both of you.",
  hiring: "Your jobs' applications and interview rounds.",
  review: "Members' job posts waiting for the career team.",
  admin: "Members, roles, sign-ups and the numbers behind Ladder, for staff.",
  feed: "Anonymous workplace talk: ask about a company's culture without your name on it.",
  skills: "Short multiple-choice tests that show your best score per skill.",
  interviews: "One mock interview a day, with feedback on every answer.",
  communities: "Groups with moderated membership, events and updates.",
};

export const promiseOf = (slug: string): string => PROMISES[slug] ?? "";
