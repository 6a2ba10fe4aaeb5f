import { describe, expect, it } from "vitest";
import { processPlan, restartDelayMs } from "~/lib/cluster.server";

describe("how many processes serve", () => {
  it("uses every core in production on PostgreSQL when WEB_CONCURRENCY is unset", () => {
    expect(processPlan({ requested: undefined, production: true, dialect: "pg", cores: 8 })).toEqual({ workers: 8, note: null });
  });

  it("runs one process in development and in tests on PostgreSQL unless asked for more", () => {
    expect(processPlan({ requested: undefined, production: false, dialect: "pg", cores: 8 }).workers).toBe(1);
    expect(processPlan({ requested: 3, production: false, dialect: "pg", cores: 8 }).workers).toBe(3);
  });

  it("follows WEB_CONCURRENCY on PostgreSQL, above or below the number of cores", () => {
    expect(processPlan({ requested: 1, production: true, dialect: "pg", cores: 8 }).workers).toBe(1);
    expect(processPlan({ requested: 16, production: true, dialect: "pg", cores: 8 }).workers).toBe(16);
  });

  it("runs one process on SQLite, saying why when more were asked for", () => {
    expect(processPlan({ requested: undefined, production: true, dialect: "sqlite", cores: 8 })).toEqual({ workers: 1, note: null });
    expect(processPlan({ requested: 1, production: true, dialect: "sqlite", cores: 8 })).toEqual({ workers: 1, note: null });
    const plan = processPlan({ requested: 4, production: true, dialect: "sqlite", cores: 8 });
    expect(plan.workers).toBe(1);
    expect(plan.note).toBe(
      "WEB_CONCURRENCY=4 is ignored: on SQLite one process writes the database file, so Ladder runs as one process. Use PostgreSQL to run several workers.",
    );
  });
});

describe("replacing a dead worker", () => {
  it("replaces the first at once, then waits twice as long for each young death in a row, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartDelayMs)).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
