/** Who may find a time with whom: the shared guard of the find-a-time pages and the .ics file. */
import type { Ctx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { getPublicProfile } from "~/modules/profile/profile.server";

export const NOT_FOUND = "There is no member at this address. The link may be wrong, or the account was deleted.";
export const NOT_CONNECTED = "You can find a time only with your connections. Connect with this member first, from their profile.";
export const SELF = "This is you. Find a time with one of your connections instead.";

/** The other member, if the viewer is connected to them; throws the 404 or 403 page otherwise. */
export async function requireConnection(ctx: Ctx, me: string, rawId: string | undefined): Promise<{ id: string; name: string }> {
  const id = uuidOf(rawId);
  if (!id) throw new Response(NOT_FOUND, { status: 404 });
  if (id === me) throw new Response(SELF, { status: 404 });
  const [profile, state] = await Promise.all([getPublicProfile(ctx, id), stateWith(ctx, me, id)]);
  if (!profile) throw new Response(NOT_FOUND, { status: 404 });
  if (state !== "connected") throw new Response(NOT_CONNECTED, { status: 403 });
  return { id, name: displayName(profile.name) };
}
