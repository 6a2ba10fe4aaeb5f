/**
 * Profile photos, judged by their bytes alone: the type by magic bytes (never the file name or the
 * declared type) and the pixel size from the header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X).
 * Pure functions, no I/O.
 */

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
export const MAX_AVATAR_SIDE = 4096;

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

const formatBytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
/** "2.4 MB", or "just over 2 MB" when one decimal would print the limit itself. */
const sizeOver = (n: number, limit: number) =>
  formatBytes(n) === formatBytes(limit) ? `just over ${formatBytes(limit).replace(".0", "")}` : formatBytes(n);

/**
 * Decides whether `bytes` may become a profile photo: a PNG, JPEG or WebP whose header says how
 * large it is, at most 2 MB and at most 4096 x 4096 pixels.
 */
export function inspectImage(bytes: Uint8Array, limits = { maxBytes: MAX_AVATAR_BYTES, maxSide: MAX_AVATAR_SIDE }): ImageVerdict {
  if (bytes.length === 0) {
    return { ok: false, problem: "empty", message: "That file is empty. Choose a PNG, JPEG or WebP photo." };
  }
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      problem: "too-large",
      message: `That photo is ${sizeOver(bytes.length, limits.maxBytes)}; the limit is ${formatBytes(limits.maxBytes).replace(".0", "")}. Choose a smaller one.`,
    };
  }
  const type = sniffImageType(bytes);
  if (!type) {
    return {
      ok: false,
      problem: "not-an-image",
      message: "That file is not a PNG, JPEG or WebP image, whatever its name says. Choose a photo in one of those formats.",
    };
  }
  const size = type === "png" ? pngSize(bytes) : type === "jpeg" ? jpegSize(bytes) : webpSize(bytes);
  if (!size || size.width < 1 || size.height < 1) {
    return {
      ok: false,
      problem: "unreadable",
      message: "We could not read the size of that image; the file may be damaged. Save it again or choose another photo.",
    };
  }
  if (size.width > limits.maxSide || size.height > limits.maxSide) {
    return {
      ok: false,
      problem: "too-many-pixels",
      message: `That image is ${size.width} × ${size.height} pixels; the limit is ${limits.maxSide} × ${limits.maxSide}. Make it smaller and try again.`,
    };
  }
  return { ok: true, type, ...IMAGE_FORMATS[type], ...size };
}

// ---------------------------------------------------------------------------------------------
// Metadata: phone photos carry the place they were taken (EXIF GPS), the camera and the time.
// A public profile photo keeps only what draws the picture; a JPEG keeps its orientation.

const PNG_DROPPED_CHUNKS = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

function stripPng(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32be(b, at);
    const end = at + 12 + length;
    if (end > b.length) return b; // a broken chunk list: leave the file as it came
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
    if (!PNG_DROPPED_CHUNKS.has(type)) kept.push(b.subarray(at, end));
    at = end;
    if (type === "IEND") break;
  }
  return concat(kept);
}

/** The EXIF orientation (1..8) of a JPEG APP1 "Exif" payload, or null. */
export function exifOrientation(app1: Uint8Array): number | null {
  if (!ascii(app1, 0, "Exif\0\0") || app1.length < 14) return null;
  const tiff = app1.subarray(6);
  const little = ascii(tiff, 0, "II");
  if (!little && !ascii(tiff, 0, "MM")) return null;
  const u16 = (at: number) => (little ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 segment holding nothing but an orientation. */
function orientationSegment(orientation: number): Uint8Array {
  // "Exif\0\0" + big-endian TIFF header + IFD0 with one SHORT entry + no next IFD.
  const body = [
    ...Array.from("Exif\0\0", (c) => c.charCodeAt(0)),
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ];
  const length = body.length + 2;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...body]);
}

// APP1 (Exif, XMP), APP13 (Photoshop/IPTC) and comments go; APP0 (JFIF), APP2 (ICC colours) and
// APP14 (Adobe colour transform) stay because they change how the picture looks.
const JPEG_DROPPED_MARKERS = new Set([0xe1, 0xed, 0xfe]);

function stripJpeg(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return b;
    const marker = b[at + 1];
    if (marker === 0xda) {
      // Start of scan: the rest is picture data.
      if (orientation && orientation !== 1) {
        // After the JFIF header when there is one (it must come first).
        const afterJfif = kept[1]?.[1] === 0xe0 ? 2 : 1;
        kept.splice(afterJfif, 0, orientationSegment(orientation));
      }
      kept.push(b.subarray(at));
      return concat(kept);
    }
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      kept.push(b.subarray(at, at + 2));
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const end = at + 2 + u16be(b, at + 2);
    if (end > b.length) return b;
    if (JPEG_DROPPED_MARKERS.has(marker)) {
      if (marker === 0xe1) orientation ??= exifOrientation(b.subarray(at + 4, end));
    } else {
      kept.push(b.subarray(at, end));
    }
    at = end;
  }
  return b;
}

function stripWebp(b: Uint8Array): Uint8Array {
  if (!ascii(b, 12, "VP8X")) return b; // simple WebP files have no room for metadata
  const kept: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= b.length) {
    const size = u32le(b, at + 4);
    const end = at + 8 + size + (size % 2); // chunks are padded to an even size
    if (end > b.length) return b;
    const fourcc = String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
    if (fourcc !== "EXIF" && fourcc !== "XMP ") kept.push(b.subarray(at, end));
    at = end;
  }
  const chunks = concat(kept);
  chunks[8] &= ~(0x08 | 0x04); // VP8X flags: no EXIF, no XMP
  const out = new Uint8Array(12 + chunks.length);
  out.set(b.subarray(0, 12));
  out.set(chunks, 12);
  const riffSize = out.length - 8;
  out[4] = riffSize & 0xff;
  out[5] = (riffSize >>> 8) & 0xff;
  out[6] = (riffSize >>> 16) & 0xff;
  out[7] = (riffSize >>> 24) & 0xff;
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The image without location, camera and text metadata (a JPEG keeps its orientation). */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  if (type === "png") return stripPng(bytes);
  if (type === "jpeg") return stripJpeg(bytes);
  return stripWebp(bytes);
}
