/**
 * Uploaded images are decoded and drawn again with sharp (libvips), never kept as sent: what we
 * store is only pixels, so EXIF (GPS, camera, time), XMP, ICC, comments and bytes hidden after
 * the picture cannot survive, whatever the container looked like. Anything sharp cannot decode
 * is refused rather than kept. A `.server` module so sharp never reaches a browser bundle.
 * docs/decisions/019-image-reencoding.md.
 */
import sharp from "sharp";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { AVATAR_BOX, inspectImage, MAX_AVATAR_BYTES, MAX_AVATAR_SIDE, type ImageProblem } from "./images";

/** How one kind of image is checked and re-encoded (avatars now; banners and post images later). */
export interface ImagePreset {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Largest side accepted, in pixels; also bounds what sharp will decode (maxSide²). */
  maxSide: number;
  /** The result fits inside this box, never enlarged. */
  box: { width: number; height: number };
  /** WebP quality, 1..100. */
  quality: number;
}

export const AVATAR_IMAGE: ImagePreset = {
  maxBytes: MAX_AVATAR_BYTES,
  maxSide: MAX_AVATAR_SIDE,
  box: { width: AVATAR_BOX, height: AVATAR_BOX },
  quality: 80,
};

/** WebP for every result: every browser we support shows it, it keeps PNG transparency, and it is smaller than JPEG. */
export const REENCODED_FORMAT = { contentType: "image/webp", ext: "webp" } as const;

export type Reencoded =
  | { ok: true; bytes: Uint8Array; contentType: "image/webp"; ext: "webp"; width: number; height: number }
  /** `detail` is sharp's own words, for logs and the conversion script; `message` is for the member. */
  | { ok: false; problem: ImageProblem; message: string; detail?: string };

/** A photo takes well under a second; this only stops a crafted file from holding a core. */
const DECODE_TIMEOUT_SECONDS = 10;

/**
 * The image drawn again: upright (EXIF orientation applied), at most `box` in size, as WebP
 * with no metadata at all. Refused with a message for the member when the bytes are not a PNG,
 * JPEG or WebP within the limits, or when sharp cannot decode them completely; the message in the
 * words of `t` (the member's translator; English by default).
 */
export async function reencodeImage(bytes: Uint8Array, preset: ImagePreset, t: Translate = translator("en")): Promise<Reencoded> {
  // Magic bytes, byte size and header size first: refusing a 50000 x 50000 header costs nothing.
  const verdict = inspectImage(bytes, { maxBytes: preset.maxBytes, maxSide: preset.maxSide }, t);
  if (!verdict.ok) return verdict;
  try {
    const { data, info } = await sharp(bytes, {
      // "error" refuses truncated and corrupt data; plain warnings (common in phone JPEGs) pass.
      failOn: "error",
      // sharp's own reading of the size, in case the header we read is not the one it decodes.
      limitInputPixels: preset.maxSide * preset.maxSide,
      // The first frame of an animated WebP only.
      pages: 1,
    })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .rotate() // before the orientation tag is dropped with the rest of the metadata
      .resize({ width: preset.box.width, height: preset.box.height, fit: "inside", withoutEnlargement: true })
      // No keepMetadata()/withMetadata(): sharp writes no EXIF, XMP or ICC and converts to sRGB.
      .webp({ quality: preset.quality })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: new Uint8Array(data.buffer, data.byteOffset, data.length), ...REENCODED_FORMAT, width: info.width, height: info.height };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(detail)) {
      return {
        ok: false,
        problem: "too-many-pixels",
        message: t("profileForms.image.pixelLimit", { side: preset.maxSide }),
        detail,
      };
    }
    return { ok: false, problem: "unreadable", message: t("profileForms.image.undecodable"), detail };
  }
}

/** A profile photo: at most 512 x 512, WebP, nothing but pixels. */
export const reencodeAvatar = (bytes: Uint8Array, t?: Translate): Promise<Reencoded> => reencodeImage(bytes, AVATAR_IMAGE, t);
