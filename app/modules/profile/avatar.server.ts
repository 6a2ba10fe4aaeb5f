/**
 * Profile photos: checked by their bytes (images.ts), drawn again as a small WebP with no
 * metadata (images.server.ts), stored under a random key, then pointed at from User.avatarUrl ("/avatars/<key>"). The old
 * photo's file goes only after the database says the new one is in place.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { track } from "~/modules/analytics/index.server";
import { randomKey, storage as appStorage, type Storage } from "~/services/storage.server";
import { reencodeAvatar } from "./images.server";
import { avatarKeyOf } from "./rules";

export { avatarKeyOf, isAvatarKey } from "./rules";

/** Removes the file behind an avatar URL of ours (after an account is deleted, say). Others are left alone. */
export async function deleteStoredAvatar(url: string | null | undefined, store: Storage = appStorage()): Promise<void> {
  const key = avatarKeyOf(url);
  if (key) await store.delete(key);
}

export type AvatarResult = { ok: true; url: string } | { ok: false; message: string };

export async function replaceAvatar(
  ctx: Ctx,
  userId: string,
  bytes: Uint8Array,
  options: { store?: Storage; ip?: string | null; userAgent?: string | null; sessionId?: string | null; t?: Translate } = {},
): Promise<AvatarResult> {
  // A refusal is said in the member's words (options.t); English when no reader is asking.
  const t = options.t ?? translator("en");
  const image = await reencodeAvatar(bytes, t);
  if (!image.ok) return { ok: false, message: image.message };
  const store = options.store ?? appStorage();
  const key = randomKey("avatar", image.ext);
  const url = `/avatars/${key}`;
  // The file first (no file I/O inside a transaction), then the row.
  await store.put(key, image.bytes, image.contentType);

  const { User } = ctx.t;
  let previous: string | null | undefined;
  try {
    // Compare-and-set: whichever upload wins, the photo it replaced is the one whose file goes.
    for (let attempt = 0; attempt < 5 && previous === undefined; attempt++) {
      const [current] = await ctx.db.select({ avatarUrl: User.avatarUrl }).from(User).where(eq(User.id, userId)).limit(1);
      if (!current) break;
      const [swapped] = await ctx.db
        .update(User)
        .set({ avatarUrl: url })
        .where(and(eq(User.id, userId), current.avatarUrl === null ? isNull(User.avatarUrl) : eq(User.avatarUrl, current.avatarUrl)))
        .returning({ id: User.id });
      if (swapped) previous = current.avatarUrl;
    }
  } catch (error) {
    await store.delete(key);
    throw error;
  }
  if (previous === undefined) {
    await store.delete(key);
    return { ok: false, message: t("profile.photo.notSaved") };
  }
  await track(ctx, {
    userId,
    type: "profile_updated",
    resource: { type: "user", id: userId },
    metadata: { fields: ["avatarUrl"] },
    ip: options.ip,
    userAgent: options.userAgent,
    sessionId: options.sessionId,
  });
  if (previous !== url) await deleteStoredAvatar(previous, store);
  return { ok: true, url };
}
