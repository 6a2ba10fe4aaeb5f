/**
 * CV files, recognised by their bytes, never by their name or the browser's stated type (pure):
 * a PDF starts with "%PDF-"; a DOCX is a ZIP ("PK\x03\x04") whose entries include
 * "[Content_Types].xml" and something under "word/" (read from the ZIP's central directory, or,
 * when that cannot be found, by walking the local file headers).
 */
import { fileSlug } from "~/lib/slug";

export const MAX_CV_BYTES = 5 * 1024 * 1024;
export const MAX_CV_LABEL = "5 MB";

export type CvKind = "pdf" | "docx";
export const CV_CONTENT_TYPES: Record<CvKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * A refused CV's words in English, as inspectCv and checkCvUpload return them (the English the
 * tests compare); pages show them in the reader's language with `t(cvMessageId(message))`.
 */
export const CV_MESSAGES = {
  missing: "Choose your CV file (PDF or DOCX, at most 5 MB).",
  empty: "The file you chose is empty. Choose your CV again (PDF or DOCX, at most 5 MB).",
  tooLarge: "Your CV is larger than 5 MB. Choose a smaller file (saving it as PDF often makes it smaller).",
  program: "That file is a program, not a document. Choose your CV as a PDF or DOCX file.",
  wrongType: "That file is not a PDF or a Word (.docx) document. Choose your CV as a PDF or DOCX file.",
} as const;

/** The catalog id of each refusal: jobs.cv.<kind>. */
export const CV_MESSAGE_IDS: Record<keyof typeof CV_MESSAGES, string> = {
  missing: "jobs.cv.missing",
  empty: "jobs.cv.empty",
  tooLarge: "jobs.cv.tooLarge",
  program: "jobs.cv.program",
  wrongType: "jobs.cv.wrongType",
};

/** The message id of one of CV_MESSAGES (for t); any other text is returned as it is. */
export function cvMessageId(message: string): string {
  const kind = (Object.keys(CV_MESSAGES) as (keyof typeof CV_MESSAGES)[]).find((k) => CV_MESSAGES[k] === message);
  return kind ? CV_MESSAGE_IDS[kind] : message;
}

export type CvVerdict = { ok: true; kind: CvKind; contentType: string } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const ZIP_END = [0x50, 0x4b, 0x05, 0x06];
const MZ = [0x4d, 0x5a];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACHO = [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]];
const SHEBANG = [0x23, 0x21]; // #!

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const latin1 = (b: Uint8Array, from: number, length: number) => String.fromCharCode(...b.subarray(from, from + length));

/** The entry names of a ZIP archive from its central directory; null when there is none to read. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (!startsWith(bytes, ZIP_END, at)) continue;
    const count = u16(bytes, at + 10);
    const offset = u32(bytes, at + 16);
    const names: string[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || !startsWith(bytes, ZIP_CENTRAL, p)) return null;
      const nameLength = u16(bytes, p + 28);
      const extraLength = u16(bytes, p + 30);
      const commentLength = u16(bytes, p + 32);
      if (p + 46 + nameLength > bytes.length) return null;
      names.push(latin1(bytes, p + 46, nameLength));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** Entry names from the local headers, front to back (stops at an entry whose size is not in its header). */
function localHeaderNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= bytes.length && startsWith(bytes, ZIP_LOCAL, p) && names.length < 10_000) {
    const flags = u16(bytes, p + 6);
    const compressed = u32(bytes, p + 18);
    const nameLength = u16(bytes, p + 26);
    const extraLength = u16(bytes, p + 28);
    if (p + 30 + nameLength > bytes.length) break;
    names.push(latin1(bytes, p + 30, nameLength));
    if (flags & 0x08) break; // sizes follow the data: cannot skip ahead safely
    p += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** True for a ZIP that holds a Word document's parts. */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_LOCAL)) return false;
  const hasParts = (names: string[]) => names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("word/"));
  const central = centralDirectoryNames(bytes);
  if (central && hasParts(central)) return true;
  return hasParts(localHeaderNames(bytes));
}

export function isExecutable(bytes: Uint8Array): boolean {
  return startsWith(bytes, MZ) || startsWith(bytes, ELF) || startsWith(bytes, SHEBANG) || MACHO.some((m) => startsWith(bytes, m));
}

/** What a CV upload is, or the message to show beside the CV field. */
export function inspectCv(bytes: Uint8Array): CvVerdict {
  if (bytes.length === 0) return { ok: false, message: CV_MESSAGES.empty };
  if (bytes.length > MAX_CV_BYTES) return { ok: false, message: CV_MESSAGES.tooLarge };
  if (startsWith(bytes, PDF)) return { ok: true, kind: "pdf", contentType: CV_CONTENT_TYPES.pdf };
  if (isDocx(bytes)) return { ok: true, kind: "docx", contentType: CV_CONTENT_TYPES.docx };
  if (isExecutable(bytes)) return { ok: false, message: CV_MESSAGES.program };
  return { ok: false, message: CV_MESSAGES.wrongType };
}

/** "cv-amal-haddad.pdf": the download's file name, from the applicant's name (ASCII letters and digits only). */
export function cvFileName(name: string, kind: CvKind): string {
  return `cv-${fileSlug(name, "applicant")}.${kind}`;
}

/**
 * The storage key of an application's CV: "cv-" + the application's random id (a UUID v4, 122
 * random bits, without dashes) + the type. uploads.fileUrl holds it; the id alone finds it.
 */
export const cvKey = (applicationId: string, kind: CvKind) => `cv-${applicationId.replace(/-/g, "").toLowerCase()}.${kind}`;
export const isCvKey = (value: string) => /^cv-[0-9a-f]{32}\.(pdf|docx)$/.test(value);
export const kindOfKey = (key: string): CvKind | null => (key.endsWith(".pdf") ? "pdf" : key.endsWith(".docx") ? "docx" : null);
