/**
 * People search over name, headline and professional_skills: lower() LIKE on both databases,
 * with % and _ taken literally. Keyset pages on the member id (a stable order both databases
 * read from the primary key). The viewer is never in their own results.
 */
import { and, asc, gt, ne, or, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { likePattern } from "~/lib/like-pattern";

export const PEOPLE_PAGE_SIZE = 20;
export const PEOPLE_QUERY_MAX = 100;

export interface PersonRow {
  id: string;
  name: string | null;
  headline: string | null;
  avatarUrl: string | null;
}

export async function searchPeople(
  ctx: Ctx,
  me: string,
  options: { q?: string; afterId?: string; pageSize?: number } = {},
): Promise<{ rows: PersonRow[]; nextId: string | null }> {
  const { User } = ctx.t;
  const size = options.pageSize ?? PEOPLE_PAGE_SIZE;
  const text = (options.q ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  const pattern = text ? likePattern(text) : null;
  const search = pattern
    ? or(
        sql`lower(${User.name}) like ${pattern} escape '\\'`,
        sql`lower(${User.headline}) like ${pattern} escape '\\'`,
        sql`lower(cast(${User.professional_skills} as text)) like ${pattern} escape '\\'`,
      )
    : undefined;
  const rows = await ctx.db
    .select({ id: User.id, name: User.name, headline: User.headline, avatarUrl: User.avatarUrl })
    .from(User)
    .where(and(ne(User.id, me), search, options.afterId ? gt(User.id, options.afterId) : undefined))
    .orderBy(asc(User.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  return { rows: page, nextId: rows.length > size ? page[page.length - 1].id : null };
}
