/** The admin area through the real app: who gets in, members search and pages, role changes. */
import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import type { UserRole } from "../../db/enums";
import type { Position } from "../../app/lib/cursor";
import { changeRole, listMembers } from "../../app/modules/admin/members.server";
import { appClient, confirmSignUp, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";

const adminPages = ["/admin", "/admin/users", "/admin/premium", "/admin/api-access", "/admin/premium.csv", "/admin/api-access.csv"];
const otherRoles: UserRole[] = ["user", "recruiter", "career_team", "moderator"];
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

async function signedInAs(ctx: Ctx, role: UserRole, options: { name?: string; email?: string } = {}) {
  const member = await createMember(ctx, { role, ...options });
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return { member, browser };
}

/** Inserts `n` members quickly, `sameTime` of them sharing each createdAt (ties), some without a date. */
async function insertMembers(ctx: Ctx, n: number, options: { sameTime?: number; undated?: number } = {}) {
  const sameTime = options.sameTime ?? 1;
  const base = Date.UTC(2025, 5, 1, 12, 0, 0, 0);
  const values = Array.from({ length: n }, (_, i) => ({
    email: `bulk${i}-${Math.random().toString(36).slice(2, 8)}@test.ladder`,
    name: `Bulk Member ${i}`,
    role: "user" as const,
    createdAt: i < (options.undated ?? 0) ? null : new Date(base + Math.floor(i / sameTime) * 60_000 + 7),
  }));
  const rows = await ctx.db.insert(ctx.t.User).values(values).returning({ id: ctx.t.User.id });
  return rows.map((r) => r.id);
}

/** Member ids on a members page: each row's role form, plus the admin's own row. */
function idsOnPage(html: string): string[] {
  return [...html.matchAll(new RegExp(`action="/admin/users/(${UUID})/role"`, "g"))].map((m) => m[1]);
}

function nextLink(html: string): string | null {
  const match = /<a [^>]*href="([^"]+)"[^>]*>Next page<\/a>/.exec(html);
  return match ? match[1].replace(/&amp;/g, "&") : null;
}

async function walkPages(browser: AppClient, first: string) {
  const pages: string[][] = [];
  let path: string | null = first;
  while (path) {
    const page = await browser.get(path);
    expect(page.status, path).toBe(200);
    pages.push(idsOnPage(page.html));
    path = nextLink(page.html);
    expect(pages.length).toBeLessThan(20);
  }
  return pages;
}

describeEachDatabase("admin area", (db) => {
  it("sends visitors to sign in and answers 403 to every role but admin, on every admin page", async () => {
    const target = await createMember(db.ctx);
    const pages = [...adminPages, `/admin/users/${target.id}/role`];
    const visitor = await appClient(db.ctx);
    for (const path of pages) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(302);
      expect(res.location, path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    for (const role of otherRoles) {
      const { browser } = await signedInAs(db.ctx, role);
      for (const path of pages) {
        const res = await browser.get(path);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(textOf(res.html)).toContain("This page is for admin accounts only.");
      }
      const post = await browser.post(`/admin/users/${target.id}/role`, { role: "admin" });
      expect(post.status, `${role} changes a role`).toBe(403);
    }
    const [row] = await db.ctx.db.select({ role: db.ctx.t.User.role }).from(db.ctx.t.User).where(eq(db.ctx.t.User.id, target.id));
    expect(row.role).toBe("user");
  });

  it("shows admins the overview with links and counts, and each admin page", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    await createMember(db.ctx, { role: "recruiter" });
    await db.ctx.db.insert(db.ctx.t.premuser).values({ fullName: "P One", emailAddress: "p1@example.test" });
    const overview = await browser.get("/admin");
    expect(overview.status).toBe(200);
    const text = textOf(overview.html);
    expect(text).toContain("2 members.");
    expect(text).toContain("Recruiter: 1");
    expect(text).toContain("Admin: 1");
    expect(text).toContain("1 people asked about Premium.");
    expect(text).toContain("0 organisations asked for API access.");
    for (const href of ["/admin/users", "/admin/premium", "/admin/api-access"]) expect(overview.html).toContain(`href="${href}"`);
    for (const path of adminPages) expect((await browser.get(path)).status, path).toBe(200);
  });

  it("changes a member's role and logs it on that member with from, to and by", async () => {
    const { member: admin, browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx, { name: "Rania Aziz" });
    const res = await browser.post(`/admin/users/${target.id}/role`, { role: "recruiter", back: "/admin/users?q=rania" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/admin/users?q=rania");

    const { User, user_activity_logs: logs } = db.ctx.t;
    const [row] = await db.ctx.db.select({ role: User.role }).from(User).where(eq(User.id, target.id));
    expect(row.role).toBe("recruiter");
    const entries = await db.ctx.db
      .select()
      .from(logs)
      .where(and(eq(logs.action_type, "role_changed")));
    expect(entries).toHaveLength(1);
    expect(entries[0].user_id).toBe(target.id);
    expect(entries[0].metadata).toEqual({ from: "user", to: "recruiter", by: admin.id });

    const page = await browser.get(res.location!);
    expect(textOf(page.html)).toContain("Rania Aziz is now a recruiter (was a member).");
    expect(page.html).toMatch(/<option value="recruiter" selected="">Recruiter<\/option>/);

    // The new role takes effect on the member's next request.
    const asTarget = await appClient(db.ctx);
    await asTarget.signIn(target);
    expect((await asTarget.get("/admin")).status).toBe(403);
    await browser.post(`/admin/users/${target.id}/role`, { role: "admin" });
    expect((await asTarget.get("/admin")).status).toBe(200);
  });

  it("goes back only to the members list after a change, never elsewhere", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    for (const back of ["https://evil.test/", "//evil.test", "/settings/profile", "/admin/users\\evil"]) {
      const res = await browser.post(`/admin/users/${target.id}/role`, { role: "moderator", back });
      expect(res.status).toBe(302);
      expect(res.location, back).toBe("/admin/users");
    }
  });

  it("refuses to let an admin remove their own admin role, with a reason, and changes nothing", async () => {
    const { member: admin, browser } = await signedInAs(db.ctx, "admin");
    for (const role of ["user", "moderator"]) {
      const res = await browser.post(`/admin/users/${admin.id}/role`, { role });
      expect(res.status).toBe(400);
      const text = textOf(res.html);
      expect(text).toContain("You cannot remove your own admin role");
      expect(res.html).toMatch(/aria-invalid="true"[^>]*aria-describedby="role-error"|aria-describedby="role-error"[^>]*aria-invalid="true"/);
    }
    const { User, user_activity_logs: logs } = db.ctx.t;
    const [row] = await db.ctx.db.select({ role: User.role }).from(User).where(eq(User.id, admin.id));
    expect(row.role).toBe("admin");
    expect(await db.ctx.db.select().from(logs).where(eq(logs.action_type, "role_changed"))).toHaveLength(0);
    // Keeping one's own admin role is not a change at all.
    const same = await browser.post(`/admin/users/${admin.id}/role`, { role: "admin" });
    expect(same.status).toBe(302);
  });

  it("answers 400 to a role outside the five and 404 to an unknown or malformed member id", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    const bad = await browser.post(`/admin/users/${target.id}/role`, { role: "superuser" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("Choose one of the five roles.");
    const missing = await browser.post(`/admin/users/${target.id}/role`, {});
    expect(missing.status).toBe(400);
    const [row] = await db.ctx.db.select({ role: db.ctx.t.User.role }).from(db.ctx.t.User).where(eq(db.ctx.t.User.id, target.id));
    expect(row.role).toBe("user");

    for (const id of ["6f1c2a3b-0000-4000-8000-000000000000", "not-a-uuid", "1%27%20or%201=1"]) {
      expect((await browser.get(`/admin/users/${id}/role`)).status, `GET ${id}`).toBe(404);
      expect((await browser.post(`/admin/users/${id}/role`, { role: "recruiter" })).status, `POST ${id}`).toBe(404);
    }
  });

  it("never takes a role from any other form: sign-up and the public forms ignore a role field", async () => {
    const visitor = await appClient(db.ctx, { ip: "10.9.0.1" });
    const signup = await visitor.post("/signup", { name: "Sneaky", email: "sneaky@example.test", password: "a long and unusual passphrase 93", role: "admin" });
    expect(signup.status).toBe(302);
    expect((await confirmSignUp(visitor, "sneaky@example.test")).status).toBe(302);
    const { User } = db.ctx.t;
    const [created] = await db.ctx.db.select({ id: User.id, role: User.role }).from(User).where(eq(User.email, "sneaky@example.test"));
    expect(created.role).toBe("user");

    const { member, browser } = await signedInAs(db.ctx, "user");
    for (const [path, form] of [
      ["/premium", { fullName: "A", emailAddress: "a@example.test", role: "admin" }],
      ["/api-access", { fullName: "A", email_address: "a@example.test", role: "admin" }],
      ["/settings/lite", { lite: "1", redirectTo: "/", role: "admin" }],
    ] as const) {
      const res = await browser.post(path, form);
      expect(res.status, path).toBe(302);
    }
    const [after] = await db.ctx.db.select({ role: User.role }).from(User).where(eq(User.id, member.id));
    expect(after.role).toBe("user");
    expect((await browser.get("/admin")).status).toBe(403);
  });

  it("finds members by name and by email whatever the case, on both databases", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const zainab = await createMember(db.ctx, { name: "Zainab Haddad", email: "Z.Haddad@Example.TEST" });
    const omar = await createMember(db.ctx, { name: "Omar Farouk", email: "omar.f@mail.test" });
    const cases: [string, string[]][] = [
      ["zainab", [zainab.id]],
      ["HADDAD", [zainab.id]],
      ["z.haddad@example.test", [zainab.id]],
      ["MAIL.TEST", [omar.id]],
      ["Farouk", [omar.id]],
      ["nobody-by-this-name", []],
    ];
    for (const [q, expected] of cases) {
      const page = await browser.get(`/admin/users?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(idsOnPage(page.html).sort(), q).toEqual([...expected].sort());
      expect(page.html, q).toContain(`value="${q}"`);
    }
    const none = await browser.get("/admin/users?q=nobody-by-this-name");
    expect(textOf(none.html)).toContain("No member’s name or email contains “nobody-by-this-name”.");
  });

  it("takes % and _ in a search literally", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const percent = await createMember(db.ctx, { name: "100% Committed" });
    const underscore = await createMember(db.ctx, { name: "snake_case fan" });
    await createMember(db.ctx, { name: "Plain Name" });
    expect(idsOnPage((await browser.get("/admin/users?q=%25")).html)).toEqual([percent.id]);
    expect(idsOnPage((await browser.get("/admin/users?q=_")).html)).toEqual([underscore.id]);
  });

  it("pages through every member exactly once, 50 at a time, newest first, ties and undated members included", async () => {
    const { member: admin, browser } = await signedInAs(db.ctx, "admin");
    const ids = await insertMembers(db.ctx, 123, { sameTime: 4, undated: 9 });
    const pages = await walkPages(browser, "/admin/users");
    expect(pages.map((p) => p.length)).toEqual([49, 50, 24]); // the admin's own row has no role form
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(ids));
    // The newest member (the admin, created now) heads the first page.
    const first = await browser.get("/admin/users");
    expect(first.html.indexOf("This is you")).toBeLessThan(first.html.indexOf(`/admin/users/${pages[0][0]}/role`));
    expect(admin.id).toBeTruthy();
  });

  it("pages through search results with the search kept in the next link", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const ids = await insertMembers(db.ctx, 60);
    await createMember(db.ctx, { name: "Someone Else" });
    const pages = await walkPages(browser, "/admin/users?q=bulk+member");
    expect(pages.map((p) => p.length)).toEqual([50, 10]);
    expect(new Set(pages.flat())).toEqual(new Set(ids));
  });

  it("orders members newest first by (createdAt, id) with undated members last, in small pages", async () => {
    const ids = await insertMembers(db.ctx, 23, { sameTime: 3, undated: 5 });
    const seen: { id: string; createdAt: Date | null }[] = [];
    let after: Position | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listMembers(db.ctx, { after, pageSize: 4 });
      seen.push(...page.rows);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.map((r) => r.id).sort()).toEqual([...ids].sort());
    const dated = seen.filter((r) => r.createdAt);
    const undated = seen.filter((r) => !r.createdAt);
    expect(seen.slice(0, dated.length)).toEqual(dated);
    expect(undated).toHaveLength(5);
    for (let i = 1; i < dated.length; i++) {
      const [a, b] = [dated[i - 1], dated[i]];
      const ordered = a.createdAt!.getTime() > b.createdAt!.getTime() || (a.createdAt!.getTime() === b.createdAt!.getTime() && a.id > b.id);
      expect(ordered, `${i}`).toBe(true);
    }
    for (let i = 1; i < undated.length; i++) expect(undated[i - 1].id > undated[i].id).toBe(true);
  });

  it("answers 400 with a way back to a tampered or made-up cursor, never 500", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    await insertMembers(db.ctx, 55);
    const first = await browser.get("/admin/users");
    const next = nextLink(first.html)!;
    expect(next).toMatch(/cursor=/);
    const cursor = new URL(next, "http://x").searchParams.get("cursor")!;
    const flipped = cursor.slice(0, 3) + (cursor[3] === "x" ? "y" : "x") + cursor.slice(4);
    for (const bad of [flipped, "garbage", "", "a.b", `${cursor}x`, "%00"]) {
      const res = await browser.get(`/admin/users?cursor=${encodeURIComponent(bad)}`);
      if (bad === "") {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status, bad).toBe(400);
      expect(textOf(res.html)).toContain("This page link is broken or was changed.");
      expect(res.html).toContain('href="/"');
    }
    // A cursor of the members list does not open a page of another list.
    for (const path of ["/admin/premium", "/admin/api-access"]) {
      expect((await browser.get(`${path}?cursor=${encodeURIComponent(cursor)}`)).status, path).toBe(400);
    }
  });
});

describePostgres("admin role changes under concurrency", (db) => {
  it("two admins demoting each other at the same moment leave one admin, never none", async () => {
    for (let round = 0; round < 15; round++) {
      const a = await createMember(db.ctx, { role: "admin" });
      const b = await createMember(db.ctx, { role: "admin" });
      const results = await Promise.all([
        changeRole(db.ctx, { actorId: a.id, targetId: b.id, to: "user" }),
        changeRole(db.ctx, { actorId: b.id, targetId: a.id, to: "user" }),
      ]);
      expect(results.map((r) => r.kind).sort(), `round ${round}`).toEqual(["changed", "not_admin"]);
      const { User } = db.ctx.t;
      const roles = await db.ctx.db.select({ role: User.role }).from(User).where(inArray(User.id, [a.id, b.id]));
      expect(roles.map((r) => r.role).sort(), `round ${round}`).toEqual(["admin", "user"]);
    }
  });
}, { poolSize: 4 });
