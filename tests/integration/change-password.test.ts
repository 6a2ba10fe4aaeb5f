/** Changing the password in settings, through the real app on both databases. */
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyCredentials } from "../../app/modules/accounts/accounts.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, MEMBER_PASSWORD, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const NEW_PASSWORD = "a kettle singing in the kitchen";

async function activeSessionIds(ctx: Ctx, userId: string) {
  const rows = await ctx.db.select().from(ctx.t.user_sessions).where(eq(ctx.t.user_sessions.user_id, userId));
  return rows.filter((r) => r.is_active).map((r) => r.id);
}

describeEachDatabase("changing the password", (db) => {
  it("sends a signed-out visitor to sign in first", async () => {
    const page = await (await appClient(db.ctx)).get("/settings/password");
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/login?redirectTo=${encodeURIComponent("/settings/password")}`);
  });

  it("shows labelled fields for the current and the new password", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const page = await browser.get("/settings/password");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label[^>]*for="current_password"[^>]*>Current password<\/label>/);
    expect(page.html).toMatch(/<label[^>]*for="new_password"[^>]*>New password<\/label>/);
    expect(textOf(page.html)).toContain("Change your password");
  });

  it("sends the page in lite mode without scripts, within 14,600 bytes gzip", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const page = await browser.get("/settings/password", { "Save-Data": "on" });
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<script/i);
    expect(zlib.gzipSync(page.html, { level: 6 }).length).toBeLessThanOrEqual(14_600);
  });

  it("refuses a wrong current password beside its field, keeps the new one typed, and changes nothing", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/password", { current_password: "not my password at all", new_password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="current_password-error"[^>]*>That is not your current password/);
    expect(res.html).toMatch(/id="error-summary-title"/);
    expect(res.html).toMatch(new RegExp(`id="new_password"[^>]*value="${NEW_PASSWORD}"`));
    expect(res.html).not.toContain("not my password at all");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).not.toBeNull();
    expect(await verifyCredentials(db.ctx, member.email, NEW_PASSWORD)).toBeNull();
  });

  it("asks for the current password when it is left empty", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/password", { current_password: "", new_password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="current_password-error"[^>]*>Enter your current password\./);
    expect(await verifyCredentials(db.ctx, member.email, NEW_PASSWORD)).toBeNull();
  });

  it("refuses a common new password with a message beside the field, and does not show it again", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/password", { current_password: MEMBER_PASSWORD, new_password: "iloveyou" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="new_password-error"[^>]*>This password is one of the most common ones/);
    expect(res.html).not.toContain("iloveyou");
    expect(res.html).not.toContain('id="current_password-error"');
    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).not.toBeNull();
  });

  it("refuses a new password equal to the current one", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/password", { current_password: MEMBER_PASSWORD, new_password: MEMBER_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="new_password-error"[^>]*>Choose a password different from your current one\./);
  });

  it("sets the new password, ends every other session and keeps the current one", async () => {
    const member = await createMember(db.ctx);
    const laptop = await appClient(db.ctx);
    const phone = await appClient(db.ctx, { ip: "10.2.2.2" });
    const tablet = await appClient(db.ctx, { ip: "10.3.3.3" });
    for (const browser of [laptop, phone, tablet]) await browser.signIn(member);
    const other = await createMember(db.ctx);
    const stranger = await appClient(db.ctx);
    await stranger.signIn(other);
    expect(await activeSessionIds(db.ctx, member.id)).toHaveLength(3);

    const res = await laptop.post("/settings/password", { current_password: MEMBER_PASSWORD, new_password: NEW_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings/password");

    const after = await laptop.get("/settings/password");
    expect(after.status).toBe(200);
    expect(textOf(after.html)).toContain("Your password is changed. Your other devices are signed out.");
    expect(await activeSessionIds(db.ctx, member.id)).toHaveLength(1);
    for (const browser of [phone, tablet]) {
      const page = await browser.get("/settings/password");
      expect(page.status).toBe(302);
      expect(page.location).toMatch(/^\/login/);
    }
    expect((await stranger.get("/settings/password")).status).toBe(200);
    expect(await activeSessionIds(db.ctx, other.id)).toHaveLength(1);

    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).toBeNull();
    expect(await verifyCredentials(db.ctx, member.email, NEW_PASSWORD)).not.toBeNull();
    const logs = await db.ctx.db.select().from(db.ctx.t.user_activity_logs).where(eq(db.ctx.t.user_activity_logs.user_id, member.id));
    expect(logs.map((l) => l.action_type)).toEqual(["password_changed"]);
    expect(JSON.stringify(logs)).not.toContain(NEW_PASSWORD);
  });

  it("lets a member who signed up with Google set a password without a current one", async () => {
    const member = await createMember(db.ctx);
    await db.ctx.db.update(db.ctx.t.User).set({ password: null, provider: "google" }).where(eq(db.ctx.t.User.id, member.id));
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const page = await browser.get("/settings/password");
    expect(textOf(page.html)).toContain("Set a password");
    expect(page.html).not.toContain('name="current_password"');

    const res = await browser.post("/settings/password", { new_password: NEW_PASSWORD });
    expect(res.status).toBe(302);
    expect(textOf((await browser.get("/settings/password")).html)).toContain("Your password is set.");
    expect(await verifyCredentials(db.ctx, member.email, NEW_PASSWORD)).not.toBeNull();
    // From now on the current password is needed.
    const again = await browser.post("/settings/password", { new_password: "yet another long passphrase" });
    expect(again.status).toBe(400);
    expect(again.html).toMatch(/id="current_password-error"[^>]*>Enter your current password\./);
  });

  it("refuses a change without the form's CSRF token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/password", { current_password: MEMBER_PASSWORD, new_password: NEW_PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).not.toBeNull();
  });
});
