/** The page-view beacon (issue 20): the same for every role; who is signed in only decides whose view it is. */
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;

// The matrix sends forms without an Origin header: a beacon needs this site's Origin (page-views.test.ts
// sends it and covers what a beacon records for a visitor and for a member).
export const rows: MatrixRow[] = [
  { name: "GET /analytics/beacon is not a page (405)", method: "GET", path: () => "/analytics/beacon", expect: everyone(405) },
  {
    name: "a time beacon without this site's Origin is refused (403)",
    method: "POST",
    path: () => "/analytics/beacon",
    form: () => ({ kind: "time", id: "3f0c9a52-8f7e-4c1b-9d2a-1b2c3d4e5f60", seconds: "5" }),
    expect: everyone(403),
  },
];
