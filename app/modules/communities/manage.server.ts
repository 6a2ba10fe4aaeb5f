/**
 * Creating, editing and deleting a community (issue 16). Any member creates one and becomes its
 * first approved member and first moderator, with the member count at 1, in one transaction. Only
 * the creator (or an admin) edits or deletes it: that condition is in the write's WHERE, so a
 * forged form changes nothing. Names are unique whatever their case (a unique index on
 * lower(name)); the page is told so beside the field, also when two members race for one name.
 * Banner files are stored before the row names them and removed after it no longer does
 * (banner.server.ts); nothing here does file I/O inside a transaction.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import type { Upload } from "~/modules/accounts/index.server";
import { adjustMemberCount, type Viewer } from "./access.server";
import { bannerTooLarge, removeBannerFile, storeBanner } from "./banner.server";
import type { CommunityInput } from "./manage-forms.server";
import { COMMUNITY_MESSAGES, isBannerKey } from "./rules";
import { countAttempt, LIMITS } from "~/services/rate-limit.server";

/** True when `viewer` may edit and delete the community: its creator, or an admin. */
function ownsSql(ctx: Ctx, viewer: Viewer): SQL {
  return viewer.role === "admin" ? sql`1 = 1` : eq(ctx.t.communities.created_by, viewer.id);
}

/** Is this error the unique index on lower(name) (PostgreSQL 23505, or SQLite's UNIQUE)? */
export function isNameConflict(error: unknown): boolean {
  for (let e = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "23505" && e.constraint === "communities_name_lower_unique") return true;
    if (typeof e.code === "string" && e.code.startsWith("SQLITE_CONSTRAINT") && String(e.message).includes("communities_name_lower_unique")) return true;
  }
  return false;
}

/** Another community already has this name, whatever its case (compared by the database's lower(), as the index does). */
export async function nameTaken(ctx: Ctx, name: string, exceptId?: string): Promise<boolean> {
  const { communities: c } = ctx.t;
  const [row] = await ctx.db
    .select({ id: c.id })
    .from(c)
    .where(and(sql`lower(${c.name}) = lower(${name})`, exceptId ? sql`${c.id} <> ${exceptId}` : undefined))
    .limit(1);
  return Boolean(row);
}

export type ManageResult = { ok: true; id: string } | { ok: false; field: "name"; message: string };

const NAME_TAKEN = { ok: false, field: "name", message: COMMUNITY_MESSAGES.nameTaken } as const;

/** Creates a community with its creator as approved member and moderator; `bannerKey` is a stored banner or null. */
export async function createCommunity(ctx: Ctx, creatorId: string, input: CommunityInput, bannerKey: string | null): Promise<ManageResult> {
  if (await nameTaken(ctx, input.name)) return NAME_TAKEN;
  try {
    const id = await withTx(ctx, async (tx) => {
      const { communities: c, community_memberships: m, community_moderators: mod } = tx.t;
      const [row] = await tx.db
        .insert(c)
        .values({ name: input.name, description: input.description, banner_image: bannerKey, created_by: creatorId })
        .returning({ id: c.id });
      await tx.db.insert(m).values({ community_id: row.id, user_id: creatorId, status: "approved" });
      await tx.db.insert(mod).values({ community_id: row.id, user_id: creatorId });
      await adjustMemberCount(tx, row.id, 1);
      return row.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (isNameConflict(error)) return NAME_TAKEN;
    throw error;
  }
}

export interface EditableCommunity {
  id: string;
  name: string;
  description: string | null;
  hasBanner: boolean;
}

/**
 * The community as its edit and delete pages show it: "missing" when there is no such community,
 * "forbidden" when the viewer may not change it (read with the ownership condition in the query).
 */
export async function editableCommunity(ctx: Ctx, viewer: Viewer, id: string): Promise<EditableCommunity | "missing" | "forbidden"> {
  const { communities: c } = ctx.t;
  const [row] = await ctx.db
    .select({ id: c.id, name: c.name, description: c.description, banner: c.banner_image, owns: sql<number>`case when ${ownsSql(ctx, viewer)} then 1 else 0 end`.mapWith(Number) })
    .from(c)
    .where(eq(c.id, id))
    .limit(1);
  if (!row) return "missing";
  if (row.owns !== 1) return "forbidden";
  return { id: row.id, name: row.name, description: row.description, hasBanner: isBannerKey(row.banner) };
}

export type UpdateResult =
  | { ok: true; id: string; /** The banner file the row no longer names, to remove. */ replaced: string | null }
  | { ok: false; field: "name"; message: string }
  | { ok: false; field: null; reason: "missing" | "changed" };

/**
 * Saves the name and description, and the banner: `newBannerKey` replaces it, `input.removeBanner`
 * removes it, otherwise it stays. The banner is swapped compare-and-set, so when two saves race, the
 * file each one replaced is the one it reports (and nothing stays stored that no row names).
 */
export async function updateCommunity(ctx: Ctx, viewer: Viewer, id: string, input: CommunityInput, newBannerKey: string | null): Promise<UpdateResult> {
  if (await nameTaken(ctx, input.name, id)) return NAME_TAKEN;
  const { communities: c } = ctx.t;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [current] = await ctx.db.select({ banner: c.banner_image }).from(c).where(and(eq(c.id, id), ownsSql(ctx, viewer))).limit(1);
      if (!current) return { ok: false, field: null, reason: "missing" };
      const banner = newBannerKey ?? (input.removeBanner ? null : current.banner);
      const [saved] = await ctx.db
        .update(c)
        .set({ name: input.name, description: input.description, banner_image: banner })
        .where(and(eq(c.id, id), ownsSql(ctx, viewer), current.banner === null ? isNull(c.banner_image) : eq(c.banner_image, current.banner)))
        .returning({ id: c.id });
      if (saved) return { ok: true, id, replaced: current.banner !== banner ? current.banner : null };
    }
    return { ok: false, field: null, reason: "changed" };
  } catch (error) {
    if (isNameConflict(error)) return NAME_TAKEN;
    throw error;
  }
}

/**
 * Deletes the community (its memberships, posts, events, moderators, bans, decisions, stats and
 * subscriptions go with it by cascade) when the viewer may: the deleted row's name and banner key,
 * or null when nothing was deleted.
 */
export async function deleteCommunity(ctx: Ctx, viewer: Viewer, id: string): Promise<{ name: string; banner: string | null } | null> {
  const { communities: c } = ctx.t;
  const [row] = await ctx.db.delete(c).where(and(eq(c.id, id), ownsSql(ctx, viewer))).returning({ name: c.name, banner: c.banner_image });
  return row ?? null;
}

export type FormOutcome = { ok: true; id: string } | { ok: false; status: 400 | 404 | 409 | 429; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * The create or edit form, once read: checks the banner (bytes, size, re-encoding) and stores it,
 * then writes the row; every refusal comes back as the messages beside the fields (in `t`'s words),
 * and a banner stored for a write that did not happen is removed again.
 */
export async function saveCommunityForm(
  ctx: Ctx,
  viewer: Viewer,
  read: { ok: boolean; data?: CommunityInput; errors: Record<string, string>; files: Record<string, Upload | null> },
  t: Translate,
  target: { kind: "create" } | { kind: "edit"; id: string },
): Promise<FormOutcome> {
  const upload = read.files.banner ?? null;
  if (!read.ok || !read.data) {
    // The banner's own problem when it has one it is cheap to see (too large), else "choose it again".
    const banner = upload ? (bannerTooLarge(upload, t) ?? t(COMMUNITY_MESSAGES.bannerChooseAgain)) : null;
    return { ok: false, status: 400, errors: { ...read.errors, ...(banner ? { banner } : {}) } };
  }
  // A new community counts against the member's daily ones (decision 061) before its banner is
  // stored; a creation refused for its name is taken back.
  const counted = target.kind === "create" ? await countAttempt(ctx, `community-create:${viewer.id}`, LIMITS.communityCreatePerMember) : null;
  if (counted && !counted.allowed) {
    const banner: Record<string, string> = upload ? { banner: t(COMMUNITY_MESSAGES.bannerChooseAgain) } : {};
    return { ok: false, status: 429, errors: { form: t(COMMUNITY_MESSAGES.tooManyCreated, { limit: LIMITS.communityCreatePerMember.limit }), ...banner }, retryAfterSeconds: counted.retryAfterSeconds };
  }
  let key: string | null = null;
  if (upload) {
    const stored = await storeBanner(upload, t);
    if (!stored.ok) {
      await counted?.takeBack();
      return { ok: false, status: 400, errors: { banner: stored.message } };
    }
    key = stored.key;
  }
  const chooseAgain: Record<string, string> = key ? { banner: t(COMMUNITY_MESSAGES.bannerChooseAgain) } : {};
  if (target.kind === "create") {
    const created = await createCommunity(ctx, viewer.id, read.data, key);
    if (created.ok) return created;
    await counted?.takeBack();
    await removeBannerFile(key);
    return { ok: false, status: 400, errors: { name: t(created.message), ...chooseAgain } };
  }
  const saved = await updateCommunity(ctx, viewer, target.id, read.data, key);
  if (saved.ok) {
    await removeBannerFile(saved.replaced);
    return { ok: true, id: saved.id };
  }
  await removeBannerFile(key);
  if (saved.field === "name") return { ok: false, status: 400, errors: { name: t(saved.message), ...chooseAgain } };
  if (saved.reason === "missing") return { ok: false, status: 404, errors: {} };
  return { ok: false, status: 409, errors: { form: t("communities.form.changedMeanwhile") } };
}
