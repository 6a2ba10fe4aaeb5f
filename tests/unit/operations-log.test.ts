/**
 * The JSON log (app/services/log.server.ts) and the metrics' token check (decision 059): secrets
 * never reach a line, every line written while answering a request names it, a caller's request id
 * is taken only when it is sane.
 */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, noteRequestUser, pathOnly, requestIdFrom, requestScope } from "~/services/log.server";
import { tokenMatches } from "~/services/metrics.server";

/** A logger writing into an array of parsed lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  let raw = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines, raw: () => raw };
}

describe("the JSON log", () => {
  it("writes passwords, tokens, cookies, CSRF values, keys and mail bodies as [redacted], at the top and one level down", () => {
    const { logger, raw } = capture();
    logger.info(
      {
        password: "hunter2-top",
        token: "reset-token-top",
        form: { password: "hunter2-nested", new_password: "new-pass-nested", csrf: "csrf-nested", email: "a@example.com" },
        headers: { cookie: "ladder_session=abc-cookie", authorization: "Bearer auth-secret", "set-cookie": "s=set-cookie-secret", "x-csrf-token": "header-csrf" },
        mail: { subject: "Reset your password", html: "<p>mail-html-body</p>", text: "mail-text-body" },
        provider: { apiKey: "sk-api-key", secret: "client-secret" },
      },
      "a line with secrets",
    );
    const text = raw();
    for (const secret of ["hunter2-top", "reset-token-top", "hunter2-nested", "new-pass-nested", "csrf-nested", "abc-cookie", "auth-secret", "set-cookie-secret", "header-csrf", "mail-html-body", "mail-text-body", "sk-api-key", "client-secret"]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('"password":"[redacted]"');
    // What is not secret stays readable.
    expect(text).toContain('"email":"a@example.com"');
    expect(text).toContain('"subject":"Reset your password"');
  });

  it("names the request, and the member once known, on every line written while it is answered", () => {
    const { logger, lines } = capture();
    logger.info("before any request");
    requestScope.run({ requestId: "req-0001-abcd" }, () => {
      logger.error("a failure inside the request");
      noteRequestUser("member-42");
      logger.warn("after the member is known");
    });
    expect(lines[0]).not.toHaveProperty("reqId");
    expect(lines[1]).toMatchObject({ level: "error", reqId: "req-0001-abcd", msg: "a failure inside the request" });
    expect(lines[1]).not.toHaveProperty("userId");
    expect(lines[2]).toMatchObject({ level: "warn", reqId: "req-0001-abcd", userId: "member-42" });
  });

  it("takes a proxy's request id when it is 8 to 64 plain characters, and makes a new one otherwise", () => {
    expect(requestIdFrom("lb-7f3a9c21e0d4")).toBe("lb-7f3a9c21e0d4");
    expect(requestIdFrom("Root=1-67891233-abcdef012345678912345678")).not.toBe("Root=1-67891233-abcdef012345678912345678");
    for (const bad of [undefined, null, "", "short", "x".repeat(65), "id with spaces", "<script>alert(1)</script>", "id\nInjected: yes"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it("logs a path without its query string", () => {
    expect(pathOnly("/jobs?q=secret+words&page=2")).toBe("/jobs");
    expect(pathOnly("/login#top")).toBe("/login");
    expect(pathOnly("/feed")).toBe("/feed");
  });
});

describe("the metrics token", () => {
  it("is accepted only as the exact bearer token", () => {
    const token = "metrics-token-0123456789";
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(false);
    expect(tokenMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(tokenMatches("Bearer ", token)).toBe(false);
    expect(tokenMatches(`Basic ${token}`, token)).toBe(false);
  });
});
