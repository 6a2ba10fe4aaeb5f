import { eq } from "drizzle-orm";
import { saveProfileCv } from "../../../app/modules/profile/cv.server";
import { randomKey, storage } from "../../../app/services/storage.server";
import { pdfBytes } from "../../support/cv-files";
import { pngBytes } from "../../support/images";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

export const rows: MatrixRow[] = [
  { name: "edit own profile page", method: "GET", path: () => "/settings/profile", expect: signedIn(200) },
  {
    name: "save own profile (only ever the signed-in member's)",
    method: "POST",
    path: () => "/settings/profile",
    form: () => ({ intent: "save", name: "Matrix Name" }),
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
  { name: "own CV page", method: "GET", path: () => "/settings/cv", expect: signedIn(200) },
  { name: "save own CV without a file (refused beside the field)", method: "POST", path: () => "/settings/cv", form: () => ({ intent: "upload" }), expect: signedIn(400) },
  { name: "remove own CV (there may be none)", method: "POST", path: () => "/settings/cv", form: () => ({ intent: "remove" }), expect: signedIn(302) },
  {
    name: "download the CV on one's own profile (the owner's is nobody else's)",
    method: "GET",
    path: () => "/settings/cv/file",
    setup: async (ctx, fx) => {
      await saveProfileCv(ctx, fx.owner, { bytes: pdfBytes("matrix"), kind: "pdf" }, { zone: "UTC" });
      return {};
    },
    expect: { ...signedIn(404), owner: 200 },
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
