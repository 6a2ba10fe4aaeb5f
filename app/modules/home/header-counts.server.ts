/**
 * The header's counts for a signed-in member, each one indexed query, all at once: unread
 * notifications, unread messages, (for the career team and admins) posts waiting for review and
 * (for anyone who moderates a community) membership requests waiting for a decision.
 * The root loader's only use of the jobs rules: as a server module it keeps them, and what they
 * import, out of the JavaScript every page downloads (issue 12).
 */
import type { Ctx } from "~/db.server";
import { waitingRequestCount } from "~/modules/communities/index.server";
import { isStaff, pendingCount } from "~/modules/jobs/index.server";
import { unreadMessageCount } from "~/modules/messages/index.server";
import { unreadCount } from "~/modules/network/index.server";

export async function headerCounts(ctx: Ctx, member: { id: string; role: string | null }) {
  const [unread, unreadMessages, reviewWaiting, requestsWaiting] = await Promise.all([
    unreadCount(ctx, member.id),
    unreadMessageCount(ctx, member.id),
    isStaff(member.role) ? pendingCount(ctx) : null,
    waitingRequestCount(ctx, member),
  ]);
  return { unread, unreadMessages, reviewWaiting, requestsWaiting };
}
