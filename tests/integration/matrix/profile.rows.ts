import { eq } from "drizzle-orm";
import { randomKey, storage } from "../../../app/services/storage.server";
import { pngBytes } from "../../support/images";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

export const rows: MatrixRow[] = [
  { name: "edit own profile page", method: "GET", path: () => "/settings/profile", expect: signedIn(200) },
  {
    name: "save own profile basics (only ever the signed-in member's)",
    method: "POST",
    path: () => "/settings/profile",
    form: () => ({ intent: "basics", name: "Matrix Name" }),
    expect: signedIn(302),
  },
  { name: "edit own education page", method: "GET", path: () => "/settings/profile/education", expect: signedIn(200) },
  {
    name: "save own skills",
    method: "POST",
    path: () => "/settings/profile/skills",
    form: () => ({ intent: "skills", "skills.0.skill": "SQL" }),
    expect: signedIn(302),
  },
  { name: "a member's public profile", method: "GET", path: (fx) => `/u/${fx.owner.id}`, expect: everyone(200) },
  { name: "a public profile that does not exist", method: "GET", path: () => "/u/0b6c9a4e-3d5f-4c1a-9e2b-7f8d6a5c4b3a", expect: everyone(404) },
  { name: "a public profile with a malformed id", method: "GET", path: () => "/u/not-a-uuid", expect: everyone(404) },
  {
    name: "a member's profile photo",
    method: "GET",
    path: (fx) => `/avatars/${fx.avatarKey as string}`,
    setup: async (ctx, fx) => {
      const avatarKey = randomKey("avatar", "png");
      await storage().put(avatarKey, pngBytes(2, 2), "image/png");
      await ctx.db.update(ctx.t.User).set({ avatarUrl: `/avatars/${avatarKey}` }).where(eq(ctx.t.User.id, fx.owner.id));
      return { avatarKey };
    },
    expect: everyone(200),
  },
  { name: "a profile photo that does not exist", method: "GET", path: () => `/avatars/avatar-${"0".repeat(32)}.png`, expect: everyone(404) },
];
