/**
 * A throwaway S3-compatible server on 127.0.0.1 with one bucket, for the S3 storage driver's tests.
 *
 * s3rver (3.7.1, a devDependency) stores and serves the objects, but it does NOT check Signature V4
 * (its authentication middleware says "Signature version 4 calculation is unimplemented" and lets
 * every known access key through). So the driver talks to a small checking proxy in front of it:
 * the proxy recomputes the signature from the request exactly as it arrived on the wire (its own
 * canonicalisation, written apart from app/services/sigv4.ts), checks the body against
 * x-amz-content-sha256 and the clock, and answers 403 SignatureDoesNotMatch as S3 does; only
 * signed, intact requests reach s3rver. The account is s3rver's: S3RVER / S3RVER.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type { S3Config } from "../../app/services/storage.server";

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export interface TestS3 {
  config: S3Config;
  /** Requests the proxy refused, with the S3 error code it answered. */
  refused: string[];
  close(): Promise<void>;
}

const ACCOUNT = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

const s3Error = (res: http.ServerResponse, status: number, code: string) => {
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`);
};

const hmac = (key: crypto.BinaryLike, data: string) => crypto.createHmac("sha256", key).update(data).digest();
const hex = (data: crypto.BinaryLike) => crypto.createHash("sha256").update(data).digest("hex");

/** Why a request is refused, or null when its Signature V4 is right. */
export function checkSignature(req: { method: string; url: string; headers: http.IncomingHttpHeaders }, body: Buffer, now = Date.now()): string | null {
  const auth = String(req.headers.authorization ?? "");
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "AccessDenied";
  const [, accessKeyId, day, region, signedHeaders, signature] = m;
  if (accessKeyId !== ACCOUNT.accessKeyId) return "InvalidAccessKeyId";
  const names = signedHeaders.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) if (!names.includes(required)) return "AccessDenied";
  const stamp = String(req.headers["x-amz-date"] ?? "");
  const when = Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (!Number.isFinite(when) || Math.abs(now - when) > 15 * 60_000 || !stamp.startsWith(day)) return "RequestTimeTooSkewed";
  const payloadHash = String(req.headers["x-amz-content-sha256"]);
  if (payloadHash !== hex(body)) return "XAmzContentSHA256Mismatch";
  const [rawPath, rawQuery = ""] = req.url.split("?", 2);
  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => (pair.includes("=") ? pair : `${pair}=`))
    .sort()
    .join("&");
  const headerLines = names.map((name) => `${name}:${String(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [req.method, rawPath, query, headerLines, signedHeaders, payloadHash].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${hex(canonical)}`;
  const key = hmac(hmac(hmac(hmac(`AWS4${ACCOUNT.secretAccessKey}`, day), region), "s3"), "aws4_request");
  const expected = crypto.createHmac("sha256", key).update(toSign).digest("hex");
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature)) ? null : "SignatureDoesNotMatch";
}

export async function startS3(bucket = "ladder-test"): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-s3rver-"));
  const backend = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port: backendPort } = await backend.run();
  const refused: string[] = [];

  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const problem = checkSignature({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers }, body);
      if (problem) {
        refused.push(problem);
        return s3Error(res, problem === "XAmzContentSHA256Mismatch" ? 400 : 403, problem);
      }
      const forward = http.request(
        { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${backendPort}` } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => s3Error(res, 502, "BadGateway"));
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;

  return {
    config: { endpoint: `http://127.0.0.1:${port}`, bucket, region: "us-east-1", ...ACCOUNT },
    refused,
    close: async () => {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await backend.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
