/**
 * A member's account is going (decision 008, decision 041): the cascades from `User` remove their
 * memberships, moderator rows, bans, decisions about them and subscriptions, and the communities
 * they created; their decisions on others and the bans they gave stay, without their name
 * (`decided_by`, `banned_by` set null). What no cascade does is the member count: call this in the
 * deletion's transaction, before the `User` row goes, so every community they were an approved
 * member of (and did not create) counts one member fewer.
 */
import { and, eq, isNull, ne, or } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { adjustMemberCount } from "./access.server";

export async function leaveMemberCounts(tx: Ctx, userId: string): Promise<void> {
  const { community_memberships: m, communities: c } = tx.t;
  const rows = await tx.db
    .select({ id: m.community_id })
    .from(m)
    .innerJoin(c, eq(c.id, m.community_id))
    .where(and(eq(m.user_id, userId), eq(m.status, "approved"), or(isNull(c.created_by), ne(c.created_by, userId))));
  for (const row of rows) await adjustMemberCount(tx, row.id, -1);
}
