import { describe, expect, it } from "vitest";
import { needsRehash, passwordProblem, readArgon2Params } from "~/modules/accounts/passwords.server";
import { clearSessionCookie, hashToken, newToken, readCookie, sessionCookie, sessionCookieName } from "~/modules/accounts/sessions.server";
import { parseUserAgent } from "~/modules/accounts/user-agent";

describe("password choices", () => {
  it("accept 8 to 256 characters of anything, with no composition rules", async () => {
    expect(await passwordProblem("lowercase only words")).toBeNull();
    expect(await passwordProblem("12345678901234567890")).toBeNull();
    expect(await passwordProblem("كلمة سر طويلة")).toBeNull();
    expect(await passwordProblem("x".repeat(256))).toBeNull();
  });

  it("refuse fewer than 8 or more than 256 characters, counting characters not bytes", async () => {
    expect(await passwordProblem("seven77")).toBe("Use at least 8 characters.");
    expect(await passwordProblem("🔑🔑🔑🔑🔑🔑🔑🔑")).toBeNull();
    expect(await passwordProblem("x".repeat(257))).toBe("Use at most 256 characters.");
  });

  it("refuse the 10,000 most common passwords, whatever their case", async () => {
    for (const common of ["password", "12345678", "qwertyuiop", "iloveyou", "Password1", "sunshine"]) {
      expect(await passwordProblem(common), common).toMatch(/most common/);
    }
  });
});

describe("argon2 parameters", () => {
  const current = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
  it("are read back from a stored hash", () => {
    expect(readArgon2Params(current)).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(readArgon2Params("$2b$10$bcrypt-hash")).toBeNull();
  });

  it("call for a rehash when weaker than today's, or not argon2id", () => {
    expect(needsRehash(current)).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA")).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=65536,t=1,p=1$c2FsdA$aGFzaA")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).toBe(true);
  });
});

describe("session cookies", () => {
  it("carry a 256-bit random token, stored only as its SHA-256", () => {
    const a = newToken();
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are HttpOnly, SameSite=Lax and Path=/ in development, without Secure so http://localhost works", () => {
    const cookie = sessionCookie("tok", false);
    expect(cookie.startsWith("ladder_session=tok;")).toBe(true);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it("are Secure with the __Host- prefix in production", () => {
    const cookie = sessionCookie("tok", true);
    expect(sessionCookieName(true)).toBe("__Host-ladder_session");
    expect(cookie.startsWith("__Host-ladder_session=tok;")).toBe(true);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/);
    expect(clearSessionCookie(true)).toMatch(/^__Host-ladder_session=; .*Max-Age=0/);
  });

  it("are found among other cookies by exact name", () => {
    expect(readCookie("a=1; ladder_session=xyz; ladder_session_old=no", "ladder_session")).toBe("xyz");
    expect(readCookie("xladder_session=no", "ladder_session")).toBeNull();
    expect(readCookie(null, "ladder_session")).toBeNull();
  });
});

describe("devices in the sessions list", () => {
  it("are told apart by browser, system and kind", () => {
    expect(parseUserAgent("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36")).toEqual({
      device_type: "mobile",
      browser: "Chrome",
      os: "Android",
    });
    expect(parseUserAgent("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1")).toMatchObject({
      device_type: "tablet",
      browser: "Safari",
      os: "iOS",
    });
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0")).toEqual({
      device_type: "desktop",
      browser: "Firefox",
      os: "Windows",
    });
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0")).toMatchObject({ browser: "Edge" });
    expect(parseUserAgent(null)).toEqual({ device_type: "unknown", browser: "Unknown browser", os: "Unknown system" });
  });
});
