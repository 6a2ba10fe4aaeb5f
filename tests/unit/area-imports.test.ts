/**
 * Issue 14, item 2 (docs/decisions/039-area-boundaries.md): the areas of app/modules import each
 * other in one direction only. The graph is read from the source (every import and export of
 * every file under app/modules/<area>, parsed by TypeScript), so a new import that closes a loop
 * fails here, naming the loop. The lint rule in eslint.config.js keeps the imports on each area's
 * index.ts and index.server.ts; this test keeps the areas in layers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MODULES = path.resolve(import.meta.dirname, "../../app/modules");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file names: import and export declarations, and import("..."). */
function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The area a specifier points into, or null (app/lib, app/services, db, packages). */
function areaOf(specifier: string, from: string): string | null {
  let target: string;
  if (specifier.startsWith("~/")) target = path.resolve(MODULES, "..", specifier.slice(2));
  else if (specifier.startsWith(".")) target = path.resolve(path.dirname(from), specifier);
  else return null;
  const relative = path.relative(MODULES, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  return relative.split(path.sep)[0];
}

function areaGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const area of readdirSync(MODULES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    const uses = new Set<string>();
    for (const file of filesUnder(path.join(MODULES, area))) {
      for (const specifier of specifiersOf(file)) {
        const other = areaOf(specifier, file);
        if (other && other !== area) uses.add(other);
      }
    }
    graph.set(area, uses);
  }
  return graph;
}

/** Every loop in the graph, each once, as "a -> b -> a" starting from its smallest name. */
function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, at: string, trail: string[]) => {
    for (const next of [...(graph.get(at) ?? [])].sort()) {
      if (next === start) {
        found.add([...trail, start].join(" -> "));
      } else if (next > start && !trail.includes(next)) {
        walk(start, next, [...trail, next]);
      }
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...found];
}

describe("areas import each other in one direction only", () => {
  it("finds a loop when there is one, and names it", () => {
    const graph = new Map([
      ["hiring", new Set(["jobs"])],
      ["jobs", new Set(["hiring", "network"])],
      ["network", new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual(["hiring -> jobs -> hiring"]);
    expect(cyclesOf(new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])]]))).toEqual(["a -> b -> c -> a"]);
  });

  it("no area imports, directly or through other areas, an area that imports it", () => {
    const graph = areaGraph();
    expect(graph.get("hiring")).toContain("jobs"); // the graph is really read
    expect(cyclesOf(graph)).toEqual([]);
  }, 30_000); // parses every file of app/modules: seconds on a busy machine
});
