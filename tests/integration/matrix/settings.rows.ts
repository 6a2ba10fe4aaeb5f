/** Your sessions and deleting your account: only for the signed-in member, about themselves. */
import { hashToken, newToken } from "../../../app/modules/accounts/sessions.server";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number | "login") =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

export const rows: MatrixRow[] = [
  { name: "sessions page", method: "GET", path: () => "/settings/sessions", expect: signedIn(200) },
  {
    name: "end all other sessions",
    method: "POST",
    path: () => "/settings/sessions",
    form: () => ({ intent: "end-others" }),
    expect: signedIn(302),
  },
  {
    name: "end the owner's second session",
    method: "POST",
    path: () => "/settings/sessions",
    // A second session of the owner: only the owner may end it; for everyone else its id matches nothing.
    setup: async (ctx, fx) => {
      const [row] = await ctx.db
        .insert(ctx.t.user_sessions)
        .values({ user_id: fx.owner.id, session_token: hashToken(newToken()), is_active: true })
        .returning({ id: ctx.t.user_sessions.id });
      return { ownersSecondSession: row.id };
    },
    form: (fx) => ({ intent: "end", sessionId: String(fx.ownersSecondSession) }),
    expect: { ...signedIn(400), owner: 302 },
  },
  { name: "delete-account page", method: "GET", path: () => "/settings/delete", expect: signedIn(200) },
  {
    name: "delete account with a wrong password",
    method: "POST",
    path: () => "/settings/delete",
    form: () => ({ password: "not the password at all", confirm: "yes" }),
    expect: signedIn(400),
  },
];
