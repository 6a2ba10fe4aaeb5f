/**
 * One form path (decision 038): every route action reads its form through readForm, and nothing
 * else in the app reads a request body as a form. Lists the offenders when it fails.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app");
const READER = path.join("modules", "accounts", "read-form.server.ts");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const source = (file: string) => fs.readFileSync(file, "utf8");
const appFiles = filesUnder(APP);
const actionRoutes = appFiles.filter((file) => file.includes(`${path.sep}routes${path.sep}`) && /export (async function|const) action\b/.test(source(file)));

/** Actions whose body is not a member's form, with the reason. */
const NOT_FORMS: Record<string, string> = {
  // navigator.sendBeacon cannot carry the form token: accepted by Origin alone, a few bounded fields (decision 049).
  [path.join("routes", "analytics.beacon.ts")]: "a page's beacon",
};

describe("one form path", () => {
  it("the route actions are found (so the checks below cannot pass on nothing)", () => {
    expect(actionRoutes.length).toBeGreaterThan(40);
  });

  it("every route action reads its form through readForm", () => {
    const without = actionRoutes
      .filter((file) => !source(file).includes("readForm("))
      .map((file) => path.relative(APP, file))
      .filter((file) => !(file in NOT_FORMS));
    expect(without).toEqual([]);
  });

  it("nothing but readForm reads a request body as a form", () => {
    const readers = appFiles
      .filter((file) => !file.endsWith(READER))
      .filter((file) => /\.formData\(\)|parseMultipartFormData|\bparseForm\(/.test(source(file)))
      .map((file) => path.relative(APP, file));
    expect(readers).toEqual([]);
  });
});
