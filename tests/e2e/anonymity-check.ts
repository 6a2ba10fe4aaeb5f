/**
 * What the anonymity crawl (feed-anonymity.spec.ts) checks in each response, apart from the
 * browser: the rule that no response ties a member's anonymous side to their identity, on HTML
 * (with the named post's card set aside) and on Remix's single-fetch loader data (decoded from
 * the stream inlined in the document and from the page's .data address). Unit-tested on
 * documents that leak and documents that do not (tests/unit/anonymity-check.test.ts).
 */
import { decode } from "turbo-stream";

/** One member the crawl protects: what names them, and what is theirs without their name. */
export interface Protected {
  label: string;
  userId: string;
  identity: string[];
  anonymous: string[];
  /** Their post under their own name: its card and data object are theirs to show. */
  namedPostId: string | null;
}

/** The element that starts at `start` (an opening tag), through its matching closing tag. */
export function elementAt(html: string, start: number, tag: string): [number, number] {
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return [start, m.index + m[0].length];
  }
  return [start, html.length];
}

/** Every element `<tag ... attr="value" ...>...</tag>` in the HTML, as [start, end] ranges. */
export function elementsWith(html: string, tag: string, attr: string, value: string): [number, number][] {
  const out: [number, number][] = [];
  const open = new RegExp(`<${tag}\\b[^>]*\\b${attr}="${value}"[^>]*>`, "gi");
  for (let m = open.exec(html); m; m = open.exec(html)) out.push(elementAt(html, m.index, tag));
  return out;
}

export function withoutRanges(html: string, ranges: [number, number][]): string {
  let out = "";
  let at = 0;
  for (const [s, e] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (s < at) continue;
    out += html.slice(at, s) + "[set aside]";
    at = e;
  }
  return out + html.slice(at);
}

/** The loader data streamed inside the document (window.__remixContext.streamController.enqueue("...")). */
export function inlineStream(html: string): string {
  return [...html.matchAll(/streamController\.enqueue\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => JSON.parse(m[1]) as string).join("");
}

/** Decodes Remix's single-fetch (turbo-stream) payload; its own types (errors, redirects) come back as plain objects. */
export async function decodeStream(text: string): Promise<unknown> {
  if (!text.trim()) return null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  const { value, done } = await decode(stream, { plugins: [(type: string, ...data: unknown[]) => ({ value: { $type: type, data } })] });
  await done.catch(() => {});
  return settle(value);
}

/** Awaits promises inside decoded data (deferred values). */
export async function settle(value: unknown): Promise<unknown> {
  if (value instanceof Promise) return settle(await value.catch((e: unknown) => ({ $rejected: String(e) })));
  if (Array.isArray(value)) return Promise.all(value.map(settle));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await settle(v);
    return out;
  }
  return value;
}

/** The data with every object about the member's named post set aside. */
export function withoutNamedPost(value: unknown, namedPostId: string | null): unknown {
  if (!namedPostId) return value;
  if (Array.isArray(value)) return value.map((v) => withoutNamedPost(v, namedPostId));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    if (record.id === namedPostId || record.postId === namedPostId) return "[set aside]";
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withoutNamedPost(v, namedPostId)]));
  }
  return value;
}

export const found = (text: string, tokens: string[]) => tokens.filter((t) => text.includes(t));

export interface Finding {
  where: string;
  problem: string;
}

/** The rule on one document's HTML (or DOM) for one protected member. */
export function checkHtml(where: string, html: string, who: Protected, findings: Finding[]) {
  // As React writes text and attributes.
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const identity = [...new Set([...who.identity, ...who.identity.map(esc)])];
  const anonymous = [...new Set([...who.anonymous, ...who.anonymous.map(esc)])];
  // The inlined data is checked decoded (checkData); here, the markup.
  const markup = html.replace(/<script\b[^>]*>[^<]*streamController\.enqueue[\s\S]*?<\/script>/g, "<script>[data]</script>");
  const namedCards = who.namedPostId ? elementsWith(markup, "article", "data-post-id", who.namedPostId) : [];
  for (const [s, e] of namedCards) {
    const leaked = found(markup.slice(s, e), anonymous);
    if (leaked.length) findings.push({ where, problem: `${who.label}'s named post card holds their anonymous side: ${leaked.join(", ")}` });
  }
  for (const anonId of who.anonymous.filter((t) => /^[0-9a-f-]{36}$/.test(t))) {
    for (const [s, e] of elementsWith(markup, "article", "data-post-id", anonId)) {
      const leaked = found(markup.slice(s, e), identity);
      if (leaked.length) findings.push({ where, problem: `${who.label}'s anonymous post card holds their identity: ${leaked.join(", ")}` });
    }
    for (const [s, e] of elementsWith(markup, "li", "data-comment-id", anonId)) {
      const leaked = found(markup.slice(s, e), identity);
      if (leaked.length) findings.push({ where, problem: `${who.label}'s anonymous comment holds their identity: ${leaked.join(", ")}` });
    }
  }
  const rest = withoutRanges(markup, namedCards);
  const anon = found(rest, anonymous);
  const named = found(rest, identity);
  if (anon.length && named.length) findings.push({ where, problem: `the page ties ${who.label}'s anonymous side (${anon.join(", ")}) to their identity (${named.join(", ")})` });
}

/** The rule on one response's loader data (decoded) for one protected member. */
export function checkData(where: string, data: unknown, who: Protected, findings: Finding[]) {
  const text = JSON.stringify(withoutNamedPost(data, who.namedPostId)) ?? "";
  const anon = found(text, who.anonymous);
  const named = found(text, who.identity);
  if (anon.length && named.length) findings.push({ where, problem: `the data ties ${who.label}'s anonymous side (${anon.join(", ")}) to their identity (${named.join(", ")})` });
}

/** Links in the HTML to pages of this origin whose path starts with one of `prefixes`. */
export function linksIn(html: string, prefixes: string[]): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/\bhref="([^"#]+)(?:#[^"]*)?"/g)) {
    const href = m[1].replace(/&amp;/g, "&");
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    const path = new URL(href, "http://x").pathname;
    if (prefixes.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))) out.add(href);
  }
  return [...out];
}

/** The single-fetch data address of a document ("/feed?topic=x" -> "/feed.data?topic=x", "/" -> "/_root.data"). */
export function dataAddress(href: string): string {
  const url = new URL(href, "http://x");
  const path = url.pathname === "/" ? "/_root" : url.pathname.replace(/\/$/, "");
  return `${path}.data${url.search}`;
}

