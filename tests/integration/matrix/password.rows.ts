/** Password reset, changing the password, and the development outbox. */
import crypto from "node:crypto";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

export const rows: MatrixRow[] = [
  { name: "forgot-password page", method: "GET", path: () => "/forgot-password", expect: everyone(200) },
  {
    name: "ask for a reset link",
    method: "POST",
    path: () => "/forgot-password",
    // A new address per request: the limit of 3 per address and hour is tested in password-reset.test.ts.
    form: () => ({ email: `matrix-${crypto.randomUUID()}@example.com` }),
    expect: everyone(302),
  },
  { name: "reset page with an unknown link", method: "GET", path: () => "/reset-password/x", expect: everyone(410) },
  {
    name: "reset with an unknown link",
    method: "POST",
    path: () => `/reset-password/${"A".repeat(43)}`,
    form: () => ({ password: "a long enough new passphrase" }),
    expect: everyone(410),
  },
  { name: "change-password page", method: "GET", path: () => "/settings/password", expect: signedIn(200) },
  {
    name: "change password with a wrong current password",
    method: "POST",
    path: () => "/settings/password",
    form: () => ({ current_password: "not the current password", new_password: "a long enough new passphrase" }),
    expect: signedIn(400),
  },
  { name: "development outbox (development only)", method: "GET", path: () => "/dev/outbox", expect: everyone(404) },
];
