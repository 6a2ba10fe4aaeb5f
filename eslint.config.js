import fs from "node:fs";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// Areas (app/modules/<area>) import another area only through its public surface
// (docs/decisions/039-area-boundaries.md): `~/modules/<b>` (index.ts, pure) or, from a server
// module, `~/modules/<b>/index.server`. One block per area directory, so a new area gets the rule.
const AREAS = fs
  .readdirSync(new URL("./app/modules", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const DEEP = "Another area only through its index.ts (~/modules/<area>) or, from a .server module, its index.server.ts (decision 039).";
const areaRule = (area, server) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        { group: ["~/modules/*/**", `!~/modules/${area}/**`, ...(server ? ["!~/modules/*/index.server"] : [])], message: DEEP },
        { group: ["../*/**", "!../../**", `!../${area}/**`, ...(server ? ["!../*/index.server"] : [])], message: DEEP },
        ...(server ? [] : [{ group: ["~/modules/*/index.server", "../*/index.server"], message: "A module that may run in the browser imports another area's index.ts, not its index.server.ts." }]),
      ],
    },
  ],
});
const areaBlocks = AREAS.flatMap((area) => [
  { files: [`app/modules/${area}/**`], ignores: ["**/*.server.ts", "**/*.server.tsx"], rules: areaRule(area, false) },
  { files: [`app/modules/${area}/**/*.server.ts`, `app/modules/${area}/**/*.server.tsx`], rules: areaRule(area, true) },
]);

export default tseslint.config(
  { ignores: ["build/", "public/build/", "node_modules/", "data/", "drizzle/", "test-results/", "playwright-report/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='offset']",
          message: "Lists use keyset pagination (createdAt + id), never OFFSET.",
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][callee.object.property.name='db']",
          message: "Use withTx(ctx, fn): better-sqlite3 commits async transaction bodies outside the transaction.",
        },
      ],
    },
  },
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/db/*", "../db/*", "../../db/*"], message: "Routes reach the database through ~/db.server and modules." },
            { group: ["drizzle-orm", "drizzle-orm/*"], message: "Queries live in app/modules/<area>; a route calls a module." },
          ],
        },
      ],
    },
  },
  {
    // db/ is the schema, the client and the seed: the app imports it, never the other way round.
    // Command-line entry points that need app modules live in scripts/ (decision 001).
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~", "~/**", "**/app", "**/app/**"],
              message: "db/ imports nothing from app/: move the app-free piece into db/, or the caller into scripts/.",
            },
          ],
        },
      ],
    },
  },
  ...areaBlocks,
);
