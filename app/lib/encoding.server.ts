/**
 * Content codings for what Ladder compresses itself: documents (entry.server.tsx, compressed once
 * when complete) and the fingerprinted assets (compressed at build time, app/lib/precompress.ts).
 * Levels were chosen by measuring Ladder's own documents (decision 020): brotli quality 5 is the
 * knee (22% of the raw size in ~0.4 ms for a 25 KB page; 6 and above save nothing more, 4 sends
 * 8% more bytes); gzip 6 is as small as 9 and barely slower than 4.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";

export type Coding = "br" | "gzip" | "identity";

export const DOCUMENT_BROTLI_QUALITY = 5;
export const DOCUMENT_GZIP_LEVEL = 6;

/**
 * The coding to send for an Accept-Encoding header among `offered` (most preferred first): the
 * client's highest q-value wins, ties go to the earlier offer, and q=0 refuses a coding. Without
 * the header, or when nothing offered is acceptable, the body goes as it is.
 */
export function chooseCoding(acceptEncoding: string | null | undefined, offered: readonly Coding[] = ["br", "gzip"]): Coding {
  if (!acceptEncoding) return "identity";
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.split(";");
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split("=");
      if (key.trim().toLowerCase() === "q") q = Number(value);
    }
    if (Number.isFinite(q)) weights.set(coding, Math.min(Math.max(q, 0), 1));
  }
  const wildcard = weights.get("*");
  let best: Coding = "identity";
  let bestQ = 0;
  for (const coding of offered) {
    // x-gzip is gzip's old name (RFC 9110 8.4.1.3).
    const q = weights.get(coding) ?? (coding === "gzip" ? weights.get("x-gzip") : undefined) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A window just big enough for the body (at least 64 KB, at most brotli's default 4 MB): for the
 * 39 KB /jobs document the default window cost about 12% more CPU than a 64 KB one, for the same
 * bytes out (decision 020, update).
 */
export function brotliWindowBits(length: number): number {
  return Math.min(zlib.constants.BROTLI_DEFAULT_WINDOW, Math.max(zlib.constants.BROTLI_MIN_WINDOW_BITS + 6, Math.ceil(Math.log2(length + 1))));
}

/**
 * Compresses a whole body once, off the main thread (zlib's thread pool). brotliCompressSync costs
 * less CPU in all, but the main thread is what limits a process: against the same baseline in
 * paired runs, /jobs went 1.14x with the thread pool and 0.97x with the synchronous call.
 */
export function compressBody(body: Uint8Array, coding: Exclude<Coding, "identity">, level: "document" | "max" = "document"): Promise<Buffer> {
  if (coding === "br") {
    return brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: level === "max" ? zlib.constants.BROTLI_MAX_QUALITY : DOCUMENT_BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(body.length),
      },
    });
  }
  return gzip(body, { level: level === "max" ? zlib.constants.Z_BEST_COMPRESSION : DOCUMENT_GZIP_LEVEL });
}
