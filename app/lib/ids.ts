/**
 * Ids: every table's id is a UUID on both databases, and anything else would make PostgreSQL
 * refuse the query, so an id from a URL or a form is checked here before it reaches one.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID_PATTERN.test(value);

/** An id from a URL or a form, trimmed and lower-cased as Ladder stores ids, or null when it cannot be one. */
export function uuidOf(value: unknown): string | null {
  const id = typeof value === "string" ? value.trim().toLowerCase() : "";
  return isUuid(id) ? id : null;
}
