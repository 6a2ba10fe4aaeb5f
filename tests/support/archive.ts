/**
 * Archive-card fixtures: a member who lets recruiters find them (candidate_settings), and a card
 * written as the archive page writes it (archive_card and its archive_card_owners row).
 */
import type { Ctx } from "../../db/client";
import { eq } from "drizzle-orm";
import type { FeedSlug } from "../../app/modules/jobs/feeds";

export async function makeFindable(ctx: Ctx, userId: string, options: { findable?: boolean; sharePhone?: boolean; phone?: string | null; headline?: string; city?: string } = {}) {
  const { User, candidate_settings } = ctx.t;
  await ctx.db
    .update(User)
    .set({ phone: options.phone === undefined ? "+20 100 555 0101" : options.phone, headline: options.headline ?? "Writes SQL reports for data teams" })
    .where(eq(User.id, userId));
  await ctx.db.insert(candidate_settings).values({ user_id: userId, findable: options.findable ?? true, share_phone: options.sharePhone ?? false, city: options.city ?? "Cairo", match_terms: "" });
}

export async function makeCard(
  ctx: Ctx,
  values: { recruiterId: string; memberId: string; job: { feed: FeedSlug; jobId: string }; name?: string; email?: string; phone?: string | null; desc?: string; match?: string; createdAt?: Date },
) {
  const [card] = await ctx.db
    .insert(ctx.t.archive_card)
    .values({ name: values.name ?? "Carded Member", email: values.email ?? "carded@example.test", phone: values.phone ?? null, matchPercentage: values.match ?? "50%", desc: values.desc ?? "A note." })
    .returning({ id: ctx.t.archive_card.id });
  await ctx.db.insert(ctx.t.archive_card_owners).values({
    card_id: card.id,
    recruiter_user_id: values.recruiterId,
    member_user_id: values.memberId,
    feed: values.job.feed,
    job_id: values.job.jobId,
    created_at: values.createdAt ?? new Date(),
  });
  return card.id;
}
