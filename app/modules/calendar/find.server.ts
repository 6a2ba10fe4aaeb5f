/** Who may find a time with whom: the shared guard of the find-a-time pages and the .ics file. */
import { eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import type { Translate } from "~/lib/i18n";
import { calendarFailure } from "./failure.server";
import { stateWith } from "~/modules/network/index.server";
import { displayName } from "~/modules/network";

export const NOT_FOUND = "calendar.guard.notFound";
export const NOT_CONNECTED = "calendar.guard.notConnected";
export const SELF = "calendar.guard.self";

/** The member's name, or null when there is no such member (the guard needs no more of the profile). */
async function memberName(ctx: Ctx, id: string): Promise<{ name: string | null } | null> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ name: User.name }).from(User).where(eq(User.id, id)).limit(1);
  return row ?? null;
}

/**
 * The other member, if the viewer is connected to them; throws the 404 or 403 page otherwise, in
 * the reader's language `t`. `withWaysBack`: the 403 page (a calendar failure) offers their
 * profile, to connect, and the calendar.
 */
export async function requireConnection(
  ctx: Ctx,
  me: string,
  rawId: string | undefined,
  t: Translate,
  options: { withWaysBack?: boolean } = {},
): Promise<{ id: string; name: string }> {
  const id = uuidOf(rawId);
  if (!id) throw new Response(t(NOT_FOUND), { status: 404 });
  if (id === me) throw new Response(t(SELF), { status: 404 });
  const [profile, state] = await Promise.all([memberName(ctx, id), stateWith(ctx, me, id)]);
  if (!profile) throw new Response(t(NOT_FOUND), { status: 404 });
  if (state !== "connected" && options.withWaysBack) {
    const back = [
      { to: `/u/${id}`, label: t("calendar.find.openProfile") },
      { to: "/calendar", label: t("calendar.back.calendar") },
    ];
    throw calendarFailure(403, t(NOT_CONNECTED), back);
  }
  if (state !== "connected") throw new Response(t(NOT_CONNECTED), { status: 403 });
  return { id, name: displayName(profile.name) };
}
