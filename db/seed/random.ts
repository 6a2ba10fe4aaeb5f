/**
 * Deterministic ids and a seeded PRNG for the seeders: the same key always gives the same id,
 * the same seed always gives the same stream, so seeding twice writes the same rows.
 */
import { createHash } from "node:crypto";

/** A UUID (version 4 shape, RFC 4122 variant) derived from SHA-256 of a stable key. */
export function uuidFor(key: string): string {
  const h = createHash("sha256").update(`ladder-seed:${key}`).digest("hex");
  return formatUuid(h);
}

function formatUuid(h: string): string {
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Fast deterministic UUIDs for millions of rows: a per-namespace prefix from SHA-256 and the
 * row number in the last 12 hex digits, so consecutive rows get ascending ids (cheap B-tree
 * appends on both databases).
 */
export function uuidSequence(namespace: string): (n: number) => string {
  const h = createHash("sha256").update(`ladder-seed-seq:${namespace}`).digest("hex");
  const prefix = formatUuid(h).slice(0, 24); // "xxxxxxxx-xxxx-4xxx-8xxx-"
  return (n: number) => prefix + n.toString(16).padStart(12, "0");
}

/** A cheap 32-bit integer hash (for names and picks that must agree across tables). */
export function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Hex SHA-256 of a string. */
export function sha256Hex(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

/** sfc32: small, fast, good enough for demo data; seeded from SHA-256 of a string. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const h = createHash("sha256").update(`ladder-rng:${seed}`).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** k distinct items (or all of them when k >= length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }
}
