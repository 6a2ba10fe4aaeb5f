import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const visitorsOnly = { ...everyone(302), anonymous: 200 };

export const rows: MatrixRow[] = [
  { name: "home page", method: "GET", path: () => "/", expect: everyone(200) },
  { name: "health check", method: "GET", path: () => "/healthz", expect: everyone(200) },
  { name: "readiness check", method: "GET", path: () => "/readyz", expect: everyone(200) },
  { name: "a coming-soon area", method: "GET", path: () => "/feed", expect: everyone(200) },
  { name: "an unknown page", method: "GET", path: () => "/no-such-page", expect: everyone(404) },
  { name: "sign-in page (signed-in members go home)", method: "GET", path: () => "/login", expect: visitorsOnly },
  { name: "sign-up page (signed-in members go home)", method: "GET", path: () => "/signup", expect: visitorsOnly },
  // Decision 054: the same answers for everyone, whoever asks and whatever the address.
  { name: "sign-up's check-your-inbox page", method: "GET", path: () => "/signup/confirm?email=matrix%40example.com", expect: everyone(200) },
  {
    name: "sign-up confirmation with a wrong code",
    method: "POST",
    path: () => "/signup/confirm",
    form: () => ({ intent: "code", email: "matrix@example.com", code: "000000" }),
    expect: everyone(400),
  },
  { name: "sign-up confirmation page with an unknown link", method: "GET", path: () => "/signup/confirm/x", expect: everyone(410) },
  { name: "sign-up confirmation with an unknown link", method: "POST", path: () => `/signup/confirm/${"A".repeat(43)}`, expect: everyone(410) },
  { name: "lite mode page", method: "GET", path: () => "/settings/lite", expect: everyone(200) },
  { name: "lite mode switch", method: "POST", path: () => "/settings/lite", form: () => ({ lite: "1", redirectTo: "/" }), expect: everyone(302) },
  { name: "sign out", method: "POST", path: () => "/logout", expect: everyone(302) },
  { name: "settings start page", method: "GET", path: () => "/settings", expect: signedIn(302) },
];
