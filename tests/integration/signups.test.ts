/** The public Premium and API-access forms, and their admin lists and CSV exports, through the real app. */
import { desc } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { apiAccessExport, premiumExport } from "../../app/modules/admin/signups.server";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const goodPremium = {
  fullName: "Aisha Siddiqui",
  emailAddress: "aisha@example.test",
  phoneNumber: "+91 98450 12345",
  paragraphInterest: "Weekly CV reviews, please.",
};
const goodApi = {
  fullName: "Rakesh Menon",
  email_address: "rakesh@example.test",
  phone_number: "+91 80 4123 4567",
  orgName: "Bengaluru Institute of Technology",
  work: "Placement officer",
  benefits: "Post our campus drives.",
};

const forms = [
  { path: "/premium", table: "premuser", good: goodPremium, thanks: "/premium/thanks", email: "emailAddress" },
  { path: "/api-access", table: "apiuser", good: goodApi, thanks: "/api-access/thanks", email: "email_address" },
] as const;

const countRows = async (ctx: Ctx, table: "premuser" | "apiuser") => (await ctx.db.select().from(ctx.t[table])).length;

async function adminBrowser(ctx: Ctx) {
  const admin = await createMember(ctx, { role: "admin" });
  const browser = await appClient(ctx);
  await browser.signIn(admin);
  return browser;
}

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

describeEachDatabase("premium and API access sign-ups", (db) => {
  for (const form of forms) {
    it(`${form.path}: saves good input and leads to the thank-you page`, async () => {
      const visitor = await appClient(db.ctx);
      const page = await visitor.get(form.path);
      expect(page.status).toBe(200);
      const res = await visitor.post(form.path, form.good);
      expect(res.status).toBe(302);
      expect(res.location).toBe(form.thanks);
      const rows = await db.ctx.db.select().from(db.ctx.t[form.table]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject(form.good);
      expect(rows[0].createdAt).toBeInstanceOf(Date);
      const thanks = await visitor.get(form.thanks);
      expect(thanks.status).toBe(200);
      expect(textOf(thanks.html)).toContain("Thank you");
    });

    it(`${form.path}: answers 400 to bad input with an error beside each field and the typed values kept`, async () => {
      const visitor = await appClient(db.ctx);
      const typed = { ...form.good, fullName: "", [form.email]: "not-an-email", [form.path === "/premium" ? "phoneNumber" : "phone_number"]: "call me maybe" };
      const res = await visitor.post(form.path, typed);
      expect(res.status).toBe(400);
      const text = textOf(res.html);
      expect(text).toContain("There are 3 problems");
      expect(text).toContain("Enter your full name.");
      expect(text).toContain("Enter an email address like name@example.com.");
      expect(text).toContain("Use digits, spaces and + ( ) - only");
      expect(res.html).toContain('aria-describedby="fullName-error"');
      expect(res.html).toContain(`aria-describedby="${form.email}-error"`);
      expect(res.html).toContain('value="not-an-email"');
      expect(res.html).toContain('value="call me maybe"');
      expect(await countRows(db.ctx, form.table)).toBe(0);
    });

    it(`${form.path}: refuses text over the column limits with 400`, async () => {
      const visitor = await appClient(db.ctx);
      const long = { ...form.good, fullName: "x".repeat(129), [form.email]: `${"a".repeat(120)}@example.test` };
      const res = await visitor.post(form.path, long);
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain("Use at most 128 characters for your name.");
      expect(textOf(res.html)).toContain("Use an email address of at most 128 characters.");
      expect(await countRows(db.ctx, form.table)).toBe(0);
    });

    it(`${form.path}: a filled-in honeypot is refused and nothing is saved`, async () => {
      const visitor = await appClient(db.ctx);
      const res = await visitor.post(form.path, { ...form.good, website: "http://spam.test" });
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain("could not be sent");
      expect(await countRows(db.ctx, form.table)).toBe(0);
    });

    it(`${form.path}: without the CSRF token answers 403 and saves nothing`, async () => {
      const visitor = await appClient(db.ctx);
      await visitor.get(form.path);
      const res = await visitor.post(form.path, form.good, { csrf: false });
      expect(res.status).toBe(403);
      expect(await countRows(db.ctx, form.table)).toBe(0);
    });

    it(`${form.path}: the 6th sign-up in an hour from one address answers 429 with Retry-After; another address still gets through`, async () => {
      const visitor = await appClient(db.ctx, { ip: "203.0.113.7" });
      for (let i = 0; i < 5; i++) {
        expect((await visitor.post(form.path, { ...form.good, fullName: `Person ${i}` })).status, `post ${i + 1}`).toBe(302);
      }
      const sixth = await visitor.post(form.path, form.good);
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(textOf(sixth.html)).toContain("Please try again in");
      expect(await countRows(db.ctx, form.table)).toBe(5);
      const elsewhere = await appClient(db.ctx, { ip: "198.51.100.9" });
      expect((await elsewhere.post(form.path, form.good)).status).toBe(302);
    });
  }

  it("fills in a signed-in member's name and email on the form", async () => {
    const member = await createMember(db.ctx, { name: "Dina Saleh", email: "dina@example.test" });
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const page = await browser.get("/premium");
    expect(page.html).toContain('value="Dina Saleh"');
    expect(page.html).toContain('value="dina@example.test"');
  });
});

describeEachDatabase("admin lists and CSV exports of the sign-ups", (db) => {
  it("lists premium sign-ups newest first, 50 a page, each exactly once", async () => {
    const browser = await adminBrowser(db.ctx);
    const base = Date.UTC(2026, 0, 1);
    await db.ctx.db.insert(db.ctx.t.premuser).values(
      Array.from({ length: 57 }, (_, i) => ({ fullName: `Person ${String(i).padStart(2, "0")}`, emailAddress: `p${i}@example.test`, createdAt: new Date(base + Math.floor(i / 2) * 1000) })),
    );
    const names: string[] = [];
    let path: string | null = "/admin/premium";
    let pages = 0;
    while (path) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      const onPage = [...page.html.matchAll(/>Person (\d\d)</g)].map((m) => m[1]);
      names.push(...onPage);
      pages++;
      const next = /<a [^>]*href="([^"]+)"[^>]*>Next page<\/a>/.exec(page.html);
      path = next ? next[1].replace(/&amp;/g, "&") : null;
    }
    expect(pages).toBe(2);
    expect(names).toHaveLength(57);
    expect(new Set(names).size).toBe(57);
    expect(names[0]).toBe("56");
    expect(names.slice(1, 3).sort()).toEqual(["54", "55"]);
  });

  it("shows an honest empty list when nobody has signed up", async () => {
    const browser = await adminBrowser(db.ctx);
    expect(textOf((await browser.get("/admin/premium")).html)).toContain("Nobody has asked about Premium yet.");
    expect(textOf((await browser.get("/admin/api-access")).html)).toContain("Nobody has asked for API access yet.");
  });

  it("downloads premium sign-ups as a CSV attachment with proper quoting and formulas neutralised", async () => {
    const browser = await adminBrowser(db.ctx);
    const p = db.ctx.t.premuser;
    await db.ctx.db.insert(p).values([
      { fullName: "Older, Person", emailAddress: "old@example.test", phoneNumber: "+20 100 987 6543", paragraphInterest: 'She said "yes"\nand then no', createdAt: new Date(Date.UTC(2026, 0, 1, 8)) },
      { fullName: '=HYPERLINK("http://evil.test","click")', emailAddress: "@evil.test", phoneNumber: "-1", paragraphInterest: "+cmd|' /C calc'!A0", createdAt: new Date(Date.UTC(2026, 0, 2, 8)) },
      { fullName: "نور الهدى", emailAddress: "nour@example.test", createdAt: new Date(Date.UTC(2026, 0, 3, 8)) },
    ]);
    const res = await browser.get("/admin/premium.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="ladder-premium-sign-ups-\d{4}-\d\d-\d\d\.csv"$/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    // (A byte-order mark leads the body; fetch's text() drops it: tests/unit/admin-csv.test.ts checks the bytes.)
    const rows = parseCsv(res.html);
    expect(rows).toEqual([
      ["Full name", "Email address", "Phone number", "Interest", "Signed up (UTC)"],
      ["نور الهدى", "nour@example.test", "", "", "2026-01-03T08:00:00.000Z"],
      [`'=HYPERLINK("http://evil.test","click")`, "'@evil.test", "'-1", "'+cmd|' /C calc'!A0", "2026-01-02T08:00:00.000Z"],
      ["Older, Person", "old@example.test", "'+20 100 987 6543", 'She said "yes"\nand then no', "2026-01-01T08:00:00.000Z"],
    ]);
    // The raw text quotes exactly the cells that need it.
    expect(res.html).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(res.html).toContain(`"Older, Person"`);
    expect(res.html).toContain(`"She said ""yes""\nand then no"`);
  });

  it("downloads API-access sign-ups as a CSV attachment", async () => {
    const browser = await adminBrowser(db.ctx);
    await db.ctx.db.insert(db.ctx.t.apiuser).values({ ...goodApi, work: "=1+1", createdAt: new Date(Date.UTC(2026, 1, 1)) });
    const res = await browser.get("/admin/api-access.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="ladder-api-access-sign-ups-\d{4}-\d\d-\d\d\.csv"$/);
    expect(parseCsv(res.html)).toEqual([
      ["Full name", "Email address", "Phone number", "Organisation", "Work", "Benefits", "Signed up (UTC)"],
      ["Rakesh Menon", "rakesh@example.test", "'+91 80 4123 4567", "Bengaluru Institute of Technology", "'=1+1", "Post our campus drives.", "2026-02-01T00:00:00.000Z"],
    ]);
  });

  it("exports every row exactly once, newest first, in keyset batches", async () => {
    const base = Date.UTC(2026, 0, 1);
    await db.ctx.db.insert(db.ctx.t.premuser).values(
      Array.from({ length: 23 }, (_, i) => ({ fullName: `P${i}`, emailAddress: `p${i}@example.test`, createdAt: new Date(base + Math.floor(i / 3) * 1000) })),
    );
    await db.ctx.db.insert(db.ctx.t.apiuser).values(
      Array.from({ length: 11 }, (_, i) => ({ fullName: `A${i}`, email_address: `a${i}@example.test`, createdAt: new Date(base + Math.floor(i / 4) * 1000) })),
    );
    const premium: unknown[][] = [];
    for await (const row of premiumExport(db.ctx, 4).rows()) premium.push(row);
    const expected = await db.ctx.db
      .select({ name: db.ctx.t.premuser.fullName })
      .from(db.ctx.t.premuser)
      .orderBy(desc(db.ctx.t.premuser.createdAt), desc(db.ctx.t.premuser.id));
    expect(premium.map((r) => r[0])).toEqual(expected.map((r) => r.name));
    expect(new Set(premium.map((r) => r[0])).size).toBe(23);

    const api: unknown[][] = [];
    for await (const row of apiAccessExport(db.ctx, 3).rows()) api.push(row);
    expect(new Set(api.map((r) => r[0])).size).toBe(11);
  });

  it("streams a large export completely through the app", async () => {
    const browser = await adminBrowser(db.ctx);
    await db.ctx.db.insert(db.ctx.t.premuser).values(
      Array.from({ length: 1203 }, (_, i) => ({ fullName: `Bulk ${i}`, emailAddress: `b${i}@example.test`, createdAt: new Date(Date.UTC(2026, 0, 1) + i) })),
    );
    const res = await browser.get("/admin/premium.csv");
    const rows = parseCsv(res.html);
    expect(rows).toHaveLength(1204);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(1203);
    expect(rows[1][0]).toBe("Bulk 1202");
  });

  it("answers 403 to a member who is not an admin asking for the CSV", async () => {
    const member = await createMember(db.ctx, { role: "career_team" });
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.get("/admin/premium.csv");
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Disposition")).toBeNull();
  });
});
