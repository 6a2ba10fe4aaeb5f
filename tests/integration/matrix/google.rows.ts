import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;

// The matrix runs with whatever GOOGLE_CLIENT_ID the test process has (usually none); these
// answers hold either way. tests/integration/google.test.ts covers the round trip, and a POST
// without the CSRF token (403), which the matrix runner always adds.
export const rows: MatrixRow[] = [
  // Anonymous: to the provider (or /login when Google is off); members: home. Always a redirect.
  { name: "Sign in with Google (with the CSRF token)", method: "POST", path: () => "/auth/google", form: () => ({ redirectTo: "/" }), expect: everyone(302) },
  { name: "GET /auth/google changes nothing (to /login)", method: "GET", path: () => "/auth/google", expect: everyone("login") },
  { name: "Google callback without state (to /login?google=failed)", method: "GET", path: () => "/auth/google/callback", expect: everyone("login") },
];
