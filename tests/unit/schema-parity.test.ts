/**
 * The pg and sqlite schemas are built from one definition (db/schema.ts via defineSchema(kit)).
 * This test proves the two builds agree table by table: names, columns, types under the dialect
 * mapping, NOT NULL, defaults, keys, foreign keys with their actions, indexes and CHECKs.
 */
import { describe, expect, it } from "vitest";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { schema as pgSchema } from "../../db/tables.pg";
import * as pgExports from "../../db/tables.pg";
import { schema as sqliteSchema } from "../../db/tables.sqlite";
import * as sqliteExports from "../../db/tables.sqlite";
import {
  describePgTable,
  describeSqliteTable,
  pgTypeAsSqlite,
  uniqueKeys,
  type TableInfo,
} from "../support/schema-introspection";
import {
  ALLOWED_EXTRAS,
  INFRASTRUCTURE_TABLE_NAMES,
  parseSpecTable,
  SPEC,
  SPEC_TABLE_NAMES,
  type SpecTable,
} from "./spec-tables";

const pgTables = Object.entries(pgSchema) as [string, PgTable][];
const sqliteTables = Object.entries(sqliteSchema) as [string, SQLiteTable][];

describe("the pg and sqlite schemas", () => {
  it("define exactly the 41 tables of the spec, with the spec's names, plus the listed infrastructure tables", () => {
    expect(SPEC_TABLE_NAMES).toHaveLength(41);
    const expected = [...SPEC_TABLE_NAMES, ...INFRASTRUCTURE_TABLE_NAMES];
    expect(pgTables.map(([, t]) => describePgTable(t).name)).toEqual(expected);
    expect(sqliteTables.map(([, t]) => describeSqliteTable(t).name)).toEqual(expected);
  });

  it("export every table under its own name (drizzle-kit reads the named exports)", () => {
    for (const [key, table] of pgTables) {
      expect(describePgTable(table).name).toBe(key);
      expect((pgExports as Record<string, unknown>)[key]).toBe(table);
    }
    for (const [key, table] of sqliteTables) {
      expect(describeSqliteTable(table).name).toBe(key);
      expect((sqliteExports as Record<string, unknown>)[key]).toBe(table);
    }
  });

  describe.each([...SPEC_TABLE_NAMES, ...INFRASTRUCTURE_TABLE_NAMES])("table %s", (name) => {
    const pg = describePgTable((pgSchema as Record<string, PgTable>)[name]);
    const sqlite = describeSqliteTable((sqliteSchema as Record<string, SQLiteTable>)[name]);

    it("has the same columns in the same order", () => {
      expect(sqlite.columns.map((c) => c.name)).toEqual(pg.columns.map((c) => c.name));
    });

    it("maps every column type (uuid->text, varchar(n)->text(n), json/jsonb->text json, boolean->integer boolean, timestamp->integer timestamp_ms, serial->integer autoincrement)", () => {
      for (const [i, column] of pg.columns.entries()) {
        const other = sqlite.columns[i];
        expect({ column: other.name, type: other.type, dataType: other.dataType }).toEqual({
          column: column.name,
          type: column.type,
          dataType: column.dataType,
        });
      }
    });

    it("agrees on NOT NULL, defaults, single-column primary keys, unique columns and enum values", () => {
      const strip = ({ type: _type, sqlType: _sqlType, dataType: _dataType, ...rest }: (typeof pg.columns)[number]) => rest;
      expect(sqlite.columns.map(strip)).toEqual(pg.columns.map(strip));
    });

    it("agrees on composite primary keys", () => {
      expect(sqlite.primaryKeys).toEqual(pg.primaryKeys);
    });

    it("agrees on foreign keys: columns, foreign table and columns, ON DELETE and ON UPDATE", () => {
      expect(sqlite.foreignKeys).toEqual(pg.foreignKeys);
    });

    it("agrees on indexes (names, columns, unique) and unique constraints", () => {
      expect(sqlite.indexes).toEqual(pg.indexes);
      expect(sqlite.uniqueConstraints).toEqual(pg.uniqueConstraints);
    });

    it("agrees on CHECK constraints, by name and by expression", () => {
      expect(sqlite.checks).toEqual(pg.checks);
    });
  });

  it("every name fits PostgreSQL's 63-byte identifier limit (longer names are silently truncated)", () => {
    const names = pgTables.flatMap(([, table]) => {
      const info = describePgTable(table);
      return [
        info.name,
        ...info.columns.map((c) => c.name),
        ...info.foreignKeys.map((f) => f.name),
        ...info.indexes.map((i) => i.name),
        ...info.uniqueConstraints.map((u) => u.name),
        ...info.checks.map((c) => c.name),
      ];
    });
    expect(names.filter((name) => Buffer.byteLength(name) > 63)).toEqual([]);
  });

  it("the type mapping refuses a pg column type it does not know", () => {
    const fake = { columnType: "PgNumeric", name: "price" } as unknown as Parameters<typeof pgTypeAsSqlite>[0];
    expect(() => pgTypeAsSqlite(fake)).toThrow(/no sqlite mapping/);
  });
});

/**
 * The schema against the spec, as transcribed in spec-tables.ts. The pg build is checked here;
 * the sqlite build equals it by the tests above.
 */
describe("the schema against shared/spec/data-model.md", () => {
  const specs = SPEC_TABLE_NAMES.map((name) => parseSpecTable(name, SPEC[name]));
  const pgInfo = (name: string) => describePgTable((pgSchema as Record<string, PgTable>)[name]);
  const columnMap = <V>(spec: SpecTable, f: (column: SpecTable["columns"][number]) => V) =>
    Object.fromEntries(spec.columns.map((c) => [c.name, f(c)]));
  const actualMap = <V>(info: TableInfo, f: (column: TableInfo["columns"][number]) => V) =>
    Object.fromEntries(info.columns.map((c) => [c.name, f(c)]));

  it("the transcription covers exactly the 41 tables", () => {
    expect(Object.keys(SPEC)).toEqual(SPEC_TABLE_NAMES);
  });

  describe.each(specs)("$name", (spec) => {
    const pg = pgInfo(spec.name);
    const extraDefault = (column: string) => ALLOWED_EXTRAS.defaults[`${spec.name}.${column}`];

    it("has exactly the columns the spec lists", () => {
      expect(pg.columns.map((c) => c.name).sort()).toEqual(spec.columns.map((c) => c.name).sort());
    });

    it("has the spec's column types (timestamps stored with millisecond precision)", () => {
      expect(actualMap(pg, (c) => c.sqlType.replace(/^timestamp \(3\)$/, "timestamp"))).toEqual(columnMap(spec, (c) => c.type));
    });

    it("is NOT NULL exactly where the spec says NOT NULL (or the column is part of the primary key)", () => {
      const inPk = (name: string) => spec.primaryKey?.includes(name) ?? false;
      expect(actualMap(pg, (c) => c.notNull)).toEqual(columnMap(spec, (c) => c.notNull || c.pk || inPk(c.name)));
    });

    it("has the spec's defaults, and no others", () => {
      const expected = columnMap(spec, (c) => {
        if (c.default) return c.default;
        if (c.auto) return "uuid";
        if (c.type === "serial") return "serial";
        return extraDefault(c.name) ?? "none";
      });
      expect(actualMap(pg, (c) => c.default)).toEqual(expected);
    });

    it("has the spec's primary key", () => {
      expect(actualMap(pg, (c) => c.primary)).toEqual(columnMap(spec, (c) => c.pk));
      expect(pg.primaryKeys).toEqual(spec.primaryKey ? [spec.primaryKey] : []);
    });

    it("has the spec's foreign keys, cascading exactly where the spec says CASCADE DELETE", () => {
      const expected = [
        ...spec.columns
          .filter((c) => c.fk)
          .map((c) => ({
            columns: [c.name],
            foreignTable: c.fk!.table,
            foreignColumns: [c.fk!.column],
            onDelete: c.fk!.cascade ? "cascade" : "no action",
          })),
        ...spec.compositeFks.map((fk) => ({
          columns: fk.columns,
          foreignTable: fk.table,
          foreignColumns: fk.foreignColumns,
          onDelete: "no action",
        })),
      ];
      const actual = pg.foreignKeys.map(({ columns, foreignTable, foreignColumns, onDelete }) => ({
        columns,
        foreignTable,
        foreignColumns,
        onDelete,
      }));
      const key = (fk: { columns: string[] }) => fk.columns.join(",");
      expect([...actual].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [...expected].sort((a, b) => key(a).localeCompare(key(b))),
      );
    });

    it("has the spec's unique keys, and no others", () => {
      const expected = [
        ...spec.columns.filter((c) => c.unique).map((c) => c.name),
        ...spec.uniques.map((u) => u.join(",")),
        ...(ALLOWED_EXTRAS.uniques[spec.name] ?? []),
      ].sort();
      expect(uniqueKeys(pg)).toEqual(expected);
    });

    it("has every index the spec lists", () => {
      const actual = pg.indexes.filter((i) => !i.unique).map((i) => i.columns.join(","));
      for (const index of spec.indexes) expect(actual).toContain(index.join(","));
    });

    it("enforces the spec's value lists and ranges with CHECK constraints", () => {
      const checks = new Map(pg.checks.map((c) => [c.sql, c.name]));
      const covered = new Set<string>();
      for (const column of spec.columns) {
        const ref = `"${spec.name}"."${column.name}"`;
        const actual = pg.columns.find((c) => c.name === column.name)!;
        if (column.enum) {
          if (column.enum.complete) expect(actual.enum).toEqual(column.enum.values);
          else expect(actual.enum).toEqual(expect.arrayContaining(column.enum.values));
          const sql = `${ref} in (${actual.enum!.map((v) => `'${v}'`).join(", ")})`;
          expect(checks.has(sql), `CHECK ${sql}`).toBe(true);
          covered.add(checks.get(sql)!);
        }
        if (column.range) {
          const sql = `${ref} between ${column.range[0]} and ${column.range[1]}`;
          expect(checks.has(sql), `CHECK ${sql}`).toBe(true);
          covered.add(checks.get(sql)!);
        }
      }
      const extras = pg.checks.map((c) => c.name).filter((name) => !covered.has(name));
      const allowed = Object.entries(ALLOWED_EXTRAS.checks)
        .filter(([, table]) => table === spec.name)
        .map(([name]) => name);
      expect(extras.sort()).toEqual(allowed.sort());
    });
  });

  it("adds exactly the listed extra indexes (for lookups and keyset pagination), no others", () => {
    const extras = specs.flatMap((spec) => {
      const listed = new Set(spec.indexes.map((i) => i.join(",")));
      return pgInfo(spec.name)
        .indexes.filter((i) => !i.unique && !listed.has(i.columns.join(",")))
        .map((i) => `${spec.name}.${i.name}(${i.columns.join(",")})`);
    });
    expect(extras.sort()).toEqual([...ALLOWED_EXTRAS.indexes].sort());
  });

  it("every allowed extra default still applies (no stale entries)", () => {
    for (const [key, kind] of Object.entries(ALLOWED_EXTRAS.defaults)) {
      const [table, column] = key.split(".");
      expect(pgInfo(table).columns.find((c) => c.name === column)?.default, key).toBe(kind);
    }
  });
});
