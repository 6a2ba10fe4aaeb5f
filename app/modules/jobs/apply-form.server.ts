/**
 * Reading the apply form (multipart/form-data) as a stream: the text fields are kept, the CV's
 * bytes are kept up to 5 MB and only counted after that (never buffered), so a CV that is too
 * large is refused beside its field with the cover letter still in the form. A body declared
 * larger than READ_LIMIT_BYTES is refused before a byte of it is read (413).
 */
import { unstable_parseMultipartFormData as parseMultipart } from "@remix-run/node";
import { parseForm, requireCsrf } from "~/modules/accounts/index.server";
import { CV_MESSAGES, inspectCv, MAX_CV_BYTES, type CvKind } from "./cv";

/** Bodies up to this size are read (the CV over 5 MB discarded as it streams); larger ones are refused unread. */
export const READ_LIMIT_BYTES = 3 * MAX_CV_BYTES;
/** The most of any one text field that is kept (the cover letter's limit is 10,000 characters). */
const TEXT_FIELD_MAX_BYTES = 64 * 1024;

export interface CvUpload {
  filename: string;
  /** Every byte the browser sent for the file. */
  size: number;
  /** The file's bytes; null when it was over 5 MB (they were not kept). */
  bytes: Uint8Array | null;
}

export type ApplyForm =
  | { kind: "read"; form: FormData; cv: CvUpload | null }
  /** Declared larger than READ_LIMIT_BYTES: nothing was read, not even the text fields. */
  | { kind: "unread" };

/** Reads a part to its end, keeping at most `keep` bytes: all or nothing, or (truncate) the first `keep`. */
async function collect(data: AsyncIterable<Uint8Array>, keep: number, truncate = false): Promise<{ size: number; bytes: Uint8Array | null }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (kept + chunk.byteLength <= keep) {
      chunks.push(chunk);
      kept += chunk.byteLength;
    } else if (truncate && kept < keep) {
      chunks.push(chunk.subarray(0, keep - kept));
      kept = keep;
    } else if (!truncate) {
      chunks.length = 0; // over the limit: drop what was kept and only count the rest
    }
  }
  if (size > keep && !truncate) return { size, bytes: null };
  size = Math.min(size, keep);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { size, bytes };
}

export async function readApplyForm(request: Request): Promise<ApplyForm> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    // A form without a file (an old page, a script): read as usual; the CV is then missing.
    return { kind: "read", form: await parseForm(request), cv: null };
  }
  const declared = request.headers.get("Content-Length");
  if (declared === null) {
    throw new Response("The upload did not say how large it is. Please send it again from the page's form.", { status: 411 });
  }
  if (Number(declared) > READ_LIMIT_BYTES) return { kind: "unread" };

  let cv: CvUpload | null = null;
  let form: FormData;
  try {
    form = await parseMultipart(request, async (part) => {
      if (part.filename !== undefined) {
        const { size, bytes } = await collect(part.data, part.name === "cv" && cv === null ? MAX_CV_BYTES : 0);
        if (part.name === "cv" && cv === null) cv = { filename: part.filename, size, bytes };
        return undefined;
      }
      // Text past 64 KB is cut (the cover letter's 10,000-character limit then says it is too long).
      const { bytes } = await collect(part.data, TEXT_FIELD_MAX_BYTES, true);
      return new TextDecoder().decode(bytes ?? new Uint8Array());
    });
  } catch {
    throw new Response("The form could not be read. Go back and try again.", { status: 400 });
  }
  await requireCsrf(request, form);
  // A file input left empty is sent as a part with no name and no bytes.
  const chosen = cv as CvUpload | null;
  return { kind: "read", form, cv: chosen && (chosen.filename !== "" || chosen.size > 0) ? chosen : null };
}

/** A chosen CV checked by its bytes: the file to store, or the message for beside the field. */
export function checkCvUpload(cv: CvUpload | null): { ok: true; file: { bytes: Uint8Array; kind: CvKind } } | { ok: false; message: string } {
  if (!cv) return { ok: false, message: CV_MESSAGES.missing };
  if (cv.bytes === null || cv.size > MAX_CV_BYTES) return { ok: false, message: CV_MESSAGES.tooLarge };
  const verdict = inspectCv(cv.bytes);
  return verdict.ok ? { ok: true, file: { bytes: cv.bytes, kind: verdict.kind } } : { ok: false, message: verdict.message };
}
