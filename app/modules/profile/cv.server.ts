/**
 * The one CV a member keeps on their profile (issue 13 item 9; decision 027): an ordinary
 * `uploads` row (fileType 'cv') named by member_settings.cv_upload_id, its file in the storage
 * service under a random key of the same shape as an application's CV (so account deletion
 * removes it like any CV). Only its owner reads it: every query starts from member_settings of
 * `user_id = me`. Applying with it copies the file into the application, so the hiring side
 * sees a CV only through an application, and replacing the profile CV later changes no
 * application already sent.
 */
import { and, eq, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, dirOf, type Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { CV_CONTENT_TYPES, cvFileName, type CvKind, kindOfKey } from "~/modules/jobs/index.server";
import { randomKey, storage as appStorage, type Storage } from "~/services/storage.server";

export interface SavedCv {
  uploadId: number;
  key: string;
  kind: CvKind;
  /** The name it downloads as ("cv-amal-haddad.pdf"); uploads keeps no original file name. */
  fileName: string;
  /** "cv-amal-haddad.pdf, added 4 Dec 2026": what the apply form and the settings page show, in `lang`. */
  label: string;
}

/** The member's own saved CV, or null; its label in `lang` (the reader's language: languageOf(request)). */
export async function savedCvOf(ctx: Ctx, userId: string, lang: Language = "en"): Promise<SavedCv | null> {
  const { member_settings: s, uploads: u, User } = ctx.t;
  const [row] = await ctx.db
    .select({ id: u.id, key: u.fileUrl, createdAt: u.createdAt, name: User.name })
    .from(s)
    .innerJoin(u, and(eq(u.id, s.cv_upload_id), eq(u.fileType, "cv")))
    .innerJoin(User, eq(User.id, s.user_id))
    .where(eq(s.user_id, userId))
    .limit(1);
  if (!row) return null;
  const kind = kindOfKey(row.key);
  if (!kind) return null;
  const fileName = cvFileName(row.name ?? "", kind);
  // The file name reads left to right, whole, inside an Arabic sentence.
  const name = dirOf(lang) === "rtl" ? bidi(fileName) : fileName;
  return { uploadId: row.id, key: row.key, kind, fileName, label: translator(lang)("profile.cv.label", { fileName: name, date: formatDate(row.createdAt, lang) }) };
}

/**
 * The bytes of the saved CV `uploadId`, only when it is the one on `userId`'s own profile (the
 * check is the query's WHERE): another member's upload id finds nothing.
 */
export async function readSavedCv(
  ctx: Ctx,
  userId: string,
  uploadId: number,
  store: Storage = appStorage(),
): Promise<{ bytes: Uint8Array; kind: CvKind; contentType: string; fileName: string } | null> {
  if (!Number.isSafeInteger(uploadId) || uploadId <= 0) return null;
  const { member_settings: s, uploads: u, User } = ctx.t;
  const [row] = await ctx.db
    .select({ key: u.fileUrl, name: User.name })
    .from(s)
    .innerJoin(u, and(eq(u.id, s.cv_upload_id), eq(u.fileType, "cv")))
    .innerJoin(User, eq(User.id, s.user_id))
    .where(and(eq(s.user_id, userId), eq(s.cv_upload_id, uploadId)))
    .limit(1);
  const kind = row ? kindOfKey(row.key) : null;
  if (!row || !kind) return null;
  const file = await store.get(row.key);
  if (!file) return null;
  return { bytes: file.bytes, kind, contentType: file.contentType, fileName: cvFileName(row.name ?? "", kind) };
}

/** Serialises the CV changes of one member on PostgreSQL (SQLite serialises every write). */
async function lockMember(tx: Ctx, userId: string): Promise<void> {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`profile-cv:${userId}`}))`);
}

/**
 * Points the member's profile at `newUploadId` (or nothing); returns the key of the upload it
 * replaced. A member without a member_settings row gets one with `zone` (their effective zone):
 * a row's zone counts as chosen, so a default of UTC would move their calendar.
 */
async function swapProfileCv(tx: Ctx, userId: string, newUploadId: number | null, now: Date, zone = "UTC"): Promise<string | null> {
  const { member_settings: s, uploads: u } = tx.t;
  await lockMember(tx, userId);
  const [old] = await tx.db
    .select({ id: u.id, key: u.fileUrl })
    .from(s)
    .innerJoin(u, eq(u.id, s.cv_upload_id))
    .where(eq(s.user_id, userId))
    .limit(1);
  if (newUploadId === null) {
    await tx.db.update(s).set({ cv_upload_id: null, updated_at: now }).where(eq(s.user_id, userId));
  } else {
    await tx.db
      .insert(s)
      .values({ user_id: userId, time_zone: zone, cv_upload_id: newUploadId, updated_at: now })
      .onConflictDoUpdate({ target: s.user_id, set: { cv_upload_id: newUploadId, updated_at: now } });
  }
  if (!old) return null;
  await tx.db.delete(u).where(eq(u.id, old.id));
  return old.key;
}

/**
 * Keeps `file` (already checked by inspectCv) as the member's CV, replacing the one before. The
 * file is stored first; the rows change in one transaction; the old file goes after it.
 */
export async function saveProfileCv(
  ctx: Ctx,
  member: { id: string; email: string },
  file: { bytes: Uint8Array; kind: CvKind },
  options: { zone: string; store?: Storage; now?: Date },
): Promise<void> {
  const store = options.store ?? appStorage();
  const now = options.now ?? new Date();
  const key = randomKey("cv", file.kind);
  await store.put(key, file.bytes, CV_CONTENT_TYPES[file.kind]);
  let replaced: string | null;
  try {
    replaced = await withTx(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(tx.t.uploads)
        .values({ userEmail: member.email, fileUrl: key, fileType: "cv", createdAt: now })
        .returning({ id: tx.t.uploads.id });
      return swapProfileCv(tx, member.id, row.id, now, options.zone);
    });
  } catch (error) {
    await store.delete(key);
    throw error;
  }
  if (replaced) await store.delete(replaced);
}

/**
 * Keeps a CV the member just uploaded (the apply form's "keep it", or /settings/cv) as their
 * profile CV; a member without settings yet gets their effective zone saved with it.
 */
export async function keepProfileCv(
  ctx: Ctx,
  member: { id: string; email: string },
  file: { bytes: Uint8Array; kind: CvKind },
  request: Request,
): Promise<void> {
  const { zone } = await effectiveZone(ctx, member.id, request);
  await saveProfileCv(ctx, { id: member.id, email: member.email }, file, { zone });
}

/** Removes the member's saved CV (row and file); false when there was none. */
export async function removeProfileCv(ctx: Ctx, userId: string, store: Storage = appStorage()): Promise<boolean> {
  const replaced = await withTx(ctx, (tx) => swapProfileCv(tx, userId, null, new Date()));
  if (replaced) await store.delete(replaced);
  return replaced !== null;
}
