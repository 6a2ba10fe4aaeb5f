/**
 * Route matching once (app/patches/@remix-run+router+*.patch, decision 020): the server's
 * @remix-run/router keeps ranked branches per route-tree shape and compiled path patterns,
 * instead of flattening ~85 routes on every matchRoutes call. Loaded with require, as the
 * server loads it (the patched CommonJS build; the browser bundle is the untouched ESM one).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");
const matchRoutes = (routes: TestRoute[], path: string) => router.matchRoutes(routes as AgnosticRouteObject[], path);

interface TestRoute {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: TestRoute[];
}

/** A tree like Ladder's: a pathless root with index, static, dynamic, nested and splat routes. */
function ladderLikeTree(): TestRoute[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "index", index: true },
        { id: "jobs", path: "jobs" },
        { id: "jobs-remote", path: "jobs/remote" },
        { id: "job", path: "jobs/:feed/:jobId" },
        { id: "job-apply", path: "jobs/:feed/:jobId/apply" },
        { id: "messages", path: "messages", children: [{ id: "messages-index", index: true }, { id: "conversation", path: ":userId" }] },
        { id: "settings", path: "settings", children: [{ id: "settings-index", index: true }, { id: "profile", path: "profile" }] },
        { id: "area", path: ":area" },
        { id: "export", path: "coach/:chatId/export.md" },
        { id: "optional", path: "docs/:lang?/guide" },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/jobs",
  "/jobs/",
  "/JOBS",
  "/jobs/remote",
  "/jobs/general/abc",
  "/jobs/general/abc/apply",
  "/jobs/general/abc/apply/extra",
  "/messages",
  "/messages/u1",
  "/settings",
  "/settings/profile",
  "/network",
  "/coach/c1/export.md",
  "/docs/guide",
  "/docs/en/guide",
  "/a/b/c",
  "/caf%C3%A9",
];

type Matches = ReturnType<typeof matchRoutes>;
const summary = (matches: Matches) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, base: m.pathnameBase })) ?? null;

/** Counts reads of every route's `path`: flattening reads it several times per route, the shape once. */
function countingPathReads(routes: TestRoute[]): { routes: TestRoute[]; reads: () => number; size: number } {
  let reads = 0;
  let size = 0;
  const wrap = (list: TestRoute[]): TestRoute[] =>
    list.map((route) => {
      size++;
      const { path, children, ...rest } = route;
      const copy = { ...rest, children: children ? wrap(children) : undefined } as TestRoute;
      Object.defineProperty(copy, "path", { enumerable: true, get: () => (reads++, path) });
      return copy;
    });
  const wrapped = wrap(routes);
  return { routes: wrapped, reads: () => reads, size };
}

describe("route matching (the @remix-run/router patch)", () => {
  it("is applied to the router the server loads", () => {
    const source = fs.readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source, "app/patches/@remix-run+router+*.patch is not applied: run npm install (its postinstall runs patch-package)").toContain(
      "function rankedBranchesOf(routes)",
    );
  });

  it("flattens a route tree once: matching it again only reads each route's path to check its shape", () => {
    const tree = countingPathReads(ladderLikeTree());
    matchRoutes(tree.routes, "/jobs/general/abc");
    const first = tree.reads();
    expect(first, "the first match flattens the tree").toBeGreaterThan(2 * tree.size);
    matchRoutes(tree.routes, "/settings/profile");
    expect(tree.reads() - first).toBe(tree.size);
  });

  it("reuses the ranking for a new tree of the same shape, as Remix builds for every render", () => {
    matchRoutes(ladderLikeTree(), "/");
    const tree = countingPathReads(ladderLikeTree());
    matchRoutes(tree.routes, "/messages/u1");
    expect(tree.reads()).toBe(tree.size);
  });

  it("matches exactly as before: the first scan, a second call and another tree of the same shape agree", () => {
    for (const path of PATHS) {
      const a = ladderLikeTree();
      const scanned = matchRoutes(a, path);
      const again = matchRoutes(a, path);
      const b = ladderLikeTree();
      const other = matchRoutes(b, path);
      expect(summary(again), path).toEqual(summary(scanned));
      expect(summary(other), path).toEqual(summary(scanned));
      // The matches point at the routes of the tree that was passed, not at a cached one.
      for (const m of other ?? []) expect(findRoute(b, m.route.id ?? ""), path).toBe(m.route);
    }
    expect(summary(matchRoutes(ladderLikeTree(), "/jobs/general/abc"))).toEqual([
      { id: "root", params: { feed: "general", jobId: "abc" }, pathname: "/", base: "/" },
      { id: "job", params: { feed: "general", jobId: "abc" }, pathname: "/jobs/general/abc", base: "/jobs/general/abc" },
    ]);
    expect(matchRoutes(ladderLikeTree(), "/docs/en/guide")?.at(-1)?.params).toMatchObject({ lang: "en" });
    expect(matchRoutes(ladderLikeTree(), "/a/b/c")?.at(-1)?.route.id).toBe("splat");
  });

  it("notices a tree that changed: a route added to the same array is matched", () => {
    const tree = ladderLikeTree();
    expect(matchRoutes(tree, "/brand-new/page")?.at(-1)?.route.id).toBe("splat");
    tree[0].children!.push({ id: "brand-new", path: "brand-new/page" });
    expect(matchRoutes(tree, "/brand-new/page")?.at(-1)?.route.id).toBe("brand-new");
  });

  it("keeps case-sensitive routes apart from the same path without the flag", () => {
    const sensitive: TestRoute[] = [{ id: "exact", path: "About", caseSensitive: true }];
    const relaxed: TestRoute[] = [{ id: "relaxed", path: "About" }];
    expect(matchRoutes(relaxed, "/about")?.[0].route.id).toBe("relaxed");
    expect(matchRoutes(sensitive, "/about")).toBeNull();
    expect(matchRoutes(sensitive, "/About")?.[0].route.id).toBe("exact");
  });
});

describe("the server's route objects (app/patches/@remix-run+react+*.patch)", () => {
  it("are built once per build, not for every document: the server's @remix-run/react is patched", () => {
    // The patch marks itself when the server's CommonJS build loads; without it Remix rebuilds
    // ~85 route objects per document (about 4% of the CPU of / under load).
    require("@remix-run/react");
    expect((globalThis as { __ladderServerRoutesPatched?: boolean }).__ladderServerRoutesPatched).toBe(true);
  });
});

describe("the server's static router (app/patches/react-router-dom+*.patch)", () => {
  it("converts one routes array to data routes once, not for every document", () => {
    // Without the patch every document converted all ~85 routes again, and the new tree had to be
    // re-ranked for matching (about 5% of the CPU of /jobs under load).
    const server = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const routes = ladderLikeTree() as Parameters<typeof server.createStaticRouter>[0];
    const context = (path: string) => ({ basename: "/", location: { pathname: path }, matches: [] }) as unknown as Parameters<typeof server.createStaticRouter>[1];
    const first = server.createStaticRouter(routes, context("/jobs"));
    const second = server.createStaticRouter(routes, context("/messages"));
    expect(second.routes).toBe(first.routes);
    expect(first.routes[0].children?.map((route) => route.id)).toContain("messages");
    // Another routes array (another build) gets its own conversion.
    expect(server.createStaticRouter(ladderLikeTree() as typeof routes, context("/")).routes).not.toBe(first.routes);
    expect((globalThis as { __ladderStaticRoutesPatched?: boolean }).__ladderStaticRoutesPatched).toBe(true);
  });
});

function findRoute(routes: TestRoute[], id: string): TestRoute | undefined {
  for (const route of routes) {
    if (route.id === id) return route;
    const inner = route.children && findRoute(route.children, id);
    if (inner) return inner;
  }
  return undefined;
}
