import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { brotliWindowBits, chooseCoding, compressBody } from "~/lib/encoding.server";

describe("choosing a content coding", () => {
  it("prefers brotli when a browser accepts it, else gzip", () => {
    expect(chooseCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseCoding("gzip, deflate")).toBe("gzip");
    expect(chooseCoding("x-gzip")).toBe("gzip");
  });

  it("sends the body as it is without the header or with nothing it can use", () => {
    expect(chooseCoding(null)).toBe("identity");
    expect(chooseCoding("")).toBe("identity");
    expect(chooseCoding("deflate, zstd")).toBe("identity");
    expect(chooseCoding("identity")).toBe("identity");
  });

  it("follows the client's q-values: the highest wins and q=0 refuses", () => {
    expect(chooseCoding("br;q=0.5, gzip;q=0.9")).toBe("gzip");
    expect(chooseCoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseCoding("BR;Q=1")).toBe("br");
    expect(chooseCoding("*;q=0")).toBe("identity");
    expect(chooseCoding("*")).toBe("br");
    expect(chooseCoding("*, br;q=0")).toBe("gzip");
  });

  it("offers only the codings asked for (a file that has only a gzip variant)", () => {
    expect(chooseCoding("gzip, br", ["gzip"])).toBe("gzip");
    expect(chooseCoding("br", ["gzip"])).toBe("identity");
  });

  it("compresses a body so that it decodes to the same bytes", async () => {
    const body = Buffer.from("<!DOCTYPE html><html><body>".padEnd(5000, "Ladder ") + "</body></html>");
    expect(zlib.brotliDecompressSync(await compressBody(body, "br")).equals(body)).toBe(true);
    expect(zlib.gunzipSync(await compressBody(body, "gzip")).equals(body)).toBe(true);
    expect((await compressBody(body, "br", "max")).length).toBeLessThan(body.length / 10);
  });

  it("sizes brotli's window to the document: 64 KB for a page, the 4 MB default only for huge bodies", () => {
    expect(brotliWindowBits(0)).toBe(16);
    expect(brotliWindowBits(39_000)).toBe(16);
    expect(brotliWindowBits(200_000)).toBe(18);
    expect(brotliWindowBits(50_000_000)).toBe(22);
  });

  it("decodes a body longer than its window to the same bytes", async () => {
    // Repeats that lie further back than the window are simply not matched.
    const body = Buffer.from(Array.from({ length: 12_000 }, (_, i) => `<li>job ${i % 977}</li>`).join(""));
    expect(brotliWindowBits(body.length)).toBeLessThan(22);
    expect(zlib.brotliDecompressSync(await compressBody(body, "br")).equals(body)).toBe(true);
  });
});
