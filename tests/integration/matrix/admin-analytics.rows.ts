/** The analytics dashboard and its CSV exports (issue 20): admins only. */
import type { MatrixRow } from "../route-matrix";

const adminsOnly = (adminStatus: number) =>
  ({ anonymous: "login", owner: 403, other: 403, user: 403, recruiter: 403, career_team: 403, moderator: 403, admin: adminStatus }) as const;

const EXPORTS = ["tiles", "daily", "pages", "referrers", "devices", "browsers", "systems", "features", "funnel"];

export const rows: MatrixRow[] = [
  { name: "analytics dashboard", method: "GET", path: () => "/admin/analytics", expect: adminsOnly(200) },
  { name: "analytics dashboard, 90 days", method: "GET", path: () => "/admin/analytics?days=90", expect: adminsOnly(200) },
  { name: "analytics dashboard, a bad custom period", method: "GET", path: () => "/admin/analytics?from=2026-02-30&to=2026-03-01", expect: adminsOnly(400) },
  ...EXPORTS.map((table): MatrixRow => ({ name: `analytics ${table} CSV`, method: "GET", path: () => `/admin/analytics/export/${table}.csv?days=7`, expect: adminsOnly(200) })),
];
