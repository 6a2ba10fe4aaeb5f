/**
 * readForm, the one way an action reads its form: CSRF, size limits, typed values without
 * secrets, field errors by name, and files streamed up to their limit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { csrfFor } from "~/modules/accounts/csrf.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";

const ANON = "ladder_anon=abcdefghijklmnopqrstuvwxyz012345";
let token = "";

beforeAll(async () => {
  process.env.SESSION_SECRET ??= "unit-tests-secret-0123456789abcdef0123";
  token = (await csrfFor(new Request("http://localhost/", { headers: { Cookie: ANON } }))).token;
});

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(fields).toString();
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { Cookie: ANON, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers },
  });
}

function multipart(fields: Record<string, string>, files: Record<string, { name: string; bytes: Uint8Array }>) {
  const boundary = "----ladder-test-boundary";
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.from(file.bytes), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(parts);
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { Cookie: ANON, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.byteLength) },
  });
}

const signUp = z.object({ name: z.string().trim().min(1, "Enter your name."), email: z.string().email("Enter an email address.") });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  return 200;
}

describe("readForm", () => {
  it("a form with this browser's token and valid fields comes back checked", async () => {
    const read = await readForm(post({ csrf: token, name: " Amal ", email: "amal@example.com" }), signUp);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.data).toEqual({ name: "Amal", email: "amal@example.com" });
  });

  it("a form without the token, or with another browser's, is refused with 403 before its fields are checked", async () => {
    expect(await statusOf(readForm(post({ name: "Amal", email: "amal@example.com" }), signUp))).toBe(403);
    expect(await statusOf(readForm(post({ csrf: `${token.slice(0, -2)}xx`, name: "", email: "" }), signUp))).toBe(403);
  });

  it("bad fields come back with the first message for each field and what was typed, never a password or the token", async () => {
    const read = await readForm(post({ csrf: token, name: "", email: "not-an-email", password: "hunter22", current_password: "x", website: "" }), signUp);
    expect(read.ok).toBe(false);
    expect(read.errors).toEqual({ name: "Enter your name.", email: "Enter an email address." });
    expect(read.values).toEqual({ name: "", email: "not-an-email" });
  });

  it("fields the route names as secret are not echoed either", async () => {
    const read = await readForm(post({ csrf: token, name: "Amal", email: "a@example.com", code: "123456" }), signUp, { secret: ["code"] });
    expect(read.values).toEqual({ name: "Amal", email: "a@example.com" });
  });

  it("a form whose only field is the token reads as no fields", async () => {
    const read = await readForm(post({ csrf: token }), noFields);
    expect(read.ok).toBe(true);
  });

  it("a body declared larger than the limit is refused with 413 before it is read", async () => {
    const request = post({ csrf: token, name: "x".repeat(2_000), email: "a@example.com" });
    expect(await statusOf(readForm(request, signUp, { maxBytes: 1_000 }))).toBe(413);
  });

  it("a multipart body without a declared size is refused with 411", async () => {
    const request = multipart({ csrf: token }, {});
    const chunked = new Request(request.url, { method: "POST", body: request.body, headers: { Cookie: ANON, "Content-Type": request.headers.get("Content-Type") ?? "" }, duplex: "half" } as RequestInit);
    expect(await statusOf(readForm(chunked, noFields, { files: { cv: 10 } }))).toBe(411);
  });

  it("a file within its limit is kept with its bytes, and the text fields are read beside it", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const read = await readForm(multipart({ csrf: token, name: "Amal", email: "a@example.com" }, { cv: { name: "cv.pdf", bytes } }), signUp, { files: { cv: 10 } });
    expect(read.ok).toBe(true);
    expect(read.files.cv).toEqual({ filename: "cv.pdf", size: 4, bytes });
    expect(read.values).toEqual({ name: "Amal", email: "a@example.com" });
  });

  it("a file over its limit is counted but not kept, and an empty file input reads as no file", async () => {
    const over = await readForm(multipart({ csrf: token }, { cv: { name: "big.pdf", bytes: new Uint8Array(50) } }), noFields, { files: { cv: 10 } });
    expect(over.files.cv).toEqual({ filename: "big.pdf", size: 50, bytes: null });
    const empty = await readForm(multipart({ csrf: token }, { cv: { name: "", bytes: new Uint8Array() } }), noFields, { files: { cv: 10 } });
    expect(empty.files.cv).toBeNull();
  });

  it("with files, a body over the limit comes back as too large (for a message beside the file field) instead of a 413", async () => {
    const read = await readForm(multipart({ csrf: token }, { cv: { name: "big.pdf", bytes: new Uint8Array(500) } }), noFields, { files: { cv: 10 }, maxBytes: 100 });
    expect(read).toMatchObject({ ok: false, tooLarge: true });
  });
});
