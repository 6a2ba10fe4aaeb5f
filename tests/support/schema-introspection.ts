/**
 * Plain descriptions of the drizzle tables (via getTableConfig), so the pg and sqlite schemas
 * can be compared with each other and with the spec. Everything is reduced to strings, numbers
 * and booleans; anything this file does not recognise throws, so a new column type or default
 * cannot slip through the comparison unnoticed.
 */
import { is, SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import {
  getTableConfig as sqliteConfig,
  SQLiteSyncDialect,
  type SQLiteColumn,
  type SQLiteTable,
} from "drizzle-orm/sqlite-core";

export interface ColumnInfo {
  name: string;
  /** Type under the shared vocabulary: the sqlite storage the pg type maps to (see pgTypeAsSqlite). */
  type: string;
  /** the dialect's own SQL type ("uuid", "varchar(64)", "timestamp (3)", "integer", ...) */
  sqlType: string;
  /** drizzle's JS-side data type ("string", "number", "boolean", "date", "json") */
  dataType: string;
  notNull: boolean;
  hasDefault: boolean;
  /** "uuid" | "now" | "serial" | a JSON literal | "none" */
  default: string;
  primary: boolean;
  unique: string | null;
  enum: string[] | null;
}

export interface ForeignKeyInfo {
  name: string;
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** composite primary keys (single-column keys are ColumnInfo.primary) */
  primaryKeys: string[][];
  foreignKeys: ForeignKeyInfo[];
  indexes: IndexInfo[];
  /** unique constraints declared on columns or as table constraints: name -> columns */
  uniqueConstraints: IndexInfo[];
  checks: { name: string; sql: string }[];
}

const pgDialect = new PgDialect();
const sqliteDialect = new SQLiteSyncDialect();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The sqlite storage each pg column type is written as (the dialect mapping of db/kit.ts). */
export function pgTypeAsSqlite(column: PgColumn): string {
  const c = column as PgColumn & { length?: number; precision?: number; withTimezone?: boolean; mode?: string };
  switch (column.columnType) {
    case "PgUUID":
    case "PgText":
      return "text";
    case "PgVarchar":
      return c.length ? `text(${c.length})` : "text";
    case "PgInteger":
      return "integer";
    case "PgSerial":
      return "integer autoincrement";
    case "PgBoolean":
      return "integer(boolean)";
    case "PgTimestamp":
      if (c.precision !== 3 || c.withTimezone) throw new Error(`${column.name}: timestamps are timestamp(3) without time zone`);
      return "integer(timestamp_ms)";
    case "PgJson":
    case "PgJsonb":
      return "text(json)";
    default:
      throw new Error(`no sqlite mapping for pg column type ${column.columnType} (${column.name})`);
  }
}

function sqliteType(column: SQLiteColumn): string {
  const c = column as SQLiteColumn & { length?: number; autoIncrement?: boolean; mode?: string };
  switch (column.columnType) {
    case "SQLiteText":
      return c.length ? `text(${c.length})` : "text";
    case "SQLiteTextJson":
      return "text(json)";
    case "SQLiteInteger":
      return c.autoIncrement ? "integer autoincrement" : "integer";
    case "SQLiteBoolean":
      return "integer(boolean)";
    case "SQLiteTimestamp":
      return `integer(${c.mode})`;
    default:
      throw new Error(`unknown sqlite column type ${column.columnType} (${column.name})`);
  }
}

function defaultKind(column: PgColumn | SQLiteColumn, dialect: "pg" | "sqlite"): string {
  if (!column.hasDefault) return "none";
  const value = column.default;
  if (is(value, SQL)) {
    const text = (dialect === "pg" ? pgDialect : sqliteDialect).sqlToQuery(value).sql;
    if (text === "gen_random_uuid()") return "uuid";
    // The current time: on pg as UTC wall-clock time (a bare now() would follow the session's
    // time zone, see db/kit.ts), on sqlite as epoch milliseconds.
    if (text === "(now() at time zone 'utc')" || text === "(cast(unixepoch('subsec') * 1000 as integer))") return "now";
    throw new Error(`unrecognised SQL default on ${column.name}: ${text}`);
  }
  if (value !== undefined) return JSON.stringify(value);
  if (column.defaultFn) {
    const produced = column.defaultFn();
    if (typeof produced === "string" && UUID.test(produced)) return "uuid";
    throw new Error(`unrecognised default function on ${column.name}`);
  }
  const c = column as { columnType: string; autoIncrement?: boolean };
  if (c.columnType === "PgSerial" || c.autoIncrement) return "serial";
  // drizzle marks a SQLite integer primary key as defaulted (it is the rowid), though the app always
  // gives it (skill_details.skill_id and the like copy a parent's id): no default, as on pg.
  if (dialect === "sqlite" && c.columnType === "SQLiteInteger" && (column as { primary?: boolean }).primary) return "none";
  throw new Error(`${column.name} has a default this file does not recognise`);
}

type AnyConfig = ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>;

function describeConfig(
  config: AnyConfig,
  dialect: "pg" | "sqlite",
  tableName: (table: unknown) => string,
): TableInfo {
  const render = (sql: SQL) => (dialect === "pg" ? pgDialect : sqliteDialect).sqlToQuery(sql).sql;
  const columns = (config.columns as (PgColumn | SQLiteColumn)[]).map(
    (c): ColumnInfo => ({
      name: c.name,
      type: dialect === "pg" ? pgTypeAsSqlite(c as PgColumn) : sqliteType(c as SQLiteColumn),
      sqlType: c.getSQLType(),
      dataType: c.dataType,
      notNull: c.notNull,
      hasDefault: defaultKind(c, dialect) !== "none",
      default: defaultKind(c, dialect),
      primary: c.primary,
      unique: c.isUnique ? (c.uniqueName ?? "") : null,
      enum: c.enumValues ? [...c.enumValues] : null,
    }),
  );
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  return {
    name: config.name,
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: byName(
      config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          foreignTable: tableName(ref.foreignTable),
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      }),
    ),
    indexes: byName(
      config.indexes.map((index) => ({
        name: index.config.name ?? "",
        unique: Boolean(index.config.unique),
        columns: index.config.columns.map((c) => {
          // An expression (lower(name)) is compared by its SQL text.
          if (!("name" in c) || typeof c.name !== "string") return `(${render(c as SQL)})`;
          return c.name;
        }),
      })),
    ),
    uniqueConstraints: byName([
      ...columns.filter((c) => c.unique !== null).map((c) => ({ name: c.unique!, columns: [c.name], unique: true })),
      ...config.uniqueConstraints.map((u) => ({
        name: u.name ?? "",
        columns: u.columns.map((c) => c.name),
        unique: true,
      })),
    ]),
    checks: byName(config.checks.map((c) => ({ name: c.name, sql: render(c.value) }))),
  };
}

export function describePgTable(table: PgTable): TableInfo {
  return describeConfig(pgConfig(table), "pg", (t) => pgConfig(t as PgTable).name);
}

export function describeSqliteTable(table: SQLiteTable): TableInfo {
  return describeConfig(sqliteConfig(table), "sqlite", (t) => sqliteConfig(t as SQLiteTable).name);
}

/** Every unique key of a table (unique indexes and unique constraints), as "col1,col2". */
export function uniqueKeys(info: TableInfo): string[] {
  return [...info.indexes.filter((i) => i.unique), ...info.uniqueConstraints].map((i) => i.columns.join(",")).sort();
}
