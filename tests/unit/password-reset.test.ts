/** The pure parts of password reset: token shape, the link, the mail. */
import { describe, expect, it } from "vitest";
import { isWellFormedResetToken, RESET_TOKEN_TTL_MS, resetLink, resetMail } from "~/modules/accounts/password-reset.server";
import { newToken } from "~/modules/accounts/sessions.server";

describe("reset tokens", () => {
  it("are 32 random bytes (256 bits) in base64url, each one different", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isWellFormedResetToken(token)).toBe(true);
    }
  });

  it("refuse anything of another shape before any query", () => {
    for (const token of [undefined, "", "x", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, `${"A".repeat(42)}/`, `${"A".repeat(42)}'`]) {
      expect(isWellFormedResetToken(token)).toBe(false);
    }
  });

  it("live 30 minutes", () => {
    expect(RESET_TOKEN_TTL_MS).toBe(30 * 60 * 1000);
  });
});

describe("the reset link and mail", () => {
  it("puts the token after /reset-password/ on the public address, with or without a trailing slash", () => {
    expect(resetLink("https://ladder.example.com", "abc")).toBe("https://ladder.example.com/reset-password/abc");
    expect(resetLink("https://ladder.example.com/", "abc")).toBe("https://ladder.example.com/reset-password/abc");
  });

  it("says what the link does, how long it works, and what to do if you did not ask", () => {
    const mail = resetMail("amira@example.com", "https://ladder.test/reset-password/abc");
    expect(mail.to).toBe("amira@example.com");
    expect(mail.subject).toBe("Reset your Ladder password");
    expect(mail.text).toContain("\nhttps://ladder.test/reset-password/abc\n");
    expect(mail.text).toContain("30 minutes");
    expect(mail.text).toContain("If you did not ask for this, ignore this mail");
  });
});
