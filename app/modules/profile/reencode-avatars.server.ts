/**
 * npm run avatars:reencode: the photos stored before re-encoding (decision 019) still carry what
 * the old stripper let through (GPS when it gave up, bytes after a JPEG's scan) and their full
 * size. This walks User.avatarUrl in keyset batches of User.id and, for each of our avatars:
 *   - already what re-encoding writes (isReencodedWebp): left alone;
 *   - otherwise re-encoded with the upload's own function, written under a new key, pointed at
 *     with a compare-and-set UPDATE, and the old file deleted after that;
 *   - missing or undecodable: reported and left alone, for a person to look at.
 * A second run finds every photo already fine. A crash can leave one unreferenced file (the new
 * one before the UPDATE, or the old one after it), never a row pointing at nothing.
 */
import { and, asc, eq, gt, like } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { randomKey, storage as appStorage, type Storage } from "~/services/storage.server";
import { isReencodedWebp } from "./images";
import { AVATAR_IMAGE, REENCODED_FORMAT, reencodeImage } from "./images.server";
import { avatarKeyOf } from "./rules";

export interface ReencodeReport {
  batches: number;
  converted: number;
  alreadyFine: number;
  unreadable: { userId: string; url: string; reason: string }[];
  /** The member replaced the photo while we converted it: our copy was dropped, theirs kept. */
  changedMeanwhile: number;
}

export async function reencodeStoredAvatars(
  ctx: Ctx,
  options: { store?: Storage; batchSize?: number; onBatch?: (report: ReencodeReport) => void } = {},
): Promise<ReencodeReport> {
  const store = options.store ?? appStorage();
  const batchSize = options.batchSize ?? 100;
  const report: ReencodeReport = { batches: 0, converted: 0, alreadyFine: 0, unreadable: [], changedMeanwhile: 0 };
  const { User } = ctx.t;
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; avatarUrl: string | null }[] = await ctx.db
      .select({ id: User.id, avatarUrl: User.avatarUrl })
      .from(User)
      .where(and(like(User.avatarUrl, "/avatars/%"), after ? gt(User.id, after) : undefined))
      .orderBy(asc(User.id))
      .limit(batchSize);
    if (rows.length === 0) return report;
    report.batches++;
    // One photo at a time: sharp already uses the cores, and file I/O stays outside any transaction.
    for (const row of rows) await convertOne(ctx, store, row.id, row.avatarUrl ?? "", report);
    options.onBatch?.(report);
    if (rows.length < batchSize) return report;
    after = rows[rows.length - 1].id;
  }
}

async function convertOne(ctx: Ctx, store: Storage, userId: string, url: string, report: ReencodeReport): Promise<void> {
  const unreadable = (reason: string) => report.unreadable.push({ userId, url, reason });
  const key = avatarKeyOf(url);
  if (!key) return void unreadable("not an avatar key this app makes");
  const file = await store.get(key);
  if (!file) return void unreadable("no stored file");
  if (key.endsWith(`.${REENCODED_FORMAT.ext}`) && file.contentType === REENCODED_FORMAT.contentType && isReencodedWebp(file.bytes)) {
    report.alreadyFine++;
    return;
  }
  const image = await reencodeImage(file.bytes, AVATAR_IMAGE);
  if (!image.ok) return void unreadable(image.detail ?? image.message);

  const newKey = randomKey("avatar", image.ext);
  await store.put(newKey, image.bytes, image.contentType);
  const { User } = ctx.t;
  let swapped: unknown[];
  try {
    swapped = await ctx.db
      .update(User)
      .set({ avatarUrl: `/avatars/${newKey}` })
      .where(and(eq(User.id, userId), eq(User.avatarUrl, url)))
      .returning({ id: User.id });
  } catch (error) {
    await store.delete(newKey);
    throw error;
  }
  if (swapped.length === 0) {
    await store.delete(newKey);
    report.changedMeanwhile++;
    return;
  }
  await store.delete(key);
  report.converted++;
}
