/**
 * The stylesheet's text, for lite mode to inline in a <style> element (decision 022): a lite
 * page then needs one round trip, not two. Full mode keeps the cached fingerprinted file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cache = new Map<string, string | null>();

/**
 * The text behind a fingerprinted href such as /build/_assets/tailwind-X.css, read once per
 * process. The assets sit next to the server build (tests build into one folder) or under
 * public/ of the working directory (build/index.js and public/build/). Null when not found:
 * the page then links the file as full mode does.
 */
export function stylesheetText(href: string): string | null {
  if (!cache.has(href)) cache.set(href, read(href));
  return cache.get(href)!;
}

function read(href: string): string | null {
  if (!href.startsWith("/build/") || href.includes("..")) return null;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const root of [path.join(here, "public"), path.resolve("public")]) {
    try {
      const text = fs.readFileSync(path.join(root, href), "utf8");
      // Inside <style> the text is raw: a closing tag in it would end the element early.
      return text.toLowerCase().includes("</style") ? null : text;
    } catch {
      // not in this folder: try the next
    }
  }
  return null;
}
