/**
 * A feed post's image (issue 17): PNG, JPEG or WebP recognised by their bytes, at most 2 MB, drawn
 * again by sharp as a WebP of at most 1200 x 1200 with no metadata (profile's re-encoding,
 * docs/decisions/019-image-reencoding.md), kept by the storage service under a random key
 * ("feed-<32 hex>.webp", nothing in it derived from the member) and served by /feed/<id>/image.
 * Files are written before the row that names them and removed after the row that named them has
 * gone, so no file I/O happens inside a transaction.
 *
 * A draft's image: when a member is asked to choose an anonymous name before posting, the image
 * they chose is stored already and travels in the form as a token signed for them alone
 * (`draftImageToken`), so it is not sent twice over a slow link. A draft left there leaves its file.
 */
import type { Ctx } from "~/db.server";
import { createCursor } from "~/lib/cursor.server";
import type { Translate } from "~/lib/i18n";
import type { Upload } from "~/modules/accounts/index.server";
import { reencodeImage, type ImagePreset } from "~/modules/profile/index.server";
import { randomKey, storage as appStorage, type Storage, type StoredFile } from "~/services/storage.server";
import { readFeedPost } from "./list.server";
import { FEED_IMAGE_BOX, FEED_IMAGE_MAX_BYTES, FEED_IMAGE_PREFIX, FEED_MESSAGES, isFeedImageKey } from "./rules";

export const FEED_IMAGE: ImagePreset = { maxBytes: FEED_IMAGE_MAX_BYTES, maxSide: 4096, box: { ...FEED_IMAGE_BOX }, quality: 75 };

export type StoredImage = { ok: true; key: string } | { ok: false; message: string };

/** The message for an image over 2 MB (its bytes were not kept), or null. */
export function feedImageTooLarge(upload: Upload, t: Translate): string | null {
  if (upload.bytes !== null && upload.size <= FEED_IMAGE_MAX_BYTES) return null;
  return t(FEED_MESSAGES.imageTooLarge, { size: (upload.size / (1024 * 1024)).toFixed(1), limit: FEED_IMAGE_MAX_BYTES / (1024 * 1024) });
}

/** Checks and re-encodes a chosen image and stores it: its key, or the message for beside the field (in `t`'s words). */
export async function storeFeedImage(upload: Upload, t: Translate, store: Storage = appStorage()): Promise<StoredImage> {
  const tooLarge = feedImageTooLarge(upload, t);
  if (tooLarge || upload.bytes === null) return { ok: false, message: tooLarge ?? "" };
  const image = await reencodeImage(upload.bytes, FEED_IMAGE, t);
  if (!image.ok) return { ok: false, message: image.message };
  const key = randomKey(FEED_IMAGE_PREFIX, image.ext);
  await store.put(key, image.bytes, image.contentType);
  return { ok: true, key };
}

/** Removes a stored image (after no row names it). Other values are not ours and are left alone; a failure is logged. */
export async function removeFeedImage(key: string | null | undefined, store: Storage = appStorage()): Promise<void> {
  if (!isFeedImageKey(key)) return;
  try {
    await store.delete(key);
  } catch (error) {
    console.error(`feed_image: could not remove a stored image (${(error as Error).message})`);
  }
}

/** A post's image file and its key (the ETag), or null: no such post, no image, or hidden by a moderator. */
export async function readFeedImage(ctx: Ctx, postId: string, store: Storage = appStorage()): Promise<(StoredFile & { key: string }) | null> {
  const post = await readFeedPost(ctx, null, postId);
  if (!post?.imageKey) return null;
  const file = await store.get(post.imageKey);
  return file ? { ...file, key: post.imageKey } : null;
}

/** The draft image's key signed for one member: a token only that member's form can hand back. */
const draftImageCursor = createCursor<string, string>({
  name: "feed-draft-image",
  encode: (key) => key,
  decode: (payload) => (isFeedImageKey(payload) ? payload : null),
});

export const draftImageToken = (key: string, userId: string) => draftImageCursor.to(key, `draft:${userId}`);

/** The key of a draft image token made for `userId`, or null (none, broken, or another member's). */
export function draftImageKey(token: string | null | undefined, userId: string): string | null {
  return draftImageCursor.from(token ?? null, `draft:${userId}`) ?? null;
}
