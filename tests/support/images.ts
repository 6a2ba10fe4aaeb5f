/**
 * Real, tiny image files for tests: PNGs built here byte by byte (zlib + CRC), and a JPEG and
 * WebPs that Chromium's encoder produced from a 3 x 2 canvas (kept as base64).
 */
import zlib from "node:zlib";

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid PNG of `width` x `height`. Colour: 8-bit RGB of one colour. `gray1` makes a 1-bit
 * greyscale image instead (cheap even at 5000 x 5000). `text` adds a tEXt chunk (metadata).
 */
export function pngBytes(width: number, height: number, options: { gray1?: boolean; text?: string } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = options.gray1 ? 1 : 8; // bit depth
  ihdr[9] = options.gray1 ? 0 : 2; // colour type: greyscale or RGB
  const rowBytes = options.gray1 ? Math.ceil(width / 8) : width * 3;
  const row = Buffer.alloc(1 + rowBytes); // filter byte 0, then pixels
  if (!options.gray1) for (let x = 0; x < width; x++) row.set([0x0f, 0x76, 0x6e], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
  if (options.text) parts.push(chunk("tEXt", Buffer.from(`Comment\0${options.text}`, "latin1")));
  parts.push(chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", new Uint8Array()));
  return Buffer.concat(parts);
}

/** 3 x 2 JPEG from Chromium's canvas.toDataURL("image/jpeg") (APP0 JFIF, APP2 ICC, baseline SOF0). */
export const JPEG_3x2 = Buffer.from(
  "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAMDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCMApBz/9k=",
  "base64",
);

/** 3 x 2 lossy WebP in the extended format (VP8X + ICCP + VP8), from Chromium. */
export const WEBP_VP8X_3x2 = Buffer.from(
  "UklGRhgCAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggKgAAAJABAJ0BKgMAAgACwEwloAJ0ugADmAD+7c7f/maP5I/QLoP/WpkY+RcAAA==",
  "base64",
);

/** 3 x 2 lossless WebP in the extended format (VP8X + ICCP + VP8L), from Chromium. */
export const WEBP_VP8X_LOSSLESS_3x2 = Buffer.from(
  "UklGRgACAABXRUJQVlA4WAoAAAAgAAAAAgAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDhMEQAAAC8CQAAAB1CndhS7/4GI6H8AAA==",
  "base64",
);

/** The last chunk of a RIFF file (the picture itself in the files above). */
function lastRiffChunk(file: Buffer): Buffer {
  let at = 12;
  let last = at;
  while (at + 8 <= file.length) {
    last = at;
    const size = file.readUInt32LE(at + 4);
    at += 8 + size + (size % 2);
  }
  return file.subarray(last, at);
}

/** A WebP file holding only `picture` (a VP8 or VP8L chunk): the simple format. */
export function riffWebp(picture: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4 + picture.length, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, picture]);
}

/** 3 x 2 lossy WebP, simple format (VP8). */
export const WEBP_VP8_3x2 = riffWebp(lastRiffChunk(WEBP_VP8X_3x2));
/** 3 x 2 lossless WebP, simple format (VP8L). */
export const WEBP_VP8L_3x2 = riffWebp(lastRiffChunk(WEBP_VP8X_LOSSLESS_3x2));

/** The start of a Windows executable ("MZ") and of a Linux one (ELF). */
export const EXE_BYTES = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120, 0x41)]);
export const ELF_BYTES = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(120)]);

/**
 * JPEG_3x2 with an APP1 "Exif" segment after its JFIF header: IFD0 holds the orientation and a
 * text tag (ImageDescription) standing in for the location and camera details phones write.
 */
export function jpegWithExif(orientation: number, secret: string): Buffer {
  const text = Buffer.from(`${secret}\0`, "latin1");
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8); // two entries
  // ImageDescription (0x010e), ASCII, count, offset to the text after the IFD
  tiff.writeUInt16LE(0x010e, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(text.length, 14);
  tiff.writeUInt32LE(tiff.length, 18);
  // Orientation (0x0112), SHORT, 1, value
  tiff.writeUInt16LE(0x0112, 22);
  tiff.writeUInt16LE(3, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt16LE(orientation, 30);
  tiff.writeUInt32LE(0, 34); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff, text]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  const app0End = 4 + JPEG_3x2.readUInt16BE(4); // SOI(2) + APP0 marker(2) + its length
  return Buffer.concat([JPEG_3x2.subarray(0, app0End), segment, JPEG_3x2.subarray(app0End)]);
}
