/**
 * Uploaded images, judged by their bytes alone: the type by magic bytes (never the file name or the
 * declared type) and the pixel size from the header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X).
 * These checks refuse cheaply what sharp should never be asked to decode; images.server.ts then
 * re-encodes what passes. Pure functions, no I/O (the settings page reads the limits from here).
 */

import type { Translate } from "~/lib/i18n";
// The English fallback for callers without a reader; server-only (pages pass their translator).
import { inEnglish } from "./english.server";

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
export const MAX_AVATAR_SIDE = 4096;
/** Avatars are shown in boxes of 32 to 128 CSS pixels; 512 covers them at 4x density. */
export const AVATAR_BOX = 512;

export type ImageType = "png" | "jpeg" | "webp";

export const IMAGE_FORMATS: Record<ImageType, { contentType: string; ext: string }> = {
  png: { contentType: "image/png", ext: "png" },
  jpeg: { contentType: "image/jpeg", ext: "jpg" },
  webp: { contentType: "image/webp", ext: "webp" },
};

export type ImageProblem = "empty" | "too-large" | "not-an-image" | "unreadable" | "too-many-pixels";

export type ImageVerdict =
  | { ok: true; type: ImageType; contentType: string; ext: string; width: number; height: number }
  | { ok: false; problem: ImageProblem; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, text: string) =>
  startsWith(bytes, Array.from(text, (c) => c.charCodeAt(0)), at);
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const u32le = (b: Uint8Array, at: number) => ((b[at + 3] << 24) >>> 0) + ((b[at + 2] << 16) | (b[at + 1] << 8) | b[at]);

/** The format by magic bytes, or null for anything else (a renamed text file, an executable...). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "webp";
  return null;
}

type Size = { width: number; height: number } | null;

function pngSize(b: Uint8Array): Size {
  // signature(8) | length(4) "IHDR"(4) width(4) height(4): IHDR must be the first chunk.
  if (b.length < 24 || !ascii(b, 12, "IHDR") || u32be(b, 8) !== 13) return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
const isSof = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(b: Uint8Array): Size {
  let at = 2; // after SOI
  while (at < b.length) {
    if (b[at] !== 0xff) return null;
    let marker = b[at + 1];
    while (marker === 0xff && at + 2 < b.length) marker = b[++at + 1]; // fill bytes
    at += 2;
    if (marker === undefined) return null;
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9 || marker === 0xda) return null; // EOI or scan data before any frame header
    if (at + 2 > b.length) return null;
    const length = u16be(b, at);
    if (length < 2) return null;
    if (isSof(marker)) {
      // length(2) precision(1) height(2) width(2)
      if (at + 7 > b.length || length < 7) return null;
      return { width: u16be(b, at + 5), height: u16be(b, at + 3) };
    }
    at += length;
  }
  return null;
}

function webpSize(b: Uint8Array): Size {
  // "RIFF" size(4) "WEBP", then the first chunk: fourcc(4) size(4) payload.
  if (b.length < 20) return null;
  const payload = 20;
  if (ascii(b, 12, "VP8 ")) {
    // frame tag(3) start code 9d 01 2a, then 14-bit width and height (2 bits of scale each).
    if (b.length < payload + 10 || !startsWith(b, [0x9d, 0x01, 0x2a], payload + 3)) return null;
    return { width: u16le(b, payload + 6) & 0x3fff, height: u16le(b, payload + 8) & 0x3fff };
  }
  if (ascii(b, 12, "VP8L")) {
    // signature 0x2f, then width-1 (14 bits) and height-1 (14 bits), little-endian bit order.
    if (b.length < payload + 5 || b[payload] !== 0x2f) return null;
    const bits = u32le(b, payload + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, "VP8X")) {
    // flags(1) reserved(3), canvas width-1 (24 bits), canvas height-1 (24 bits).
    if (b.length < payload + 10) return null;
    return { width: u24le(b, payload + 4) + 1, height: u24le(b, payload + 7) + 1 };
  }
  return null;
}

/** Megabytes with one decimal ("2.4"); a whole number drops it ("2"). */
const megabytes = (n: number) => (n / (1024 * 1024)).toFixed(1);
const wholeMegabytes = (n: number) => megabytes(n).replace(".0", "");

/**
 * Decides whether `bytes` may become a profile photo: a PNG, JPEG or WebP whose header says how
 * large it is, at most 2 MB and at most 4096 x 4096 pixels.
 */
export function inspectImage(bytes: Uint8Array, limits = { maxBytes: MAX_AVATAR_BYTES, maxSide: MAX_AVATAR_SIDE }, t: Translate = inEnglish): ImageVerdict {
  if (bytes.length === 0) {
    return { ok: false, problem: "empty", message: t("profileForms.image.empty") };
  }
  if (bytes.length > limits.maxBytes) {
    // "just over 2 MB" when one decimal would print the limit itself.
    const justOver = megabytes(bytes.length) === megabytes(limits.maxBytes);
    return {
      ok: false,
      problem: "too-large",
      message: t(justOver ? "profileForms.image.tooLargeJustOver" : "profileForms.image.tooLarge", { size: megabytes(bytes.length), limit: wholeMegabytes(limits.maxBytes) }),
    };
  }
  const type = sniffImageType(bytes);
  if (!type) {
    return {
      ok: false,
      problem: "not-an-image",
      message: t("profileForms.image.notAnImage"),
    };
  }
  const size = type === "png" ? pngSize(bytes) : type === "jpeg" ? jpegSize(bytes) : webpSize(bytes);
  if (!size || size.width < 1 || size.height < 1) {
    return {
      ok: false,
      problem: "unreadable",
      message: t("profileForms.image.sizeUnreadable"),
    };
  }
  if (size.width > limits.maxSide || size.height > limits.maxSide) {
    return {
      ok: false,
      problem: "too-many-pixels",
      message: t("profileForms.image.tooManyPixels", { width: size.width, height: size.height, side: limits.maxSide }),
    };
  }
  return { ok: true, type, ...IMAGE_FORMATS[type], ...size };
}

// ---------------------------------------------------------------------------------------------
// What re-encoding writes: a WebP that can carry nothing but pixels.

/** VP8X flag bits for ICC, EXIF, XMP and animation: none of them appear in what we write. */
const VP8X_METADATA_FLAGS = 0x20 | 0x08 | 0x04 | 0x02;
const PICTURE_CHUNKS = new Set(["VP8 ", "VP8L", "VP8X", "ALPH"]);

/**
 * Whether `bytes` already look like images.server.ts output: a WebP whose RIFF size is the file
 * size (nothing appended), whose chunks are picture chunks only (no EXIF, XMP, ICC or unknown
 * chunk) and whose sides fit in `box`. Lets the re-encoding script leave converted files alone.
 */
export function isReencodedWebp(bytes: Uint8Array, box = AVATAR_BOX): boolean {
  if (sniffImageType(bytes) !== "webp" || u32le(bytes, 4) + 8 !== bytes.length) return false;
  let at = 12;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    const fourcc = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    if (!PICTURE_CHUNKS.has(fourcc)) return false;
    if (fourcc === "VP8X" && (bytes[at + 8] & VP8X_METADATA_FLAGS) !== 0) return false;
    const size = u32le(bytes, at + 4);
    at += 8 + size + (size % 2);
  }
  if (at !== bytes.length) return false;
  const verdict = inspectImage(bytes);
  return verdict.ok && verdict.width <= box && verdict.height <= box;
}
