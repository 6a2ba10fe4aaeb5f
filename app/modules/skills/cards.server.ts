/**
 * A member's details on recruiters' archive cards go when the member stops letting recruiters
 * find them or deletes their account: the cards themselves are deleted (archive_card rows, and
 * with them their archive_card_owners rows), not blanked, so no name, email, phone or note about
 * the member stays behind (docs/decisions/045-skills.md). Call inside the transaction that turns
 * the setting off or deletes the account.
 */
import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "~/db.server";

/** Deletes every archive card about `memberId`; returns how many went. */
export async function removeCardsOf(tx: Ctx, memberId: string): Promise<number> {
  const { archive_card: c, archive_card_owners: o } = tx.t;
  const ids = tx.db.select({ id: o.card_id }).from(o).where(eq(o.member_user_id, memberId));
  const gone = await tx.db.delete(c).where(inArray(c.id, ids)).returning({ id: c.id });
  return gone.length;
}
