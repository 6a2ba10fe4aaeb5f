/** The activity tracking page (admins only): read it, switch a type, and the refused switches. */
import type { MatrixRow } from "../route-matrix";

const adminsOnly = (adminStatus: number) =>
  ({ anonymous: "login", owner: 403, other: 403, user: 403, recruiter: 403, career_team: 403, moderator: 403, admin: adminStatus }) as const;

export const rows: MatrixRow[] = [
  { name: "admin activity tracking", method: "GET", path: () => "/admin/analytics/tracking", expect: adminsOnly(200) },
  // "on" for a type that is on: the admin gets the same redirect, and no other row's type changes.
  {
    name: "switch an activity type on",
    method: "POST",
    path: () => "/admin/analytics/tracking",
    form: () => ({ type: "archive_exported", tracked: "on" }),
    expect: adminsOnly(302),
  },
  {
    name: "switch off a security activity type",
    method: "POST",
    path: () => "/admin/analytics/tracking",
    form: () => ({ type: "sign_in", tracked: "off" }),
    expect: adminsOnly(400),
  },
  {
    name: "switch an unknown activity type",
    method: "POST",
    path: () => "/admin/analytics/tracking",
    form: () => ({ type: "no_such_type", tracked: "off" }),
    expect: adminsOnly(400),
  },
];
