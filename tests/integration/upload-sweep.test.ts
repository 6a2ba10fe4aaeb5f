/**
 * The uploads sweep (decision 063): files in UPLOADS_DIR that no row names, and temporary files of
 * writes that never finished, are found once they are old enough and removed with --delete; every
 * file a row names stays, whichever column names it. On both databases.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { findOrphans, keysInUse, removeOrphans } from "../../app/services/upload-sweep.server";
import { diskStorage, randomKey } from "../../app/services/storage.server";
import { describeEachDatabase } from "../support/db";
import { makeCommunity, makePost, makeUser } from "../support/factories";

const HOUR = 3_600_000;

describeEachDatabase("uploads sweep", (db) => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-sweep-"));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Stores a file and dates it `hoursAgo` back. */
  async function stored(key: string, hoursAgo: number) {
    await diskStorage(root).put(key, Uint8Array.from([1, 2, 3]), "application/octet-stream");
    const at = new Date(Date.now() - hoursAgo * HOUR);
    fs.utimesSync(path.join(root, key), at, at);
  }

  it("finds old files no row names and unfinished writes, keeps every file a row names and the recent ones, and removes only what it found", async () => {
    const avatar = randomKey("avatar", "webp");
    const cv = randomKey("cv", "pdf");
    const banner = randomKey("banner", "webp");
    const picture = randomKey("feed", "webp");
    const member = await makeUser(db.ctx, { avatarUrl: `/avatars/${avatar}` });
    await db.ctx.db.insert(db.ctx.t.uploads).values({ userEmail: "someone@example.com", fileUrl: cv, fileType: "cv", createdAt: new Date() });
    await makeCommunity(db.ctx, member.id, { banner_image: banner });
    await makePost(db.ctx, member.id, { image_url: picture });
    for (const key of [avatar, cv, banner, picture]) await stored(key, 100);

    const oldOrphan = randomKey("cv", "docx");
    const newOrphan = randomKey("feed", "webp");
    await stored(oldOrphan, 72);
    await stored(newOrphan, 2);
    const partial = `${randomKey("avatar", "png")}.tmp-0123456789ab`;
    fs.writeFileSync(path.join(root, partial), "half");
    fs.utimesSync(path.join(root, partial), new Date(Date.now() - 72 * HOUR), new Date(Date.now() - 72 * HOUR));
    fs.writeFileSync(path.join(root, "README.txt"), "not a storage key: never touched");
    fs.utimesSync(path.join(root, "README.txt"), new Date(0), new Date(0));

    expect([...(await keysInUse(db.ctx))].filter((k) => [avatar, cv, banner, picture].includes(k)).sort()).toEqual([avatar, cv, banner, picture].sort());
    const orphans = await findOrphans(db.ctx, root, new Date(Date.now() - 48 * HOUR));
    expect(orphans.map((o) => [o.name, o.kind]).sort()).toEqual([[oldOrphan, "unnamed"], [partial, "partial"]].sort());
    // Listing removes nothing.
    expect(fs.readdirSync(root)).toHaveLength(8);

    expect(await removeOrphans(db.ctx, root, orphans)).toBe(2);
    expect(fs.readdirSync(root).sort()).toEqual([avatar, cv, banner, picture, newOrphan, "README.txt"].sort());
  });

  it("keeps a file that a row came to name between the listing and the removal", async () => {
    const key = randomKey("banner", "webp");
    await stored(key, 72);
    const orphans = await findOrphans(db.ctx, root, new Date(Date.now() - 48 * HOUR));
    expect(orphans.map((o) => o.name)).toEqual([key]);
    const member = await makeUser(db.ctx);
    await makeCommunity(db.ctx, member.id, { banner_image: key });
    expect(await removeOrphans(db.ctx, root, orphans)).toBe(0);
    expect(fs.readdirSync(root)).toEqual([key]);
  });

  it("finds nothing when UPLOADS_DIR does not exist yet", async () => {
    expect(await findOrphans(db.ctx, path.join(root, "never-made"), new Date())).toEqual([]);
  });
});
