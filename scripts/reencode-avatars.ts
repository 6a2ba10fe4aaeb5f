/**
 * npm run avatars:reencode
 *
 * Re-encodes the profile photos stored before decision 019 (at most 512 px, WebP, no metadata)
 * in the storage the app uses (UPLOADS_DIR, or the S3 bucket when STORAGE_DRIVER=s3) and points
 * User.avatarUrl of DATABASE_URL (default: the SQLite file) at the new files, 100 members per
 * batch. Prints how many were converted, already fine and unreadable (listed, left alone). Safe
 * to run again: converted photos count as already fine. See
 * app/modules/profile/reencode-avatars.server.ts.
 */
import { DEFAULT_SQLITE_URL } from "../db/client";
import { withScriptDatabase } from "./script-database";
import { reencodeStoredAvatars } from "../app/modules/profile/reencode-avatars.server";

if (process.argv.includes("--help")) {
  console.log(
    `Usage: npm run avatars:reencode\n\nRe-encodes the stored profile photos of DATABASE_URL (default ${DEFAULT_SQLITE_URL}) as 512-pixel WebP without metadata.`,
  );
  process.exit(0);
}

await withScriptDatabase(async (ctx) => {
  const started = performance.now();
  const report = await reencodeStoredAvatars(ctx, {
    onBatch: (r) => console.error(`batch ${r.batches}: converted ${r.converted}, already fine ${r.alreadyFine}, unreadable ${r.unreadable.length}`),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `converted ${report.converted}, already fine ${report.alreadyFine}, unreadable ${report.unreadable.length}, replaced by the member meanwhile ${report.changedMeanwhile}`,
  );
  for (const u of report.unreadable) console.log(`unreadable: User ${u.userId} ${u.url}: ${u.reason} (left as it is)`);
  console.error(`${report.batches} batch(es) in ${seconds.toFixed(1)} s on ${ctx.dialect}.`);
}, (message) => `Re-encoding failed: ${message}. Photos already converted stay converted; run it again to continue.`);
