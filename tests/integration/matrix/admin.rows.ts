/** Admin pages (admins only) and the public sign-up forms (everyone). */
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const adminsOnly = (adminStatus: number) => ({ ...everyone(403), anonymous: "login" as const, admin: adminStatus });

export const rows: MatrixRow[] = [
  { name: "admin overview", method: "GET", path: () => "/admin", expect: adminsOnly(200) },
  { name: "admin members list", method: "GET", path: () => "/admin/users", expect: adminsOnly(200) },
  { name: "admin members search", method: "GET", path: () => "/admin/users?q=member", expect: adminsOnly(200) },
  { name: "admin role page of a member", method: "GET", path: (fx) => `/admin/users/${fx.owner.id}/role`, expect: adminsOnly(200) },
  {
    name: "change a member's role",
    method: "POST",
    path: (fx) => `/admin/users/${fx.owner.id}/role`,
    form: () => ({ role: "recruiter" }),
    expect: adminsOnly(302),
  },
  {
    name: "an admin removing their own admin role",
    method: "POST",
    path: (fx) => `/admin/users/${fx.admin.id}/role`,
    form: () => ({ role: "user" }),
    expect: adminsOnly(400),
  },
  { name: "admin premium sign-ups", method: "GET", path: () => "/admin/premium", expect: adminsOnly(200) },
  { name: "admin API sign-ups", method: "GET", path: () => "/admin/api-access", expect: adminsOnly(200) },
  { name: "premium sign-ups CSV", method: "GET", path: () => "/admin/premium.csv", expect: adminsOnly(200) },
  { name: "API sign-ups CSV", method: "GET", path: () => "/admin/api-access.csv", expect: adminsOnly(200) },
  { name: "premium form", method: "GET", path: () => "/premium", expect: everyone(200) },
  { name: "premium thank-you page", method: "GET", path: () => "/premium/thanks", expect: everyone(200) },
  // Empty forms: every actor reaches the action (CSRF passes, no login needed) and gets the 400 form
  // page. A good form is not used here: all actors share one address, and the 6th in an hour gets 429.
  { name: "premium form sent empty", method: "POST", path: () => "/premium", form: () => ({}), expect: everyone(400) },
  { name: "API access form", method: "GET", path: () => "/api-access", expect: everyone(200) },
  { name: "API access thank-you page", method: "GET", path: () => "/api-access/thanks", expect: everyone(200) },
  { name: "API access form sent empty", method: "POST", path: () => "/api-access", form: () => ({}), expect: everyone(400) },
];
