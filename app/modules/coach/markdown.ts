/**
 * Markdown to safe HTML for coach messages (and anything else members or the AI write).
 *
 * Safety comes from the order of work: every piece of input text is HTML-escaped before it is
 * placed in the output, and the only tags in the output are the ones this file writes. Raw HTML
 * in the input is therefore shown as text. Links are made only from [text](url) whose url is an
 * absolute http:// or https:// address; anything else (javascript:, data:, vbscript:, relative,
 * protocol-relative) stays as plain text. No dependencies, pure.
 *
 * Supported: paragraphs, line breaks, headings (# to ######, shown as h3 to h6 so a message never
 * competes with the page's own headings), **bold**, *italic* / _italic_, `inline code`, fenced
 * code blocks (```), bullet lists (-, *, +) and numbered lists (1. or 1)).
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An absolute http(s) URL, or null. */
export function safeHref(raw: string): string | null {
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(raw)) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
    return raw;
  } catch {
    return null;
  }
}

// Placeholders use a private-use character that is removed from the input first.
const MARK = "\uE000";

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)([^_]*?\S)__/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, "$1<em>$2</em>")
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, "$1<em>$2</em>");
}

/** One line (or paragraph) of inline Markdown to HTML. */
export function renderInline(text: string, allowLinks = true): string {
  const held: string[] = [];
  const hold = (html: string) => `${MARK}${held.push(html) - 1}${MARK}`;
  const pattern = allowLinks ? /`([^`\n]+)`|\[([^\]\n]{1,500})\]\(([^\s()]{1,2000})\)/g : /`([^`\n]+)`/g;
  const withHolds = text.replace(pattern, (whole, code?: string, label?: string, url?: string) => {
    if (code !== undefined) return hold(`<code>${escapeHtml(code)}</code>`);
    const href = url === undefined ? null : safeHref(url);
    if (href === null || label === undefined) return hold(escapeHtml(whole));
    return hold(`<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">${renderInline(label, false)}</a>`);
  });
  const html = emphasis(escapeHtml(withHolds));
  return html.replace(new RegExp(`${MARK}(\\d+)${MARK}`, "g"), (_, i: string) => held[Number(i)]);
}

type Block =
  | { kind: "p"; lines: string[] }
  | { kind: "h"; level: number; text: string }
  | { kind: "code"; lines: string[]; lang: string }
  | { kind: "ul" | "ol"; items: string[] };

const FENCE = /^\s{0,3}(```|~~~)\s*([\w+-]{0,30})\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

function blocks(source: string): Block[] {
  const lines = source.split("\n");
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^\\s{0,3}${fence[1]}\\s*$`).test(lines[i])) body.push(lines[i++]);
      i++; // the closing fence (or the end of the text)
      out.push({ kind: "code", lines: body, lang: fence[2] });
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({ kind: "h", level: heading[1].length, text: heading[2] });
      i++;
      continue;
    }
    for (const [kind, re] of [["ul", BULLET], ["ol", NUMBERED]] as const) {
      if (re.test(line)) {
        const items: string[] = [];
        while (i < lines.length && re.test(lines[i])) items.push(re.exec(lines[i++])![1]);
        out.push({ kind, items });
        break;
      }
    }
    if (i < lines.length && lines[i] === line && !BULLET.test(line) && !NUMBERED.test(line)) {
      const para: string[] = [];
      while (
        i < lines.length &&
        lines[i].trim() &&
        !FENCE.test(lines[i]) &&
        !HEADING.test(lines[i]) &&
        !BULLET.test(lines[i]) &&
        !NUMBERED.test(lines[i])
      ) {
        para.push(lines[i++]);
      }
      out.push({ kind: "p", lines: para });
    }
  }
  return out;
}

/** Markdown text to safe HTML (see the top of this file for what is supported). */
export function renderMarkdown(text: string): string {
  const source = text.replace(/\r\n?/g, "\n").replaceAll(MARK, "");
  return blocks(source)
    .map((b) => {
      switch (b.kind) {
        case "code":
          return `<pre><code${b.lang ? ` data-lang="${escapeHtml(b.lang)}"` : ""}>${escapeHtml(b.lines.join("\n"))}</code></pre>`;
        case "h": {
          const level = Math.min(6, b.level + 2);
          return `<h${level}>${renderInline(b.text)}</h${level}>`;
        }
        case "ul":
        case "ol":
          return `<${b.kind}>${b.items.map((item) => `<li>${renderInline(item)}</li>`).join("")}</${b.kind}>`;
        case "p":
          return `<p>${b.lines.map((l) => renderInline(l.trim())).join("<br>")}</p>`;
      }
    })
    .join("\n");
}

/** Plain text of Markdown, for titles and previews (no markup at all). */
export function markdownToPlain(text: string): string {
  return text
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/[*_`#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
