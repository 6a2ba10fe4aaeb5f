/**
 * Without SMTP_URL, mail lands in the development outbox (data/outbox/), which /dev/outbox lists
 * in development. This file runs the app with NODE_ENV=development; the 404 outside development
 * is tested in password-reset.test.ts (NODE_ENV=test).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const OUTBOX = path.resolve("data", "outbox");
const written: string[] = [];
const previousNodeEnv = process.env.NODE_ENV;

// The app reads its environment once, at its first request.
beforeAll(() => {
  process.env.NODE_ENV = "development";
  delete process.env.SMTP_URL;
});
afterAll(() => {
  process.env.NODE_ENV = previousNodeEnv;
  for (const file of written) fs.rmSync(path.join(OUTBOX, file), { force: true });
});

/** The outbox file addressed to `email`, once the mail service has written and renamed it (not its `.partial`). */
async function outboxFileFor(email: string): Promise<string> {
  const folded = email.toLowerCase();
  for (let i = 0; i < 100; i++) {
    const file = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).find((name) => name.includes(`_${folded}_`) && !name.endsWith(".partial")) : undefined;
    if (file) {
      written.push(file);
      return file;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no outbox file for ${email} in ${OUTBOX}`);
}

describeEachDatabase("the development outbox", (db) => {
  it("keeps the reset mail as a file and lists it at /dev/outbox and shows it with the link clickable", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    expect((await browser.post("/forgot-password", { email: member.email })).status).toBe(302);
    const file = await outboxFileFor(member.email);
    const stored = JSON.parse(fs.readFileSync(path.join(OUTBOX, file), "utf8"));
    expect(stored.subject).toBe("Reset your Ladder password");
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(stored.text)?.[1];
    expect(token).toBeDefined();

    const list = await browser.get("/dev/outbox");
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain("Development outbox");
    expect(list.html).toContain(`href="/dev/outbox?mail=${encodeURIComponent(file)}"`);
    expect(textOf(list.html)).toContain(`to ${member.email}`);

    const one = await browser.get(`/dev/outbox?mail=${encodeURIComponent(file)}`);
    expect(one.status).toBe(200);
    expect(textOf(one.html)).toContain("Reset your Ladder password");
    expect(one.html).toContain(`<a href="http://localhost/reset-password/${token}">`);
    expect((await browser.get(`/reset-password/${token}`)).status).toBe(200);
  });

  it("answers 404 for a name that is not one of its files", async () => {
    const browser = await appClient(db.ctx);
    for (const name of ["../session-secret", "x.json", "..%2F..%2Fpackage.json"]) {
      expect((await browser.get(`/dev/outbox?mail=${encodeURIComponent(name)}`)).status).toBe(404);
    }
  });
});
