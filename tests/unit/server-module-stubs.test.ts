/**
 * The browser build's stand-in for server-only modules (app/patches/@remix-run+dev+*.patch,
 * decision 022): every `.server` module becomes one empty module free of side effects, so the
 * imports that only loaders and actions used disappear from the browser bundle. Unpatched, each
 * `.server` module was its own empty chunk, preloaded on every first visit (7 on `/`).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { emptyModulesPlugin } = require("@remix-run/dev/dist/compiler/plugins/emptyModules.js") as {
  emptyModulesPlugin: (ctx: { config: { appDirectory: string } }, filter: RegExp) => { setup: (build: FakeBuild) => void };
};

type Resolve = (args: { path: string; resolveDir: string }) => { path: string; namespace: string; sideEffects?: boolean } | undefined;
interface FakeBuild {
  onResolve: (options: { filter: RegExp }, callback: Resolve) => void;
  onLoad: (options: unknown, callback: () => unknown) => void;
}

function resolverFor(appDirectory: string): Resolve {
  let resolve: Resolve | undefined;
  emptyModulesPlugin({ config: { appDirectory } }, /\.server(\.[jt]sx?)?$/).setup({
    onResolve: (_options, callback) => (resolve = callback),
    onLoad: () => undefined,
  });
  return resolve!;
}

describe("server-only modules in the browser build", () => {
  it("all become the same empty module, marked free of side effects", () => {
    const app = path.resolve("app");
    const resolve = resolverFor(app);
    const a = resolve({ path: "~/db.server", resolveDir: path.join(app, "routes") });
    const b = resolve({ path: "./flash.server", resolveDir: path.join(app, "services") });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ namespace: "empty-module", sideEffects: false });
  });
});
