import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectImage, isReencodedWebp, MAX_AVATAR_BYTES, sniffImageType } from "../../app/modules/profile/images";
import { reencodeAvatar } from "../../app/modules/profile/images.server";
import {
  ELF_BYTES,
  EXE_BYTES,
  garbageJpeg,
  GPS_MARKERS,
  JPEG_3x2,
  jpegWithExif,
  jpegWithGps,
  photoJpeg,
  pngBytes,
  pngClaiming,
  riffWebp,
  WEBP_VP8_3x2,
  WEBP_VP8L_3x2,
  WEBP_VP8X_3x2,
  WEBP_VP8X_LOSSLESS_3x2,
  withTrailer,
  zipBytes,
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

const metadataOf = (bytes: Uint8Array) => sharp(bytes).metadata();
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "latin1"));

describe("re-encoding a photo", () => {
  it("gives back a member's JPEG with GPS in its EXIF as a WebP with no EXIF, XMP, IPTC or ICC, and none of the GPS text", async () => {
    const original = jpegWithGps(await photoJpeg(64, 48));
    const before = await metadataOf(original);
    expect(before.exif && has(before.exif, GPS_MARKERS.datum)).toBe(true);
    for (const marker of Object.values(GPS_MARKERS)) expect(has(original, marker)).toBe(true);

    const result = await reencodeAvatar(original);

    expect(result).toMatchObject({ ok: true, contentType: "image/webp", ext: "webp", width: 64, height: 48 });
    const bytes = result.ok ? result.bytes : new Uint8Array();
    const after = await metadataOf(bytes);
    expect(after).toMatchObject({ format: "webp", width: 64, height: 48 });
    expect([after.exif, after.xmp, after.iptc, after.icc, after.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (const marker of [...Object.values(GPS_MARKERS), "Exif", "GPS"]) expect(has(bytes, marker), marker).toBe(false);
    expect(isReencodedWebp(bytes)).toBe(true);
  });

  it("gives back a JPEG with a ZIP and text hidden after its end without them", async () => {
    const original = withTrailer(withTrailer(await photoJpeg(40, 30), zipBytes("secret.txt", "member list")), "SECRET-TRAILER");
    expect(has(original, "SECRET-TRAILER")).toBe(true);
    const result = await reencodeAvatar(original);
    expect(result.ok).toBe(true);
    const bytes = Buffer.from(result.ok ? result.bytes : []);
    for (const marker of ["SECRET-TRAILER", "secret.txt", "member list", "PK\x03\x04"]) expect(has(bytes, marker), marker).toBe(false);
    // The RIFF container ends where its size says: nothing after it.
    expect(bytes.readUInt32LE(4) + 8).toBe(bytes.length);
  });

  it("shrinks a 4000 x 3000 camera photo to 512 pixels on its long side and to a small fraction of its bytes", async () => {
    const original = await photoJpeg(4000, 3000, { quality: 90 });
    expect(original.length).toBeGreaterThan(1_000_000);
    expect(original.length).toBeLessThan(MAX_AVATAR_BYTES);
    const result = await reencodeAvatar(original);
    expect(result).toMatchObject({ ok: true, width: 512, height: 384 });
    const bytes = result.ok ? result.bytes : new Uint8Array();
    expect(await metadataOf(bytes)).toMatchObject({ width: 512, height: 384 });
    expect(bytes.length).toBeLessThan(original.length / 20);
  }, 20_000);

  it("applies the EXIF orientation before dropping it: a 20 x 10 picture marked 'rotate 90°' comes back 10 x 20, turned clockwise", async () => {
    const original = jpegWithExif(6, "x", await photoJpeg(20, 10, { split: true }));
    expect(await metadataOf(original)).toMatchObject({ width: 20, height: 10, orientation: 6 });
    const result = await reencodeAvatar(original);
    expect(result).toMatchObject({ ok: true, width: 10, height: 20 });
    const bytes = result.ok ? result.bytes : new Uint8Array();
    expect((await metadataOf(bytes)).orientation).toBeUndefined();
    // The left half (red) of the stored picture is the top once turned clockwise.
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    const [red, , blue] = pixel(5, 3);
    expect(red).toBeGreaterThan(150);
    expect(blue).toBeLessThan(100);
    const [red2, , blue2] = pixel(5, 16);
    expect(red2).toBeLessThan(100);
    expect(blue2).toBeGreaterThan(150);
  });

  it.each([
    ["a PNG with a text chunk", pngBytes(7, 5, { text: "Taken at home" }), 7, 5],
    ["a lossy WebP with an ICC profile", WEBP_VP8X_3x2, 3, 2],
    ["a lossless WebP", WEBP_VP8L_3x2, 3, 2],
    ["a JPEG with an ICC profile", JPEG_3x2, 3, 2],
  ])("takes %s, as a clean WebP of the same size (small pictures are not enlarged)", async (_, original, width, height) => {
    const result = await reencodeAvatar(original);
    expect(result).toMatchObject({ ok: true, contentType: "image/webp", width, height });
    const bytes = result.ok ? result.bytes : new Uint8Array();
    const after = await metadataOf(bytes);
    expect([after.exif, after.xmp, after.icc]).toEqual([undefined, undefined, undefined]);
    expect(has(bytes, "Taken at home")).toBe(false);
    expect(isReencodedWebp(bytes)).toBe(true);
  });

  it("keeps a PNG's transparency", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const result = await reencodeAvatar(png);
    expect(result.ok && (await metadataOf(result.bytes)).hasAlpha).toBe(true);
  });

  it("refuses garbage behind a JPEG's magic number and frame header, with the member's message", async () => {
    const garbage = garbageJpeg();
    expect(inspectImage(garbage)).toMatchObject({ ok: true, width: 64, height: 64 }); // only decoding can tell
    const result = await reencodeAvatar(garbage);
    expect(result).toMatchObject({ ok: false, problem: "unreadable" });
    expect(!result.ok && result.message).toMatch(/could not read that image/);
  });

  it("refuses a photo cut short instead of keeping a grey half", async () => {
    const photo = await photoJpeg(200, 150);
    const result = await reencodeAvatar(photo.subarray(0, Math.floor(photo.length * 0.6)));
    expect(result).toMatchObject({ ok: false, problem: "unreadable" });
  });

  it("refuses a PNG whose header claims 50000 x 50000 pixels at once, without decoding it", async () => {
    const started = performance.now();
    const result = await reencodeAvatar(pngClaiming(50_000, 50_000));
    expect(result).toMatchObject({ ok: false, problem: "too-many-pixels" });
    expect(!result.ok && result.message).toContain("50000 × 50000");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a PNG that claims an allowed size but stops after a few rows", async () => {
    const started = performance.now();
    expect(await reencodeAvatar(pngClaiming(4096, 4096))).toMatchObject({ ok: false, problem: "unreadable" });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("still refuses what the header check refuses (not an image, empty, over 2 MB) before decoding", async () => {
    expect(await reencodeAvatar(EXE_BYTES)).toMatchObject({ ok: false, problem: "not-an-image" });
    expect(await reencodeAvatar(new Uint8Array())).toMatchObject({ ok: false, problem: "empty" });
    expect(await reencodeAvatar(Buffer.concat([pngBytes(3, 2), Buffer.alloc(MAX_AVATAR_BYTES)]))).toMatchObject({ ok: false, problem: "too-large" });
  });
});

describe("telling a re-encoded photo from one that still needs it", () => {
  it("recognises what re-encoding writes, with and without transparency", async () => {
    const opaque = await reencodeAvatar(await photoJpeg(600, 400));
    const clear = await reencodeAvatar(await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer());
    expect(opaque.ok && isReencodedWebp(opaque.bytes)).toBe(true);
    expect(clear.ok && isReencodedWebp(clear.bytes)).toBe(true);
  });

  it("does not take a JPEG, a PNG, a WebP with an ICC or EXIF chunk, one with bytes after it, or one larger than 512 pixels", async () => {
    const clean = await reencodeAvatar(pngBytes(4, 4));
    const bytes = Buffer.from(clean.ok ? clean.bytes : []);
    expect(isReencodedWebp(bytes)).toBe(true);
    expect(isReencodedWebp(JPEG_3x2)).toBe(false);
    expect(isReencodedWebp(pngBytes(4, 4))).toBe(false);
    expect(isReencodedWebp(WEBP_VP8X_3x2)).toBe(false); // carries an ICCP chunk
    const withExif = Buffer.concat([bytes, Buffer.from("EXIF", "latin1"), Buffer.from([2, 0, 0, 0]), Buffer.from("GP", "latin1")]);
    withExif.writeUInt32LE(withExif.length - 8, 4);
    expect(isReencodedWebp(withExif)).toBe(false);
    expect(isReencodedWebp(withTrailer(bytes, "SECRET-TRAILER"))).toBe(false);
    const large = await sharp({ create: { width: 600, height: 10, channels: 3, background: "#0f766e" } }).webp().toBuffer();
    expect(isReencodedWebp(large)).toBe(false);
  });
});
