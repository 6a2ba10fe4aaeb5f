/**
 * npm run avatars:reencode: photos stored before re-encoding become 512-pixel WebPs without
 * metadata, rows point at the new files, old files go; unreadable ones are reported and left;
 * a second run converts nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, beforeEach, expect, it } from "vitest";
import { isReencodedWebp } from "../../app/modules/profile/images";
import { reencodeAvatar } from "../../app/modules/profile/images.server";
import { reencodeStoredAvatars } from "../../app/modules/profile/reencode-avatars.server";
import { avatarKeyOf } from "../../app/modules/profile/rules";
import { diskStorage, randomKey, type Storage } from "../../app/services/storage.server";
import { describeEachDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { garbageJpeg, GPS_MARKERS, JPEG_3x2, jpegWithGps, photoJpeg, pngBytes, withTrailer, zipBytes } from "../support/images";

describeEachDatabase("re-encoding the stored avatars", (db) => {
  let root: string;
  let store: Storage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-avatars-"));
    store = diskStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A member whose photo was stored the old way: these bytes, under a key of their type. */
  async function memberWithStoredPhoto(bytes: Uint8Array, ext: string, contentType: string) {
    const key = randomKey("avatar", ext);
    await store.put(key, bytes, contentType);
    return makeUser(db.ctx, { avatarUrl: `/avatars/${key}` });
  }
  const urlOf = async (id: string) => {
    const [user] = await db.ctx.db.select({ avatarUrl: db.ctx.t.User.avatarUrl }).from(db.ctx.t.User).where(eq(db.ctx.t.User.id, id));
    return user.avatarUrl;
  };
  const files = () => fs.readdirSync(root).sort();

  it("converts old photos in batches, leaves converted ones and other addresses alone, and reports the unreadable", async () => {
    const clean = await reencodeAvatar(pngBytes(8, 8));
    if (!clean.ok) throw new Error("fixture");
    const gps = await memberWithStoredPhoto(jpegWithGps(), "jpg", "image/jpeg");
    const trailer = await memberWithStoredPhoto(withTrailer(withTrailer(JPEG_3x2, zipBytes("secret.txt", "member list")), "SECRET-TRAILER"), "jpg", "image/jpeg");
    const png = await memberWithStoredPhoto(pngBytes(32, 32, { text: "Home address" }), "png", "image/png");
    const large = await memberWithStoredPhoto(await photoJpeg(1600, 1200), "jpg", "image/jpeg");
    const done = await memberWithStoredPhoto(clean.bytes, "webp", "image/webp");
    const garbage = await memberWithStoredPhoto(garbageJpeg(), "jpg", "image/jpeg");
    const missing = await makeUser(db.ctx, { avatarUrl: `/avatars/avatar-${"ab".repeat(16)}.png` });
    const google = await makeUser(db.ctx, { avatarUrl: "https://lh3.googleusercontent.com/a/photo" });
    const none = await makeUser(db.ctx, { avatarUrl: null });
    const before = new Map(await Promise.all([gps, trailer, png, large, done, garbage, missing, google, none].map(async (u) => [u.id, await urlOf(u.id)] as const)));

    const report = await reencodeStoredAvatars(db.ctx, { store, batchSize: 2 });

    expect(report).toMatchObject({ converted: 4, alreadyFine: 1, changedMeanwhile: 0 });
    expect(report.batches).toBe(4); // 7 of our addresses, 2 at a time
    expect(report.unreadable.map((u) => [u.userId, u.url]).sort()).toEqual(
      [
        [garbage.id, before.get(garbage.id)],
        [missing.id, before.get(missing.id)],
      ].sort(),
    );
    expect(report.unreadable.find((u) => u.userId === missing.id)?.reason).toBe("no stored file");

    for (const member of [gps, trailer, png, large]) {
      const url = (await urlOf(member.id))!;
      expect(url).not.toBe(before.get(member.id));
      expect(url).toMatch(/^\/avatars\/avatar-[0-9a-f]{32}\.webp$/);
      const stored = await store.get(avatarKeyOf(url)!);
      expect(stored?.contentType).toBe("image/webp");
      const bytes = Buffer.from(stored!.bytes);
      expect(isReencodedWebp(bytes)).toBe(true);
      for (const marker of [...Object.values(GPS_MARKERS), "SECRET-TRAILER", "member list", "Home address"]) expect(bytes.includes(marker), marker).toBe(false);
      expect(await store.get(avatarKeyOf(before.get(member.id))!)).toBeNull();
    }
    expect(await sharp((await store.get(avatarKeyOf(await urlOf(large.id))!))!.bytes).metadata()).toMatchObject({ width: 512, height: 384 });
    for (const member of [done, garbage, missing, google, none]) expect(await urlOf(member.id)).toBe(before.get(member.id));
    expect(await store.get(avatarKeyOf(before.get(garbage.id))!)).not.toBeNull();
    // The four new files, the one already fine and the unreadable one: no leftovers.
    expect(files()).toHaveLength(6);

    const filesAfterFirstRun = files();
    const again = await reencodeStoredAvatars(db.ctx, { store, batchSize: 2 });
    expect(again).toMatchObject({ converted: 0, alreadyFine: 5, changedMeanwhile: 0 });
    expect(again.unreadable).toHaveLength(2);
    expect(files()).toEqual(filesAfterFirstRun);
  });

  it("keeps the photo a member uploads while theirs is being converted, and drops its own copy", async () => {
    const member = await memberWithStoredPhoto(jpegWithGps(), "jpg", "image/jpeg");
    const theirs = `/avatars/${randomKey("avatar", "webp")}`;
    // The member's new upload lands between our write of the new file and our UPDATE.
    const racing: Storage = {
      ...store,
      put: async (key, bytes, contentType) => {
        await store.put(key, bytes, contentType);
        await db.ctx.db.update(db.ctx.t.User).set({ avatarUrl: theirs }).where(eq(db.ctx.t.User.id, member.id));
      },
    };
    const before = files();

    const report = await reencodeStoredAvatars(db.ctx, { store: racing });

    expect(report).toMatchObject({ converted: 0, changedMeanwhile: 1 });
    expect(await urlOf(member.id)).toBe(theirs);
    expect(files()).toEqual(before);
  });
});
