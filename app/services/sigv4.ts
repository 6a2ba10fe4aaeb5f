/**
 * AWS Signature Version 4 for S3 requests, with node:crypto only (docs/decisions/014.5-applications-and-cvs.md:
 * why no SDK). Pure: the time is an argument, so the AWS documentation's test vectors check it.
 */
import crypto from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (names any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (sha256Hex(bytes)); the empty body's hash for GET and DELETE. */
  payloadHash: string;
  region: string;
  service?: string;
  credentials: Credentials;
  date: Date;
}

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export const sha256Hex = (data: string | Uint8Array): string => crypto.createHash("sha256").update(data).digest("hex");
const hmac = (key: crypto.BinaryLike, data: string): Buffer => crypto.createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 encoding as S3 wants it: everything but A-Z a-z 0-9 - _ . ~ (and "/" in paths). */
export function uriEncode(value: string, keepSlash = false): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, "/") : encoded;
}

/** 20130524T000000Z */
export const amzDate = (date: Date): string => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

export interface Signed {
  /** Every header to send, including Authorization (not Host: fetch sets it to the same value). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function signRequest(input: SignInput): Signed {
  const service = input.service ?? "s3";
  const stamp = amzDate(input.date);
  const day = stamp.slice(0, 8);
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) all[name.toLowerCase()] = value;
  all.host = input.url.host;
  all["x-amz-date"] = stamp;
  all["x-amz-content-sha256"] = input.payloadHash;
  const names = Object.keys(all).sort();
  const canonicalHeaders = names.map((n) => `${n}:${all[n].trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  // S3 does not normalise the path: each segment is encoded once, as it is sent.
  const path = uriEncode(decodeURIComponent(input.url.pathname), true) || "/";
  const canonicalRequest = [input.method, path, canonicalQuery(input.url), canonicalHeaders, signedHeaders, input.payloadHash].join("\n");
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.region), service), "aws4_request");
  const signature = crypto.createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
  const headers: Record<string, string> = {};
  for (const n of names) if (n !== "host") headers[n] = all[n];
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature };
}
