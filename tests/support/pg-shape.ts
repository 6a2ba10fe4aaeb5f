/**
 * What a test's PostgreSQL database must still share with the template to be emptied and reused
 * (tests/support/db.ts), read the same way in the global setup (from the template) and after
 * each test (from the test's database).
 */
import type pg from "pg";

export interface PgShape {
  /** Whether the tests connect as a superuser (emptying turns foreign keys off for the session). */
  superuser: boolean;
  /** Counts of relations, constraints, triggers and functions, of ANALYZE/VACUUM runs, and the planner's row and page counts. */
  fingerprint: string;
  /** Deletes every row of every table and restarts every sequence. */
  emptyingScript: string;
}

const SHAPE_QUERY = `
  select
    (select rolsuper from pg_roles where rolname = current_user) as superuser,
    concat_ws(',',
      (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'),
      (select count(*) from pg_constraint),
      (select count(*) from pg_trigger),
      (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema')),
      (select coalesce(sum(analyze_count + autoanalyze_count + vacuum_count + autovacuum_count), 0) from pg_stat_user_tables),
      -- What ANALYZE, VACUUM and CREATE INDEX leave in the catalog for the planner.
      (select coalesce(sum(c.reltuples), 0) || '/' || coalesce(sum(c.relpages), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public')
    ) as fingerprint,
    (select coalesce(string_agg(format('delete from %I.%I;', schemaname, tablename), ' '), '') from pg_tables where schemaname = 'public') as deletes,
    (select coalesce(string_agg(format('alter sequence %I.%I restart;', schemaname, sequencename), ' '), '') from pg_sequences where schemaname = 'public') as restarts`;

export async function readPgShape(client: Pick<pg.Client, "query">): Promise<PgShape> {
  const { rows } = await client.query<{ superuser: boolean; fingerprint: string; deletes: string; restarts: string }>(SHAPE_QUERY);
  const { superuser, fingerprint, deletes, restarts } = rows[0];
  return {
    superuser,
    fingerprint,
    // session_replication_role = replica: no foreign key or trigger fires, so the order of the deletes does not matter.
    emptyingScript: `set session_replication_role = replica; ${deletes} ${restarts} reset session_replication_role;`,
  };
}
