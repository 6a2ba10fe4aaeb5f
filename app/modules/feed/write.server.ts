/**
 * Writing on the feed (issue 17): a member posts (at most FEED_POST_LIMIT an hour), edits and
 * deletes their own posts. Only the author may edit or delete: `ownPost` is in every such write's
 * WHERE, not only in the page that shows the link. A post a moderator hid cannot be edited (its
 * author may still delete it). Image files are stored before the row names them and removed after
 * no row does (image.server.ts); nothing here does file I/O inside a transaction.
 *
 * A member who posts anonymously without an anonymous name is asked for one first: /feed/new shows
 * the name step with the draft carried in the form (its image stored and carried as a signed
 * token), saves the name with profile's rules, and gives the draft back to finish.
 */
import { and, eq, isNull, notExists } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { formObject, pick, type FieldErrors } from "~/lib/forms";
import type { Translate } from "~/lib/i18n";
import { isUuid } from "~/lib/ids";
import type { Upload } from "~/modules/accounts/index.server";
import { track } from "~/modules/analytics/index.server";
import { updateProfile } from "~/modules/profile/index.server";
import { hit, peek } from "~/services/rate-limit.server";
import { ownPost } from "./access.server";
import { draftImageKey, draftImageToken, feedImageTooLarge, removeFeedImage, storeFeedImage } from "./image.server";
import { readFeedPost } from "./list.server";
import { check, editPostSchema, nameStepSchema, newPostSchema, POST_FIELDS, EDIT_FIELDS, type EditPostInput, type FeedIntent, type NewPostInput } from "./post-forms.server";
import { FEED_MESSAGES, FEED_POST_LIMIT, isTicked } from "./rules";

/** The rate limit's key of one member's posts. */
export const postLimitKey = (userId: string) => `feed-post:${userId}`;

/** Creates a post and returns its id. `imageKey` is a stored image or null. */
export async function createFeedPost(ctx: Ctx, userId: string, input: NewPostInput, imageKey: string | null, now = new Date()): Promise<string> {
  const { anonymous_post: p } = ctx.t;
  // The post and its usage row commit together.
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(p)
      .values({
        user_id: userId,
        content: input.content,
        topic: input.topic,
        company_name: input.companyName,
        industry: input.industry,
        is_anonymous: input.anonymous,
        image_url: imageKey,
        likes_count: 0,
        comments_count: 0,
        created_at: now,
        updated_at: now,
      })
      .returning({ id: p.id });
    await track(tx, { userId, type: "feed_post_written", at: now });
    return row.id;
  });
}

/** The member's anonymous name and picture; the name is null when they have none yet. */
export async function anonymousIdentity(ctx: Ctx, userId: string): Promise<{ name: string | null; picture: string | null }> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ name: User.anonymous_username, picture: User.anonymous_avatar }).from(User).where(eq(User.id, userId)).limit(1);
  return { name: row?.name ?? null, picture: row?.picture ?? null };
}

export type UpdateOutcome = { ok: true; replaced: string | null } | { ok: false; reason: "missing" | "removed" | "changed" };

/**
 * The author saves their post: text, topic, company, industry, and the image (`newImageKey`
 * replaces it, `input.removeImage` removes it, otherwise it stays); updated_at marks it edited.
 * The image is swapped compare-and-set, so when two saves race the file each replaced is the one
 * it reports. A hidden post is refused in the same WHERE.
 */
export async function updateFeedPost(ctx: Ctx, userId: string, postId: string, input: EditPostInput, newImageKey: string | null, now = new Date()): Promise<UpdateOutcome> {
  if (!isUuid(postId)) return { ok: false, reason: "missing" };
  const { anonymous_post: p, anonymous_post_removals: r } = ctx.t;
  const notHidden = notExists(ctx.db.select({ id: r.post_id }).from(r).where(eq(r.post_id, p.id)));
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await readFeedPost(ctx, userId, postId, ownPost(ctx, userId, postId));
    if (!current) return { ok: false, reason: "missing" };
    if (current.removed) return { ok: false, reason: "removed" };
    const image = newImageKey ?? (input.removeImage ? null : current.imageKey);
    const [saved] = await ctx.db
      .update(p)
      .set({ content: input.content, topic: input.topic, company_name: input.companyName, industry: input.industry, image_url: image, updated_at: now })
      .where(and(ownPost(ctx, userId, postId), current.imageKey === null ? isNull(p.image_url) : eq(p.image_url, current.imageKey), notHidden))
      .returning({ id: p.id });
    if (saved) return { ok: true, replaced: current.imageKey !== image ? current.imageKey : null };
  }
  return { ok: false, reason: "changed" };
}

/** The author deletes their post (its comments, likes, reports and removal go with it): its image key, or null when nothing was deleted. */
export async function deleteFeedPost(ctx: Ctx, userId: string, postId: string): Promise<{ imageKey: string | null } | null> {
  if (!isUuid(postId)) return null;
  const { anonymous_post: p } = ctx.t;
  const [row] = await ctx.db.delete(p).where(ownPost(ctx, userId, postId)).returning({ imageKey: p.image_url });
  return row ?? null;
}

/** A read form as the actions hand it over (readForm's result). */
export interface ReadFeedForm {
  form: FormData;
  values: Record<string, string>;
  files: Record<string, Upload | null>;
  tooLarge?: boolean;
}

/** What /feed/new's action answers. */
export type NewPostOutcome =
  /** Posted: redirect to the post. */
  | { kind: "posted"; postId: string }
  /** The write form again: with the messages beside the fields (400), or the draft handed back (200) after the name step. */
  | { kind: "form"; status: 200 | 400 | 413; errors: FieldErrors; values: Record<string, string>; draftImage: string | null; notice?: string }
  /** The name step, with the draft carried along (its own messages on a 400). */
  | { kind: "name"; status: 200 | 400; errors: FieldErrors; values: Record<string, string>; nameValues: Record<string, string>; draftImage: string | null }
  /** Over FEED_POST_LIMIT: a 429 with Retry-After. */
  | { kind: "tooMany"; retryAfterSeconds: number };

/**
 * /feed/new's action once the form is read: posts, asks for an anonymous name first, saves that
 * name, or hands the draft back. `t` is the reader's translator.
 */
export async function submitNewPost(
  ctx: Ctx,
  user: { id: string },
  intent: FeedIntent,
  read: ReadFeedForm,
  t: Translate,
  meta: { ip?: string | null; userAgent?: string | null; sessionId?: string | null; now?: Date } = {},
): Promise<NewPostOutcome> {
  const draft = pick(read.values, POST_FIELDS);
  if (read.tooLarge) {
    return { kind: "form", status: 413, errors: { image: t(FEED_MESSAGES.imageTooLarge, { size: ">10", limit: 2 }) }, values: {}, draftImage: null };
  }
  const fields = formObject(read.form);
  const upload = read.files.image ?? null;
  // The image stored with the draft at the name step, unless the member took it off.
  const carried = draftImageKey(fields.draft_image, user.id);
  let draftKey = carried;
  if (carried && isTicked(fields.remove_draft_image)) {
    await removeFeedImage(carried);
    draftKey = null;
  }
  const token = (key: string | null) => (key ? draftImageToken(key, user.id) : null);

  if (intent === "back") return { kind: "form", status: 200, errors: {}, values: draft, draftImage: token(draftKey) };
  if (intent === "choose-name") {
    const nameValues = pick(read.values, ["anonymous_username", "anonymous_avatar"]);
    const name = check(nameStepSchema(t), fields, t);
    if (!name.ok) return { kind: "name", status: 400, errors: name.errors, values: draft, nameValues, draftImage: token(draftKey) };
    const saved = await updateProfile(ctx, user.id, name.data, { ...meta, t });
    if (!saved.ok) return { kind: "name", status: 400, errors: { [saved.field]: saved.message }, values: draft, nameValues, draftImage: token(draftKey) };
    return { kind: "form", status: 200, errors: {}, values: draft, draftImage: token(draftKey), notice: t("feed.name.saved") };
  }

  const input = check(newPostSchema, fields, t);
  if (!input.ok) {
    // The image's own problem when it is cheap to see (too large), else "choose it again".
    const image = upload ? (feedImageTooLarge(upload, t) ?? t(FEED_MESSAGES.imageChooseAgain)) : null;
    return { kind: "form", status: 400, errors: { ...input.errors, ...(image ? { image } : {}) }, values: draft, draftImage: token(draftKey) };
  }
  const limit = await peek(ctx, postLimitKey(user.id), FEED_POST_LIMIT, meta.now);
  if (!limit.allowed) return { kind: "tooMany", retryAfterSeconds: limit.retryAfterSeconds };

  let newKey: string | null = null;
  if (upload) {
    const stored = await storeFeedImage(upload, t);
    if (!stored.ok) return { kind: "form", status: 400, errors: { image: stored.message }, values: draft, draftImage: token(draftKey) };
    newKey = stored.key;
    // A new image replaces the draft's.
    if (draftKey) await removeFeedImage(draftKey);
    draftKey = null;
  }
  const imageKey = newKey ?? draftKey;

  if (input.data.anonymous && (await anonymousIdentity(ctx, user.id)).name === null) {
    return { kind: "name", status: 200, errors: {}, values: draft, nameValues: {}, draftImage: token(imageKey) };
  }
  const counted = await hit(ctx, postLimitKey(user.id), FEED_POST_LIMIT, meta.now);
  if (!counted.allowed) {
    // The draft keeps no image it did not ask for; a draft's own image stays for its next try.
    await removeFeedImage(newKey);
    return { kind: "tooMany", retryAfterSeconds: counted.retryAfterSeconds };
  }
  const postId = await createFeedPost(ctx, user.id, input.data, imageKey, meta.now);
  return { kind: "posted", postId };
}

export type EditOutcome =
  | { kind: "saved" }
  | { kind: "form"; status: 400 | 413; errors: FieldErrors; values: Record<string, string> }
  | { kind: "missing" }
  | { kind: "removed" }
  | { kind: "changed"; values: Record<string, string> };

/** /feed/<id>/edit's action once the form is read: checks, stores a new image, saves; the old image file goes after. */
export async function submitEdit(ctx: Ctx, user: { id: string }, postId: string, read: ReadFeedForm, t: Translate): Promise<EditOutcome> {
  const values = pick(read.values, EDIT_FIELDS);
  if (read.tooLarge) return { kind: "form", status: 413, errors: { image: t(FEED_MESSAGES.imageTooLarge, { size: ">10", limit: 2 }) }, values: {} };
  const upload = read.files.image ?? null;
  const input = check(editPostSchema, formObject(read.form), t);
  if (!input.ok) {
    const image = upload ? (feedImageTooLarge(upload, t) ?? t(FEED_MESSAGES.imageChooseAgain)) : null;
    return { kind: "form", status: 400, errors: { ...input.errors, ...(image ? { image } : {}) }, values };
  }
  let newKey: string | null = null;
  if (upload) {
    const stored = await storeFeedImage(upload, t);
    if (!stored.ok) return { kind: "form", status: 400, errors: { image: stored.message }, values };
    newKey = stored.key;
  }
  const saved = await updateFeedPost(ctx, user.id, postId, input.data, newKey);
  if (saved.ok) {
    await removeFeedImage(saved.replaced);
    return { kind: "saved" };
  }
  await removeFeedImage(newKey);
  if (saved.reason === "changed") return { kind: "changed", values };
  return { kind: saved.reason };
}
