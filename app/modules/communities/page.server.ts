/**
 * The community page's about part (issue 16): the community, its member count (community_stats,
 * kept with every membership change) and the names of its moderators. Everyone may read it;
 * the posts are read through posts.server.ts, for members only.
 */
import { asc, eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { isBannerKey } from "./rules";

/** At most this many moderators are named on the page (the members page lists them all). */
export const MODERATORS_SHOWN = 10;

export interface CommunityAbout {
  id: string;
  name: string;
  description: string | null;
  hasBanner: boolean;
  createdAt: Date;
  members: number;
  moderators: { id: string; name: string | null }[];
  moreModerators: boolean;
}

export async function communityAbout(ctx: Ctx, communityId: string): Promise<CommunityAbout | null> {
  if (!isUuid(communityId)) return null;
  const { communities: c, community_stats: s, community_moderators: mod, User } = ctx.t;
  const [[row], moderators] = await Promise.all([
    ctx.db
      .select({ id: c.id, name: c.name, description: c.description, banner: c.banner_image, createdAt: c.created_at, members: s.members })
      .from(c)
      .leftJoin(s, eq(s.community_id, c.id))
      .where(eq(c.id, communityId))
      .limit(1),
    ctx.db
      .select({ id: User.id, name: User.name })
      .from(mod)
      .innerJoin(User, eq(User.id, mod.user_id))
      .where(eq(mod.community_id, communityId))
      .orderBy(asc(mod.appointed_at), asc(mod.user_id))
      .limit(MODERATORS_SHOWN + 1),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    hasBanner: isBannerKey(row.banner),
    createdAt: row.createdAt,
    members: row.members ?? 0,
    moderators: moderators.slice(0, MODERATORS_SHOWN),
    moreModerators: moderators.length > MODERATORS_SHOWN,
  };
}
