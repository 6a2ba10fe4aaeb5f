/** The member view for admins, /admin/users/<id> (issue 20, item 5): admins only, the member themselves included. */
import type { MatrixRow } from "../route-matrix";

const adminsOnly = (adminStatus: number) =>
  ({ anonymous: "login", owner: 403, other: 403, user: 403, recruiter: 403, career_team: 403, moderator: 403, admin: adminStatus }) as const;

export const rows: MatrixRow[] = [
  { name: "admin member view", method: "GET", path: (fx) => `/admin/users/${fx.owner.id}`, expect: adminsOnly(200) },
  { name: "admin member view of an unknown member", method: "GET", path: () => "/admin/users/00000000-0000-4000-8000-000000000000", expect: adminsOnly(404) },
  { name: "admin member view with a broken page link", method: "GET", path: (fx) => `/admin/users/${fx.owner.id}?sessions=broken`, expect: adminsOnly(400) },
];
