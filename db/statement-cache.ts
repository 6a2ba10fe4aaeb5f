/**
 * better-sqlite3 compiles every statement drizzle runs, although a page runs the same few SQL texts
 * on every request: compiling was about 3% of the CPU of /jobs under load (decision 020, update).
 * Statements are kept by their SQL text on the connection. A cached statement is handed out
 * reset to plain row objects (drizzle switches some to raw arrays); better-sqlite3 runs each one
 * to the end synchronously, so no two users hold one at once (nothing in Ladder iterates lazily).
 */
import type Database from "better-sqlite3";

/** SQL texts kept per connection; texts that inline values could grow it, so it starts over when full. */
export const STATEMENT_CACHE_SIZE = 1_000;

const CACHED = Symbol("ladder.statementCache");

export function cacheStatements(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const connection = sqlite as Database.Database & { [CACHED]?: true };
  if (connection[CACHED]) return sqlite;
  connection[CACHED] = true;
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known) {
      // Each of raw, pluck and expand is a mode left on the statement by its last user.
      if (known.reader) known.raw(false).pluck(false).expand(false);
      return known;
    }
    const statement = prepare(source);
    if (statements.size >= size) statements.clear();
    statements.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}
