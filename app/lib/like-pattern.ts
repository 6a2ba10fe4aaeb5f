/**
 * `%text%` for a case-insensitive LIKE, with LIKE's own wildcards in the text taken literally.
 * Use with `lower(column) like ${pattern} escape '\'` on both sides: LIKE is case-sensitive on
 * PostgreSQL and (beyond ASCII) on SQLite, and ilike is PostgreSQL's only.
 */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
