import { describe, expect, it } from "vitest";
import { exifOrientation, inspectImage, sniffImageType, stripImageMetadata } from "../../app/modules/profile/images";
import {
  ELF_BYTES,
  EXE_BYTES,
  JPEG_3x2,
  jpegWithExif,
  pngBytes,
  riffWebp,
  WEBP_VP8_3x2,
  WEBP_VP8L_3x2,
  WEBP_VP8X_3x2,
  WEBP_VP8X_LOSSLESS_3x2,
} from "../support/images";

describe("recognising a photo by its bytes", () => {
  it("reads the type and size of a real PNG", () => {
    expect(inspectImage(pngBytes(7, 5))).toEqual({ ok: true, type: "png", contentType: "image/png", ext: "png", width: 7, height: 5 });
  });

  it("reads the type and size of a real JPEG from its frame header (after APP0 and an ICC profile)", () => {
    expect(inspectImage(JPEG_3x2)).toMatchObject({ ok: true, type: "jpeg", contentType: "image/jpeg", ext: "jpg", width: 3, height: 2 });
  });

  it.each([
    ["lossy, simple format (VP8)", WEBP_VP8_3x2],
    ["lossless, simple format (VP8L)", WEBP_VP8L_3x2],
    ["lossy, extended format (VP8X)", WEBP_VP8X_3x2],
    ["lossless, extended format (VP8X)", WEBP_VP8X_LOSSLESS_3x2],
  ])("reads the type and size of a real WebP, %s", (_, bytes) => {
    expect(inspectImage(bytes)).toMatchObject({ ok: true, type: "webp", contentType: "image/webp", ext: "webp", width: 3, height: 2 });
  });

  it("reads sizes above 255 and 16383 pixels correctly from each header", () => {
    expect(inspectImage(pngBytes(300, 1, { gray1: true }))).toMatchObject({ width: 300, height: 1 });
    const jpeg = Buffer.from(JPEG_3x2);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(1000, sof + 5); // height
    jpeg.writeUInt16BE(4096, sof + 7); // width
    expect(inspectImage(jpeg)).toMatchObject({ ok: true, width: 4096, height: 1000 });
  });

  it("refuses a text file renamed to .png: only the bytes count", () => {
    const verdict = inspectImage(Buffer.from("name,email\nAmal,amal@example.com\n"));
    expect(verdict).toMatchObject({ ok: false, problem: "not-an-image" });
    expect(!verdict.ok && verdict.message).toMatch(/not a PNG, JPEG or WebP/);
  });

  it("refuses executables whatever they are called", () => {
    expect(sniffImageType(EXE_BYTES)).toBeNull();
    expect(inspectImage(EXE_BYTES)).toMatchObject({ ok: false, problem: "not-an-image" });
    expect(inspectImage(ELF_BYTES)).toMatchObject({ ok: false, problem: "not-an-image" });
  });

  it("refuses an empty file with its own message", () => {
    const verdict = inspectImage(new Uint8Array());
    expect(verdict).toMatchObject({ ok: false, problem: "empty" });
    expect(!verdict.ok && verdict.message).toMatch(/empty/);
  });

  it.each([
    ["a PNG cut inside IHDR", pngBytes(3, 2).subarray(0, 20)],
    ["a PNG signature alone", pngBytes(3, 2).subarray(0, 8)],
    ["a JPEG cut before its frame header", JPEG_3x2.subarray(0, 200)],
    ["a JPEG start marker alone", JPEG_3x2.subarray(0, 3)],
    ["a WebP cut inside the VP8 header", WEBP_VP8_3x2.subarray(0, 26)],
    ["a WebP cut inside the VP8X header", WEBP_VP8X_3x2.subarray(0, 24)],
    ["a RIFF WEBP header alone", WEBP_VP8_3x2.subarray(0, 12)],
  ])("refuses a truncated header: %s", (_, bytes) => {
    expect(inspectImage(bytes)).toMatchObject({ ok: false, problem: "unreadable" });
  });

  it("refuses a PNG whose first chunk is not IHDR, and a WebP with an unknown first chunk", () => {
    const png = pngBytes(3, 2);
    png.write("IDAT", 12, "latin1");
    expect(inspectImage(png)).toMatchObject({ ok: false, problem: "unreadable" });
    const webp = Buffer.from(WEBP_VP8_3x2);
    webp.write("ABCD", 12, "latin1");
    expect(inspectImage(webp)).toMatchObject({ ok: false, problem: "unreadable" });
  });

  it("refuses a zero-pixel image", () => {
    expect(inspectImage(pngBytes(0, 2))).toMatchObject({ ok: false, problem: "unreadable" });
  });

  it("refuses images larger than 4096 x 4096 pixels and says how large they are", () => {
    const verdict = inspectImage(pngBytes(5000, 10, { gray1: true }));
    expect(verdict).toMatchObject({ ok: false, problem: "too-many-pixels" });
    expect(!verdict.ok && verdict.message).toContain("5000 × 10");
    expect(inspectImage(pngBytes(4096, 4096, { gray1: true }))).toMatchObject({ ok: true, width: 4096, height: 4096 });
    expect(inspectImage(pngBytes(10, 4097, { gray1: true }))).toMatchObject({ ok: false, problem: "too-many-pixels" });
  });

  it("refuses more than 2 MB before looking at the header", () => {
    const big = Buffer.concat([pngBytes(3, 2), Buffer.alloc(2 * 1024 * 1024)]);
    const verdict = inspectImage(big);
    expect(verdict).toMatchObject({ ok: false, problem: "too-large" });
    expect(!verdict.ok && verdict.message).toBe("That photo is just over 2 MB; the limit is 2 MB. Choose a smaller one.");
    const larger = inspectImage(Buffer.concat([pngBytes(3, 2), Buffer.alloc(2.5 * 1024 * 1024)]));
    expect(!larger.ok && larger.message).toMatch(/^That photo is 2\.5 MB; the limit is 2 MB\./);
    expect(inspectImage(big.subarray(0, 2 * 1024 * 1024))).toMatchObject({ ok: true });
  });

  it("a VP8 chunk without its start code is not an image", () => {
    const picture = Buffer.from(WEBP_VP8_3x2.subarray(12));
    picture[8 + 3] = 0; // the 9d 01 2a start code
    expect(inspectImage(riffWebp(picture))).toMatchObject({ ok: false, problem: "unreadable" });
  });
});

describe("removing metadata from a photo", () => {
  it("drops a JPEG's EXIF details but keeps its orientation", () => {
    const original = jpegWithExif(6, "GPS 25.2048 N, 55.2708 E; Phone X");
    expect(original.includes("GPS 25.2048")).toBe(true);
    const stripped = Buffer.from(stripImageMetadata(original, "jpeg"));
    expect(stripped.includes("GPS 25.2048")).toBe(false);
    expect(stripped.includes("Phone X")).toBe(false);
    expect(inspectImage(stripped)).toMatchObject({ ok: true, width: 3, height: 2 });
    const app1 = stripped.indexOf(Buffer.from([0xff, 0xe1]));
    expect(app1).toBeGreaterThan(2);
    // JFIF stays first; the new APP1 holds only the orientation.
    expect(stripped[3]).toBe(0xe0);
    expect(exifOrientation(stripped.subarray(app1 + 4, app1 + 2 + stripped.readUInt16BE(app1 + 2)))).toBe(6);
    // The picture data is untouched.
    expect(stripped.subarray(stripped.indexOf(Buffer.from([0xff, 0xda])))).toEqual(JPEG_3x2.subarray(JPEG_3x2.indexOf(Buffer.from([0xff, 0xda]))));
  });

  it("leaves no APP1 at all when the orientation is the normal one", () => {
    const stripped = Buffer.from(stripImageMetadata(jpegWithExif(1, "secret"), "jpeg"));
    expect(stripped.indexOf(Buffer.from([0xff, 0xe1]))).toBe(-1);
    expect(stripped).toEqual(JPEG_3x2);
  });

  it("drops a PNG's text chunks and keeps the picture", () => {
    const stripped = Buffer.from(stripImageMetadata(pngBytes(3, 2, { text: "Taken at home" }), "png"));
    expect(stripped.includes("Taken at home")).toBe(false);
    expect(stripped).toEqual(pngBytes(3, 2));
  });

  it("drops a WebP's EXIF and XMP chunks, clears their flags and fixes the RIFF size", () => {
    const exif = Buffer.concat([Buffer.from("EXIF", "latin1"), Buffer.from([5, 0, 0, 0]), Buffer.from("GPS!!", "latin1"), Buffer.from([0])]);
    const withExif = Buffer.concat([WEBP_VP8X_3x2, exif]);
    withExif.writeUInt32LE(withExif.length - 8, 4);
    withExif[20] |= 0x08;
    const stripped = Buffer.from(stripImageMetadata(withExif, "webp"));
    expect(stripped.includes("GPS!!")).toBe(false);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(stripped[20] & 0x08).toBe(0);
    expect(stripped).toEqual(WEBP_VP8X_3x2);
  });

  it("leaves files alone when their structure is broken or has nothing to remove", () => {
    const broken = Buffer.from(JPEG_3x2.subarray(0, 30));
    expect(Buffer.from(stripImageMetadata(broken, "jpeg"))).toEqual(broken);
    expect(Buffer.from(stripImageMetadata(WEBP_VP8_3x2, "webp"))).toEqual(WEBP_VP8_3x2);
  });
});
