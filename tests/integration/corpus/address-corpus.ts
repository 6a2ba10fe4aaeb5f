/**
 * The addresses corpus (decision 062): bad values in what a member can type into an address bar,
 * sent as GET to every route with a loader (pages and resources), in its path params, in its query
 * string and in the single-fetch data address (`.data?_routes=`). Every answer must be below 500,
 * and an HTML answer must not carry the markup markers unescaped.
 */
import { expect } from "vitest";
import type { AppClient, AppResponse } from "../../support/app";
import { XSS_SCRIPT, XSS_SVG } from "./corpus";
import { fillPath, patternRegex, type ActionRoute, type Role, type World } from "./routes";

/** Routes left out, with the reason. */
export const NOT_IN_ADDRESS_CORPUS = new Map<string, string>([["test-errors.$status.tsx", "answers the status its address names, by design (test servers only)"]]);

/** Query names read through modules (filters, cursors, redirects) rather than in the route file. */
const COMMON_QUERY = ["after", "before", "cursor", "q", "type", "topic", "status", "feed", "week", "date", "page", "company", "industry", "location", "remote", "redirectTo", "back", "index"];

/** Values put in every query name of a route at once, as the member. */
const QUERY_VALUES: Record<string, string> = {
  empty: "",
  long: "x".repeat(5_000),
  control: "a\u0000b\u0007c\u202ed\u001b[31m",
  huge_number: "-99999999999999999999e999",
  bad_date: "9999-99-99T99:99",
  cursor: "AAAA.BBBB.CCCC",
  xss_svg: XSS_SVG,
  xss_script: XSS_SCRIPT,
};

/** Values for one path param (already as they appear in the address). */
const PATH_VALUES: Record<string, string> = {
  bad_percent: "%FF%E0%A4",
  long: "x".repeat(400),
  traversal: "..%2F..%2Fetc%2Fpasswd",
  xss: encodeURIComponent(XSS_SVG),
};

const UNESCAPED = [/<svg onload/i, /<script>ladder-xss/i];

export interface AddressRequest {
  kind: string;
  url: string;
}

/** The query names of a route: those its file reads, those its own links and GET forms carry, and the common ones. */
export function queryNamesOf(route: ActionRoute, html: string): string[] {
  const names = new Set([...COMMON_QUERY, ...route.sourceFields]);
  const own = patternRegex(route.pattern);
  for (const match of html.matchAll(/href="([^"]*\?[^"]*)"/g)) {
    const href = match[1].replace(/&amp;/g, "&");
    const url = new URL(href, "http://localhost");
    if (own.test(url.pathname)) for (const name of url.searchParams.keys()) names.add(name);
  }
  for (const form of html.matchAll(/<form\b(?![^>]*method="post")[^>]*>([\s\S]*?)<\/form>/gi)) {
    for (const field of form[1].matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) names.add(field[1]);
  }
  return [...names];
}

const query = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

/**
 * The requests for one route as one role. "full": every query value, raw bad percent escapes, each
 * name twice, each path param with each bad value, and the data address; "few": three of them.
 */
export function addressRequests(route: ActionRoute, world: World, names: string[], depth: "full" | "few"): AddressRequest[] {
  const url = fillPath(route, world, "real");
  const values = depth === "full" ? Object.entries(QUERY_VALUES) : Object.entries(QUERY_VALUES).filter(([kind]) => kind === "long" || kind === "xss_svg");
  const out: AddressRequest[] = values.map(([kind, value]) => ({ kind: `query ${kind}`, url: `${url}?${query(names.map((n) => [n, value]))}` }));
  // Escapes that decode to no character, or to bytes that are not UTF-8.
  out.push({ kind: "query bad percent", url: `${url}?${names.map((n) => `${n}=%FF%FE%`).join("&")}` });
  if (depth === "few") return out;
  out.push({ kind: "query each name twice", url: `${url}?${query(names.flatMap((n): [string, string][] => [[n, "1"], [n, XSS_SVG]]))}` });
  for (const param of route.params.filter((p) => p !== "*")) {
    for (const [kind, value] of Object.entries(PATH_VALUES)) {
      const at = route.pattern.replace(`:${param}`, "BAD-PARAM-HERE");
      const filled = fillPath({ ...route, pattern: at }, world, "real").replace("BAD-PARAM-HERE", value);
      out.push({ kind: `path :${param} ${kind}`, url: filled });
    }
  }
  // Single fetch's data address: a client-side navigation asks for the loaders' data this way.
  const data = `${url === "/" ? "/_root" : url.replace(/\/$/, "")}.data`;
  out.push({ kind: "data routes unknown", url: `${data}?_routes=${encodeURIComponent("routes/nothing-here,root")}` });
  out.push({ kind: "data routes bad percent", url: `${data}?_routes=%FF%FE%` });
  return out;
}

export interface AddressOutcome {
  route: string;
  role: Role;
  kind: string;
  status: number;
}

/** Sends one request and checks what must hold for every answer. */
export async function sendAddress(browser: AppClient, request: AddressRequest, route: ActionRoute, role: Role): Promise<AddressOutcome> {
  const res: AppResponse = await browser.get(request.url);
  const label = `${role} GET ${request.url.slice(0, 200)} (${route.file}) with ${request.kind}`;
  expect(res.status, `${label} -> ${res.status}: ${res.html.slice(0, 300)}`).toBeLessThan(500);
  if ((res.headers.get("Content-Type") ?? "").includes("text/html")) {
    for (const marker of UNESCAPED) expect(marker.test(res.html), `${label} reflected ${marker} unescaped`).toBe(false);
  }
  return { route: route.file, role, kind: request.kind, status: res.status };
}
