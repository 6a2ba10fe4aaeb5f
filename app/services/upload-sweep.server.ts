/**
 * Uploaded files that no row names (decision 063): a file is stored before the transaction that
 * names it (decision 057), so a crash or a failed write between the two leaves the file alone,
 * and a feed draft's picture waits for a post that may never come. Nothing links to such a file;
 * this finds the ones in UPLOADS_DIR old enough that no write in progress can still name them,
 * and `npm run uploads:sweep -- --delete` removes them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { isNotNull } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { isStorageKey } from "./storage.server";

/** The storage key a stored value names: the key itself, or the last segment of a path ("/avatars/avatar-3f9c….webp"). */
function keyOfValue(value: string): string | null {
  const last = value.slice(value.lastIndexOf("/") + 1).split(/[?#]/, 1)[0];
  return isStorageKey(last) ? last : null;
}

/**
 * Every storage key a row names: photos (User.avatarUrl), CVs of applications and profiles
 * (uploads.fileUrl), community banners and feed pictures. A new column that names stored files
 * belongs here, or the sweep would take its files for orphans.
 */
export async function keysInUse(ctx: Ctx): Promise<Set<string>> {
  const { User, uploads, communities, anonymous_post } = ctx.t;
  const values = [
    ...(await ctx.db.select({ v: User.avatarUrl }).from(User).where(isNotNull(User.avatarUrl))),
    ...(await ctx.db.select({ v: uploads.fileUrl }).from(uploads).where(isNotNull(uploads.fileUrl))),
    ...(await ctx.db.select({ v: communities.banner_image }).from(communities).where(isNotNull(communities.banner_image))),
    ...(await ctx.db.select({ v: anonymous_post.image_url }).from(anonymous_post).where(isNotNull(anonymous_post.image_url))),
  ];
  const keys = new Set<string>();
  for (const { v } of values) {
    const key = keyOfValue(v ?? "");
    if (key) keys.add(key);
  }
  return keys;
}

export interface Orphan {
  name: string;
  bytes: number;
  modifiedAt: Date;
  /** "unnamed": a stored file no row names; "partial": a temporary file a write never renamed. */
  kind: "unnamed" | "partial";
}

/** Files in `root` that no row names (and leftover temporary files), last changed before `olderThan`. */
export async function findOrphans(ctx: Ctx, root: string, olderThan: Date): Promise<Orphan[]> {
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const inUse = await keysInUse(ctx);
  const orphans: Orphan[] = [];
  for (const name of names.sort()) {
    const partial = /\.tmp-[0-9a-f]{12}$/.test(name);
    if (!partial && (!isStorageKey(name) || inUse.has(name))) continue;
    const stat = await fs.stat(path.join(root, name)).catch(() => null);
    if (!stat?.isFile() || stat.mtime >= olderThan) continue;
    orphans.push({ name, bytes: stat.size, modifiedAt: stat.mtime, kind: partial ? "partial" : "unnamed" });
  }
  return orphans;
}

/** Removes the orphans found in `root`; a file named again meanwhile is kept (names are read again first). */
export async function removeOrphans(ctx: Ctx, root: string, orphans: readonly Orphan[]): Promise<number> {
  const inUse = await keysInUse(ctx);
  let removed = 0;
  for (const orphan of orphans) {
    if (orphan.kind === "unnamed" && inUse.has(orphan.name)) continue;
    await fs.rm(path.join(root, orphan.name), { force: true });
    removed++;
  }
  return removed;
}
