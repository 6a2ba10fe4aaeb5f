/**
 * The bad-input corpus (decision 058): every POST route (routes.ts) as each role, with bad values
 * in every field its forms declare (read from the rendered pages, plus the names written in the
 * route file) and in unknown fields, in bad encodings and without a valid CSRF token. Every answer
 * must be below 500 and must not carry the XSS markers unescaped.
 */
import { expect } from "vitest";
import { AppClient, type AppResponse } from "../../support/app";
import { fillPath, pageRoutes, patternRegex, type ActionRoute, type Role, type World } from "./routes";

/** A form found on a page: its fields with the values the page filled in, and its query (?index, ?intent=). */
export interface FormShape {
  fields: [string, string][];
  query: string;
  multipart: boolean;
}

export const XSS_SVG = `"><svg onload=alert(1)>`;
export const XSS_SCRIPT = "<script>ladder-xss</script>";
/** What must never come back as it was sent (case-insensitive). */
const UNESCAPED = [/<svg onload/i, /<script>ladder-xss/i];

const MB = 1_000_000;
/** Fields left as the page filled them: which form of several a POST is, and the honeypot. */
const KEEP = new Set(["csrf", "intent", "_action", "website"]);

/** Each bad value, put in every field of a form at once. */
export const VALUES: Record<string, string> = {
  empty: "",
  whitespace: " \t\n\u00a0 ",
  long: "x".repeat(20_000),
  huge_number: "99999999999999999999999999e999",
  negative: "-1",
  nan: "NaN",
  bad_date: "9999-99-99T99:99",
  control: "a\u0000b\u0007c\u202ed\u001b[31m",
  xss_svg: XSS_SVG,
  xss_script: XSS_SCRIPT,
};

/**
 * How much of the corpus one request set holds: "full" (every value and every encoding), "fields"
 * (every value, for a page's second and third forms: the encodings are read before the form is
 * told apart), "few" (one bad value, one bad encoding, for a second role the route lets in), "door"
 * (for a role the route refuses: what it gets is decided before the fields are read).
 */
export type Depth = "full" | "fields" | "few" | "door";

export interface CorpusRequest {
  kind: string;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Sent without a Content-Length (as a stream of unknown size would be). */
  chunked?: boolean;
}

const encoder = new TextEncoder();

function urlencoded(pairs: [string, string][]): string {
  return new URLSearchParams(pairs).toString();
}

function multipartBody(pairs: [string, string | Uint8Array][], boundary = "----ladderCorpus7MA4YWxk"): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  for (const [name, value] of pairs) {
    chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`));
    chunks.push(typeof value === "string" ? encoder.encode(value) : value);
    chunks.push(encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const MULTIPART = "multipart/form-data; boundary=----ladderCorpus7MA4YWxk";

/** The fields of a form with `value` in every field that is not kept as the page sent it. */
function withValue(form: FormShape, value: string): [string, string][] {
  return form.fields.map(([name, given]) => [name, KEEP.has(name) ? given : value]);
}

/** The requests of the corpus for one form at a depth, given the browser's valid token. */
export function corpusFor(form: FormShape, token: string, depth: Depth): CorpusRequest[] {
  const csrf: [string, string] = ["csrf", token];
  const names = form.fields.map(([name]) => name).filter((name) => !KEEP.has(name));
  const kept = form.fields.filter(([n]) => KEEP.has(n));
  const requests: CorpusRequest[] = [];
  const post = (kind: string, pairs: [string, string][]) =>
    requests.push({ kind, body: urlencoded([csrf, ...pairs]), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  // Invalid UTF-8: raw 0xff 0xfe bytes in a urlencoded body, percent-encoded and raw, and in multipart.
  const rawNames = names.length ? names : ["zz_unknown"];
  const invalidUtf8 = (): CorpusRequest => ({
    kind: "invalid_utf8",
    body: concat([encoder.encode(urlencoded([csrf, ...kept])), ...rawNames.map((n) => concat([encoder.encode(`&${encodeURIComponent(n)}=a`), new Uint8Array([0xff, 0xfe]), encoder.encode("%FF%FEb")]))]),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  const invalidUtf8Multipart = (): CorpusRequest => ({
    kind: "invalid_utf8_multipart",
    body: multipartBody([csrf, ...kept, ...rawNames.map((n): [string, Uint8Array] => [n, new Uint8Array([0x61, 0xff, 0xfe, 0xc3])])]),
    headers: { "Content-Type": MULTIPART },
  });

  if (depth === "door") {
    post("xss_svg", withValue(form, XSS_SVG));
    return requests;
  }
  if (depth === "few") {
    post("control", withValue(form, VALUES.control));
    post("xss_script", withValue(form, XSS_SCRIPT));
    requests.push(invalidUtf8());
    return requests;
  }

  for (const [kind, value] of Object.entries(VALUES)) post(kind, withValue(form, value));
  // Every field twice (array-ish), array-style names and fields no form has.
  post("duplicated", [...withValue(form, XSS_SVG), ...withValue(form, "12")]);
  post("unknown_fields", [...kept, ["__proto__", XSS_SCRIPT], ["constructor", "1"], ["zz_unknown", XSS_SVG], ...names.map((n): [string, string] => [`${n}[]`, XSS_SVG])]);
  requests.push(invalidUtf8(), invalidUtf8Multipart());
  // The bad values as multipart where the page sends urlencoded (and as the page sends, where it is multipart).
  requests.push({ kind: "multipart_xss", body: multipartBody([csrf, ...withValue(form, XSS_SCRIPT)]), headers: { "Content-Type": MULTIPART } });
  if (depth === "fields") return requests;

  // 1 MB in one field (over the default limit: 413 before a byte is read), and as multipart.
  const big = "x".repeat(MB);
  const firstName = names[0] ?? "zz_unknown";
  post("one_megabyte", [...form.fields.filter(([n]) => n !== firstName), [firstName, big]]);
  requests.push({ kind: "one_megabyte_multipart", body: multipartBody([csrf, ...withValue(form, ""), [firstName, big]]), headers: { "Content-Type": MULTIPART } });
  // Wrong content types, and no body.
  requests.push({ kind: "text_plain", body: `csrf=${token}\n${names.map((n) => `${n}=${XSS_SCRIPT}`).join("\n")}`, headers: { "Content-Type": "text/plain" } });
  requests.push({ kind: "json", body: JSON.stringify(Object.fromEntries([csrf, ...withValue(form, XSS_SVG)])), headers: { "Content-Type": "application/json" } });
  requests.push({ kind: "no_body", headers: {} });
  // Multipart: cut off in the middle of a part; of unknown length; without a boundary; urlencoded declared multipart.
  const whole = multipartBody([csrf, ...withValue(form, XSS_SCRIPT)]);
  requests.push({ kind: "truncated_multipart", body: whole.subarray(0, Math.max(40, whole.byteLength - 30)), headers: { "Content-Type": MULTIPART } });
  requests.push({ kind: "multipart_unknown_length", body: whole, headers: { "Content-Type": MULTIPART }, chunked: true });
  requests.push({ kind: "multipart_no_boundary", body: whole, headers: { "Content-Type": "multipart/form-data" } });
  requests.push({ kind: "urlencoded_as_multipart", body: urlencoded([csrf, ...withValue(form, XSS_SVG)]), headers: { "Content-Type": MULTIPART } });
  return requests;
}

/** The CSRF cases: no token, a wrong one, another browser's valid one. All must be refused (403) and write nothing. */
export function csrfCorpus(form: FormShape, otherToken: string, kinds = 4): CorpusRequest[] {
  const fields = withValue(form, XSS_SVG);
  const body = (token: string | null) => urlencoded([...(token === null ? [] : [["csrf", token] as [string, string]]), ...fields]);
  const form_ = { "Content-Type": "application/x-www-form-urlencoded" };
  return [
    { kind: "no_csrf", body: body(null), headers: form_ },
    { kind: "wrong_csrf", body: body("x".repeat(43)), headers: form_ },
    { kind: "other_browsers_csrf", body: body(otherToken), headers: form_ },
    { kind: "no_csrf_multipart", body: multipartBody(fields), headers: { "Content-Type": MULTIPART } },
  ].slice(0, kinds);
}

/** Reads the POST forms of a page: where each posts, its fields and their values. */
export function formsOn(html: string, pageUrl: string): { action: URL; form: FormShape }[] {
  const found: { action: URL; form: FormShape }[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = match[1];
    if (!/method="post"/i.test(attrs)) continue;
    const actionAttr = /\baction="([^"]*)"/i.exec(attrs)?.[1]?.replace(/&amp;/g, "&");
    const action = new URL(actionAttr ?? pageUrl, new URL(pageUrl, "http://localhost"));
    const fields: [string, string][] = [];
    for (const control of match[2].matchAll(/<(input|textarea|select)\b([^>]*)>/gi)) {
      const name = /\bname="([^"]+)"/.exec(control[2])?.[1];
      if (!name || name === "csrf") continue;
      const type = /\btype="([^"]+)"/.exec(control[2])?.[1] ?? "text";
      if (type === "file" || type === "submit") {
        if (type === "submit" && /\bvalue="([^"]*)"/.test(control[2])) fields.push([name, /\bvalue="([^"]*)"/.exec(control[2])![1]]);
        continue;
      }
      if ((type === "checkbox" || type === "radio") && fields.some(([n]) => n === name)) continue;
      fields.push([name, decode(/\bvalue="([^"]*)"/.exec(control[2])?.[1] ?? "")]);
    }
    // Submit buttons that carry a value (intent=...).
    for (const button of match[2].matchAll(/<button\b([^>]*)>/gi)) {
      const name = /\bname="([^"]+)"/.exec(button[1])?.[1];
      const value = /\bvalue="([^"]*)"/.exec(button[1])?.[1];
      if (name && value !== undefined && !fields.some(([n]) => n === name)) fields.push([name, decode(value)]);
    }
    found.push({ action, form: { fields, query: action.search, multipart: /multipart\/form-data/i.test(attrs) } });
  }
  return found;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The route a form posts to: the one whose pattern matches, the most specific (fewest params) first. */
export function routeOfAction(routes: ActionRoute[], pathname: string): ActionRoute | undefined {
  return routes
    .filter((r) => patternRegex(r.pattern).test(pathname))
    .sort((a, b) => a.params.length - b.params.length)[0];
}

const keyOf = (form: FormShape) => `${form.query}|${form.fields.map(([n, v]) => (KEEP.has(n) ? `${n}=${v}` : n)).sort().join("&")}`;

/** The roles whose pages are read for forms (the recruiter's, career staff's and moderator's forms are on pages an admin sees too). */
const CRAWLED: Role[] = ["anonymous", "user", "admin"];

/**
 * The pages that may hold a route's forms: its own page, and the nearest two pages above it
 * (a feed post's page holds its like, report and delete buttons).
 */
export function hostPages(route: ActionRoute, world: World, pages: RegExp[]): string[] {
  const own = fillPath(route, world, "real");
  const hosts = route.page ? [own] : [];
  const parts = own.split("/");
  for (let end = parts.length - 1; end > 1 && hosts.length < (route.page ? 3 : 2); end--) {
    const above = parts.slice(0, end).join("/");
    if (pages.some((page) => page.test(above))) hosts.push(above);
  }
  return hosts;
}

/**
 * The forms of some action routes, read from the pages that may hold them (hostPages), as each
 * role in CRAWLED; a route with none found gets a form of the names its file writes.
 */
export async function discoverForms(
  routes: ActionRoute[],
  all: ActionRoute[],
  world: World,
  client: (role: Role) => Promise<AppClient>,
): Promise<Map<string, FormShape[]>> {
  const forms = new Map<string, Map<string, FormShape>>(routes.map((r) => [r.file, new Map()]));
  const pages = pageRoutes().map(patternRegex);
  const urls = [...new Set(routes.flatMap((route) => hostPages(route, world, pages)))];
  for (const role of CRAWLED) {
    const browser = await client(role);
    for (const url of urls) {
      const page = await browser.get(url);
      if (page.status !== 200) continue;
      for (const { action, form } of formsOn(page.html, url)) {
        const target = routeOfAction(all, action.pathname);
        if (target && forms.has(target.file)) forms.get(target.file)!.set(keyOf(form), form);
      }
    }
  }
  for (const route of routes) {
    const written = route.sourceFields.filter((n) => n !== "csrf").map((n): [string, string] => [n, ""]);
    if (forms.get(route.file)!.size === 0) forms.get(route.file)!.set("written", { fields: written, query: "", multipart: false });
  }
  return new Map([...forms].map(([file, shapes]) => [file, [...shapes.values()]]));
}

export interface Outcome {
  route: string;
  role: Role;
  kind: string;
  status: number;
  url: string;
  location: string | null;
}

/**
 * A form turned away: 403 (its token), or before it was read: not found, not allowed, sent to
 * sign in, or (a visitor) sent elsewhere because there is nothing to do (signing out without a session).
 */
export function refused(outcome: Outcome): boolean {
  if (outcome.status === 403 || outcome.status === 404 || outcome.status === 401) return true;
  if (outcome.status === 302 && outcome.role === "anonymous") return true;
  return outcome.status === 302 && /^\/login(\?|$)/.test(outcome.location ?? "");
}

/** Sends one corpus request and checks what must hold for every answer. */
export async function send(browser: AppClient, url: string, request: CorpusRequest, route: ActionRoute, role: Role): Promise<Outcome> {
  // As a browser sends a form: with its length (a multipart body without one is refused with 411).
  const headers = { ...request.headers };
  if (request.body !== undefined && !request.chunked) headers["Content-Length"] = String(typeof request.body === "string" ? Buffer.byteLength(request.body) : (request.body as Uint8Array).byteLength);
  const res: AppResponse = await browser.request("POST", url, { body: request.body, headers });
  const label = `${role} POST ${url} (${route.file}) with ${request.kind}`;
  expect(res.status, `${label} -> ${res.status}: ${res.html.slice(0, 300)}`).toBeLessThan(500);
  for (const marker of UNESCAPED) expect(marker.test(res.html), `${label} reflected ${marker} unescaped`).toBe(false);
  return { route: route.file, role, kind: request.kind, status: res.status, url, location: res.location };
}

/** Whether a role gets past the route's door: not sent to sign in, not refused, not "not found". */
export function admitted(res: AppResponse): boolean {
  if (res.status === 401 || res.status === 403 || res.status === 404) return false;
  if (res.status >= 300 && res.status < 400 && /^\/login(\?|$)/.test(res.location ?? "")) return false;
  return true;
}
