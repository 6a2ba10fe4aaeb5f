/**
 * Real image files for tests: PNGs built here byte by byte (zlib + CRC), a JPEG and WebPs that
 * Chromium's encoder produced from a 3 x 2 canvas (kept as base64), EXIF segments built by hand,
 * and larger photos that sharp encodes from generated pixels.
 */
import zlib from "node:zlib";
import sharp from "sharp";

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

/** `jpeg` with `segment` (a whole APPn) after its JFIF header, or right after SOI when it has none. */
function insertSegment(jpeg: Buffer, segment: Buffer): Buffer {
  const at = jpeg[3] === 0xe0 ? 4 + jpeg.readUInt16BE(4) : 2;
  return Buffer.concat([jpeg.subarray(0, at), segment, jpeg.subarray(at)]);
}

const app1Exif = (tiff: Buffer): Buffer => {
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  return Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
};

/**
 * `base` (JPEG_3x2 unless given) with an APP1 "Exif" segment: IFD0 holds the orientation and a
 * text tag (ImageDescription) standing in for the location and camera details phones write.
 */
export function jpegWithExif(orientation: number, secret: string, base: Buffer = JPEG_3x2): Buffer {
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
  return insertSegment(base, app1Exif(Buffer.concat([tiff, text])));
}

/** The text a phone leaves in the GPS block of `jpegWithGps`: none of it may reach a stored photo. */
export const GPS_MARKERS = { datum: "WGS-84 LADDER-GPS-DATUM", area: "LADDER-GPS-AREA Dubai Marina", make: "LadderPhone" } as const;

/**
 * `base` (JPEG_3x2 unless given) with the EXIF a phone writes: IFD0 with Make and a pointer to a
 * GPS IFD holding latitude and longitude (25°12'17" N, 55°16'15" E), the map datum and an area
 * name. Big-endian, as many cameras write it. The strings are GPS_MARKERS.
 */
export function jpegWithGps(base: Buffer = JPEG_3x2): Buffer {
  type Entry = { tag: number; type: number; count: number; value: Buffer };
  const ascii = (text: string) => Buffer.from(`${text}\0`, "latin1");
  const rationals = (...pairs: [number, number][]) => {
    const b = Buffer.alloc(pairs.length * 8);
    pairs.forEach(([n, d], i) => {
      b.writeUInt32BE(n, i * 8);
      b.writeUInt32BE(d, i * 8 + 4);
    });
    return b;
  };
  const asciiEntry = (tag: number, text: string): Entry => ({ tag, type: 2, count: text.length + 1, value: ascii(text) });
  // An IFD at `offset`: entries, next-IFD 0, then the values that do not fit in 4 bytes.
  const ifd = (offset: number, entries: Entry[]): Buffer => {
    const head = Buffer.alloc(2 + entries.length * 12 + 4);
    head.writeUInt16BE(entries.length, 0);
    const extra: Buffer[] = [];
    let extraAt = offset + head.length;
    entries.forEach((e, i) => {
      const at = 2 + i * 12;
      head.writeUInt16BE(e.tag, at);
      head.writeUInt16BE(e.type, at + 2);
      head.writeUInt32BE(e.count, at + 4);
      if (e.value.length <= 4) e.value.copy(head, at + 8);
      else {
        head.writeUInt32BE(extraAt, at + 8);
        const padded = e.value.length % 2 ? Buffer.concat([e.value, Buffer.alloc(1)]) : e.value;
        extra.push(padded);
        extraAt += padded.length;
      }
    });
    return Buffer.concat([head, ...extra]);
  };
  const gpsEntries = (): Entry[] => [
    asciiEntry(0x0001, "N"), // GPSLatitudeRef
    { tag: 0x0002, type: 5, count: 3, value: rationals([25, 1], [12, 1], [17, 1]) }, // GPSLatitude
    asciiEntry(0x0003, "E"), // GPSLongitudeRef
    { tag: 0x0004, type: 5, count: 3, value: rationals([55, 1], [16, 1], [15, 1]) }, // GPSLongitude
    asciiEntry(0x0012, GPS_MARKERS.datum), // GPSMapDatum
    { tag: 0x001c, type: 7, count: GPS_MARKERS.area.length, value: Buffer.from(GPS_MARKERS.area, "latin1") }, // GPSAreaInformation
  ];
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]);
  const gpsPointer = Buffer.alloc(4);
  const ifd0Entries: Entry[] = [asciiEntry(0x010f, GPS_MARKERS.make), { tag: 0x8825, type: 4, count: 1, value: gpsPointer }];
  const ifd0Length = ifd(8, ifd0Entries).length;
  gpsPointer.writeUInt32BE(8 + ifd0Length);
  const tiff = Buffer.concat([header, ifd(8, ifd0Entries), ifd(8 + ifd0Length, gpsEntries())]);
  return insertSegment(base, app1Exif(tiff));
}

/** `image` with `trailer` after its last byte (after a JPEG's end-of-image marker): a hidden ZIP, a note... */
export const withTrailer = (image: Buffer, trailer: Buffer | string): Buffer => Buffer.concat([image, Buffer.from(trailer)]);

/** A small ZIP (one stored file) of the kind people hide after a JPEG's end. */
export function zipBytes(name: string, content: string): Buffer {
  const data = Buffer.from(content, "latin1");
  const file = Buffer.from(name, "latin1");
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

/**
 * A photo-like JPEG of `width` x `height`: soft gradients with a little deterministic noise, so it
 * compresses like a camera picture.
 */
export async function photoJpeg(width: number, height: number, options: { quality?: number; split?: boolean } = {}): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 0x2545f491;
  const noise = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % 10;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      if (options.split) {
        // Left half red, right half blue: shows which way a rotation went.
        raw.set(x < width / 2 ? [220, 20, 20] : [20, 20, 220], at);
        continue;
      }
      raw[at] = ((x * 255) / width + noise()) & 0xff;
      raw[at + 1] = ((y * 255) / height + noise()) & 0xff;
      raw[at + 2] = (128 + noise()) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: options.quality ?? 85 }).toBuffer();
}

/**
 * A PNG whose header claims `width` x `height` but which holds only a few rows: a decompression
 * bomb's calling card. Nothing must try to allocate what it claims.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // 1-bit greyscale
  const rows = Buffer.alloc(4 * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", new Uint8Array()),
  ]);
}

/**
 * Garbage behind a JPEG's magic number and a believable frame header (SOF0, `width` x `height`),
 * so the header check passes and only decoding can tell.
 */
export function garbageJpeg(width = 64, height = 64): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const junk = Buffer.alloc(4000);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, junk]);
}
