/** Who may find a time with whom: the shared guard of the find-a-time pages and the .ics file. */
import { eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { stateWith } from "~/modules/network/index.server";
import { displayName } from "~/modules/network";

export const NOT_FOUND = "There is no member at this address. The link may be wrong, or the account was deleted.";
export const NOT_CONNECTED = "You can find a time only with your connections. Connect with this member first, from their profile.";
export const SELF = "This is you. Find a time with one of your connections instead.";

/** The member's name, or null when there is no such member (the guard needs no more of the profile). */
async function memberName(ctx: Ctx, id: string): Promise<{ name: string | null } | null> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ name: User.name }).from(User).where(eq(User.id, id)).limit(1);
  return row ?? null;
}

/** The other member, if the viewer is connected to them; throws the 404 or 403 page otherwise. */
export async function requireConnection(ctx: Ctx, me: string, rawId: string | undefined): Promise<{ id: string; name: string }> {
  const id = uuidOf(rawId);
  if (!id) throw new Response(NOT_FOUND, { status: 404 });
  if (id === me) throw new Response(SELF, { status: 404 });
  const [profile, state] = await Promise.all([memberName(ctx, id), stateWith(ctx, me, id)]);
  if (!profile) throw new Response(NOT_FOUND, { status: 404 });
  if (state !== "connected") throw new Response(NOT_CONNECTED, { status: 403 });
  return { id, name: displayName(profile.name) };
}
