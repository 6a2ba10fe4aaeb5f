/**
 * The premium and API-access sign-ups for the admin pages: newest first on (createdAt desc,
 * id desc), keyset pages, counts, and every row for the CSV exports in keyset batches.
 */
import { and, count, desc, lt, lte, or } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import type { Page } from "./members.server";
import type { CsvExport } from "~/lib/csv";

export const SIGNUPS_PAGE_SIZE = 50;
export const EXPORT_BATCH_SIZE = 500;

export interface PremiumRow {
  id: string;
  fullName: string;
  emailAddress: string;
  phoneNumber: string | null;
  paragraphInterest: string | null;
  createdAt: Date;
}

export interface ApiAccessRow {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  orgName: string | null;
  work: string | null;
  benefits: string | null;
  createdAt: Date;
}

type Keyed = { id: string; createdAt: Date };

function pageOf<T extends Keyed>(rows: T[], size: number): Page<T> {
  const pageRows = rows.slice(0, size);
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

export async function listPremium(ctx: Ctx, options: { after?: Position; pageSize?: number } = {}): Promise<Page<PremiumRow>> {
  const p = ctx.t.premuser;
  const size = options.pageSize ?? SIGNUPS_PAGE_SIZE;
  const after = options.after;
  const rows = await ctx.db
    .select({
      id: p.id,
      fullName: p.fullName,
      emailAddress: p.emailAddress,
      phoneNumber: p.phoneNumber,
      paragraphInterest: p.paragraphInterest,
      createdAt: p.createdAt,
    })
    .from(p)
    .where(after && after.at !== null ? and(lte(p.createdAt, new Date(after.at)), or(lt(p.createdAt, new Date(after.at)), lt(p.id, after.id))) : undefined)
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(size + 1);
  return pageOf(rows, size);
}

export async function listApiAccess(ctx: Ctx, options: { after?: Position; pageSize?: number } = {}): Promise<Page<ApiAccessRow>> {
  const a = ctx.t.apiuser;
  const size = options.pageSize ?? SIGNUPS_PAGE_SIZE;
  const after = options.after;
  const rows = await ctx.db
    .select({
      id: a.id,
      fullName: a.fullName,
      email: a.email_address,
      phone: a.phone_number,
      orgName: a.orgName,
      work: a.work,
      benefits: a.benefits,
      createdAt: a.createdAt,
    })
    .from(a)
    .where(after && after.at !== null ? and(lte(a.createdAt, new Date(after.at)), or(lt(a.createdAt, new Date(after.at)), lt(a.id, after.id))) : undefined)
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(size + 1);
  return pageOf(rows, size);
}

export async function countSignups(ctx: Ctx): Promise<{ premium: number; apiAccess: number }> {
  const [[premium], [apiAccess]] = await Promise.all([
    ctx.db.select({ n: count() }).from(ctx.t.premuser),
    ctx.db.select({ n: count() }).from(ctx.t.apiuser),
  ]);
  return { premium: Number(premium.n), apiAccess: Number(apiAccess.n) };
}

async function* batches<T extends Keyed>(load: (after?: Position) => Promise<Page<T>>): AsyncGenerator<T> {
  let after: Position | undefined;
  for (;;) {
    const page = await load(after);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** The columns' names as message ids (admin namespace), put into words for the one downloading. */
const PREMIUM_COLUMNS = ["fullName", "email", "phone", "interest", "signedUp"];
const API_ACCESS_COLUMNS = ["fullName", "email", "phone", "organisation", "work", "benefits", "signedUp"];
const header = (columns: string[], t: Translate) => columns.map((column) => t(`admin.csv.${column}`));

/** `t`: the language of the header row (the requester's); English without. */
export function premiumExport(ctx: Ctx, batchSize = EXPORT_BATCH_SIZE, t: Translate = translator("en")): CsvExport {
  return {
    header: header(PREMIUM_COLUMNS, t),
    rows: async function* () {
      for await (const r of batches((after) => listPremium(ctx, { after, pageSize: batchSize }))) {
        yield [r.fullName, r.emailAddress, r.phoneNumber, r.paragraphInterest, r.createdAt];
      }
    },
  };
}

export function apiAccessExport(ctx: Ctx, batchSize = EXPORT_BATCH_SIZE, t: Translate = translator("en")): CsvExport {
  return {
    header: header(API_ACCESS_COLUMNS, t),
    rows: async function* () {
      for await (const r of batches((after) => listApiAccess(ctx, { after, pageSize: batchSize }))) {
        yield [r.fullName, r.email, r.phone, r.orgName, r.work, r.benefits, r.createdAt];
      }
    },
  };
}
