import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/tables.pg.ts",
  out: "./drizzle/pg",
});
