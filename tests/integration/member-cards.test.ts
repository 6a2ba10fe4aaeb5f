import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { avatarColour } from "../../app/components/ui/initials";
import { appClient, createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";

describeEachDatabase("members in lists: a picture or initials", (db) => {
  const PHOTO = `/avatars/avatar-${"cd".repeat(16)}.webp`;

  async function twoMembers() {
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const withPhoto = await createMember(db.ctx, { name: `Rania Photo${stamp}`, email: `photo-${stamp}@example.com` });
    await db.ctx.db.update(db.ctx.t.User).set({ avatarUrl: PHOTO }).where(eq(db.ctx.t.User.id, withPhoto.id));
    const without = await createMember(db.ctx, { name: `Sami Plain${stamp}`, email: `plain-${stamp}@example.com` });
    return { stamp, withPhoto, without };
  }

  it("people search shows a member's photo, and another member's initials on their own colour", async () => {
    const { stamp, without } = await twoMembers();
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx));
    const page = await browser.get(`/people?q=${stamp}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<img src="${PHOTO}" alt=""`);
    expect(page.html).toMatch(new RegExp(`<span aria-hidden="true" class="[^"]*${avatarColour(without.id)}[^"]*">SP</span>`));
  });

  it("lite mode shows initials for everyone and loads no photo", async () => {
    const { stamp } = await twoMembers();
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx));
    const page = await browser.get(`/people?q=${stamp}`, { "Save-Data": "on" });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain(PHOTO);
    expect(page.html).toMatch(/<span aria-hidden="true" class="[^"]*">RP<\/span>/);
  });

  it("a photo kept at another address is never loaded: the initials show instead", async () => {
    const { stamp, withPhoto } = await twoMembers();
    await db.ctx.db.update(db.ctx.t.User).set({ avatarUrl: "https://tracker.example/pixel.png" }).where(eq(db.ctx.t.User.id, withPhoto.id));
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx));
    const page = await browser.get(`/people?q=${stamp}`);
    expect(page.html).not.toMatch(/<img[^>]*tracker\.example/);
    expect(page.html).toMatch(/>RP<\/span>/);
  });
});
