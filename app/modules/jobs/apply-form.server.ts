/**
 * The forms that carry a CV (the apply form, /settings/cv), read by readForm as a stream: the text
 * fields are kept, the CV's bytes are kept up to 5 MB and only counted after that (never
 * buffered), so a CV that is too large is refused beside its field with the cover letter still in
 * the form. A body declared larger than READ_LIMIT_BYTES is refused before a byte of it is read.
 */
import type { ReadFormOptions, Upload } from "~/modules/accounts/index.server";
import { CV_MESSAGES, inspectCv, MAX_CV_BYTES, type CvKind } from "./cv";

/** Bodies up to this size are read (the CV over 5 MB discarded as it streams); larger ones are refused unread. */
export const READ_LIMIT_BYTES = 3 * MAX_CV_BYTES;

/** readForm's options for a form with a CV field. */
export const CV_FORM: ReadFormOptions = { maxBytes: READ_LIMIT_BYTES, files: { cv: MAX_CV_BYTES } };

/** A chosen CV checked by its bytes: the file to store, or the message for beside the field. */
export function checkCvUpload(cv: Upload | null | undefined): { ok: true; file: { bytes: Uint8Array; kind: CvKind } } | { ok: false; message: string } {
  if (!cv) return { ok: false, message: CV_MESSAGES.missing };
  if (cv.bytes === null || cv.size > MAX_CV_BYTES) return { ok: false, message: CV_MESSAGES.tooLarge };
  const verdict = inspectCv(cv.bytes);
  return verdict.ok ? { ok: true, file: { bytes: cv.bytes, kind: verdict.kind } } : { ok: false, message: verdict.message };
}
