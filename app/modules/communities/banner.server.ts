/**
 * Community banners (issue 16): PNG, JPEG or WebP recognised by their bytes, at most 2 MB, drawn
 * again by sharp as a WebP of at most 1200 x 400 with no metadata (the same re-encoding as profile
 * photos, docs/decisions/019-image-reencoding.md), kept by the storage service under a random key
 * (communities.banner_image holds the key) and served by /communities/<id>/banner. Files are
 * written before the row that names them and removed after the row that named them has gone, so
 * no file I/O happens inside a transaction.
 */
import { eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import type { Upload } from "~/modules/accounts/index.server";
import { reencodeImage, type ImagePreset } from "~/modules/profile/index.server";
import { randomKey, storage as appStorage, type Storage, type StoredFile } from "~/services/storage.server";
import { BANNER_BOX, BANNER_KEY_PREFIX, BANNER_MAX_BYTES, COMMUNITY_MESSAGES, isBannerKey } from "./rules";

export const BANNER_IMAGE: ImagePreset = { maxBytes: BANNER_MAX_BYTES, maxSide: 4096, box: { ...BANNER_BOX }, quality: 75 };

export type StoredBanner = { ok: true; key: string } | { ok: false; message: string };

/** The message for a banner over 2 MB (its bytes were not kept), or null. */
export function bannerTooLarge(upload: Upload, t: Translate): string | null {
  if (upload.bytes !== null && upload.size <= BANNER_MAX_BYTES) return null;
  return t(COMMUNITY_MESSAGES.bannerTooLarge, { size: (upload.size / (1024 * 1024)).toFixed(1), limit: BANNER_MAX_BYTES / (1024 * 1024) });
}

/** Checks and re-encodes a chosen banner and stores it: its key, or the message for beside the field (in `t`'s words). */
export async function storeBanner(upload: Upload, t: Translate, store: Storage = appStorage()): Promise<StoredBanner> {
  const tooLarge = bannerTooLarge(upload, t);
  if (tooLarge || upload.bytes === null) return { ok: false, message: tooLarge ?? "" };
  const image = await reencodeImage(upload.bytes, BANNER_IMAGE, t);
  if (!image.ok) return { ok: false, message: image.message };
  const key = randomKey(BANNER_KEY_PREFIX, image.ext);
  await store.put(key, image.bytes, image.contentType);
  return { ok: true, key };
}

/** Removes a stored banner (after the row stopped naming it). Other values are not ours and are left alone; a failure is logged. */
export async function removeBannerFile(key: string | null | undefined, store: Storage = appStorage()): Promise<void> {
  if (!isBannerKey(key)) return;
  try {
    await store.delete(key);
  } catch (error) {
    console.error(`community_banner: could not remove a stored banner (${(error as Error).message})`);
  }
}

/** A community's banner file and its key (the ETag), or null when it has none. */
export async function readBanner(ctx: Ctx, communityId: string, store: Storage = appStorage()): Promise<(StoredFile & { key: string }) | null> {
  const { communities: c } = ctx.t;
  const [row] = await ctx.db.select({ key: c.banner_image }).from(c).where(eq(c.id, communityId)).limit(1);
  if (!row || !isBannerKey(row.key)) return null;
  const file = await store.get(row.key);
  return file ? { ...file, key: row.key } : null;
}
