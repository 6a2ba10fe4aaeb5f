/**
 * The one way an action reads its form (decision 038): the body's size checked before it is read,
 * urlencoded or multipart (files streamed, kept up to their limit and only counted past it), the
 * CSRF token checked, the fields checked by the route's zod schema, and what was typed handed back
 * for re-display (never a password), with the first message for each field keyed by its name.
 * It lives beside the CSRF check because the token is bound to the member's session.
 */
import { unstable_parseMultipartFormData as parseMultipart } from "@remix-run/node";
import { z } from "zod";
import { formObject, type FieldErrors } from "~/lib/forms";
import { translatedFieldErrors, translatorFor } from "~/lib/i18n.server";
import { CSRF_FIELD, requireCsrf } from "./csrf.server";

/** A file field as it was sent: its name, every byte counted, and the bytes when within the limit. */
export interface Upload {
  filename: string;
  /** Every byte the browser sent for the file. */
  size: number;
  /** The file's bytes; null when it was over its limit (they were not kept). */
  bytes: Uint8Array | null;
}

export interface ReadFormOptions {
  /** The largest body read (default 1 MB); a larger one is refused (413) before a byte is read. */
  maxBytes?: number;
  /** Fields never echoed back besides any whose name contains "password" (csrf and the honeypot never are). */
  secret?: readonly string[];
  /**
   * File fields read as a stream, by name, each with the bytes kept (past that only counted).
   * With files, a body over maxBytes comes back as `tooLarge` instead of a 413, so the route can
   * say so beside the file field.
   */
  files?: Record<string, number>;
}

export type FormValues = Record<string, string>;

interface FormRead {
  form: FormData;
  /** What was typed, to show again (no secrets). */
  values: FormValues;
  /** The files named in options.files; null where none was chosen. */
  files: Record<string, Upload | null>;
}

export type ReadForm<T> =
  | (FormRead & { ok: true; data: T; errors: FieldErrors; tooLarge?: undefined })
  | (FormRead & { ok: false; errors: FieldErrors; tooLarge?: boolean });

/** For actions whose form carries nothing but the CSRF token (a button). */
export const noFields = z.object({});

const DEFAULT_MAX_BYTES = 1_000_000;
/** The most of any one text field kept from a multipart body (the longest field allows 10,000 characters). */
const TEXT_FIELD_MAX_BYTES = 64 * 1024;
const NEVER_ECHOED = new Set([CSRF_FIELD, "website"]);

const LENGTH_UNKNOWN = "common.form.lengthUnknown";
const UNREADABLE = "common.form.unreadable";

/** Reads the request's form, checks its CSRF token and its fields; throws 403/411/413/400 Responses for what no page sends. */
export async function readForm<S extends z.ZodTypeAny>(request: Request, schema: S, options: ReadFormOptions = {}): Promise<ReadForm<z.output<S>>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/");
  const declared = request.headers.get("Content-Length");
  // Browsers always state the size of a form; a body of unknown size (chunked) could be endless.
  if (declared === null && multipart && request.body !== null) throw new Response((await translatorFor(request))(LENGTH_UNKNOWN), { status: 411 });
  if (Number(declared ?? "0") > maxBytes) {
    if (options.files) return { ok: false, tooLarge: true, errors: {}, values: {}, form: new FormData(), files: {} };
    throw new Response((await translatorFor(request))("common.form.tooLargeLimit", { mb: Math.round(maxBytes / 1_000_000) }), { status: 413 });
  }

  const files: Record<string, Upload | null> = {};
  let form: FormData;
  try {
    form = multipart && options.files ? await readStreamed(request, options.files, files) : await request.formData();
  } catch {
    throw new Response((await translatorFor(request))(UNREADABLE), { status: 400 });
  }
  await requireCsrf(request, form);
  for (const name of Object.keys(options.files ?? {})) {
    // A file input left empty is sent as a part with no file name and no bytes.
    const upload = files[name];
    files[name] = upload && (upload.filename !== "" || upload.size > 0) ? upload : null;
  }

  const values = echoed(form, options.secret ?? []);
  const parsed = schema.safeParse({ ...formObject(form), ...files });
  return parsed.success
    ? { ok: true, data: parsed.data, errors: {}, values, form, files }
    : { ok: false, errors: translatedFieldErrors(parsed.error, await translatorFor(request)), values, form, files };
}

function echoed(form: FormData, secret: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name in values || NEVER_ECHOED.has(name) || secret.includes(name)) continue;
    if (name.toLowerCase().includes("password")) continue;
    values[name] = value;
  }
  return values;
}

async function readStreamed(request: Request, limits: Record<string, number>, files: Record<string, Upload | null>): Promise<FormData> {
  return parseMultipart(request, async (part) => {
    if (part.filename !== undefined) {
      const wanted = Object.hasOwn(limits, part.name) && !(part.name in files);
      const { size, bytes } = await collect(part.data, wanted ? limits[part.name] : 0);
      if (wanted) files[part.name] = { filename: part.filename, size, bytes };
      return undefined;
    }
    // Text past 64 KB is cut (the field's own length limit then says it is too long).
    const { bytes } = await collect(part.data, TEXT_FIELD_MAX_BYTES, true);
    return new TextDecoder().decode(bytes ?? new Uint8Array());
  });
}

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
