/** Without GOOGLE_CLIENT_ID, Google sign-in is nowhere: no buttons, and its routes lead to the sign-in page. */
import { expect, it } from "vitest";
import { appClient, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

// The app reads its environment once, at its first request.
delete process.env.GOOGLE_CLIENT_ID;
delete process.env.GOOGLE_CLIENT_SECRET;

describeEachDatabase("Google sign-in switched off", (db) => {
  it("shows no Google button on the sign-in and sign-up pages", async () => {
    const browser = await appClient(db.ctx);
    const login = await browser.get("/login");
    expect(login.status).toBe(200);
    expect(textOf(login.html)).toContain("Sign in");
    expect(textOf(login.html)).not.toContain("Google");
    expect(login.html).not.toContain('action="/auth/google"');
    const signup = await browser.get("/signup");
    expect(signup.status).toBe(200);
    expect(textOf(signup.html)).not.toContain("Google");
  });

  it("sends POST /auth/google and its callback to the sign-in page, never to a provider", async () => {
    const browser = await appClient(db.ctx);
    const start = await browser.post("/auth/google", { redirectTo: "/" });
    expect(start.status).toBe(302);
    expect(start.location).toBe("/login");
    expect(browser.cookies.has("ladder_oauth")).toBe(false);
    const callback = await browser.get("/auth/google/callback?code=abc&state=def");
    expect(callback.status).toBe(302);
    expect(callback.location).toBe("/login?google=failed");
    expect(browser.cookies.has("ladder_session")).toBe(false);
  });
});
