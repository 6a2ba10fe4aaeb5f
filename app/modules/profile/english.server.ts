/**
 * This area's messages in English for callers that have no reader to ask (unit tests, scripts):
 * the English catalog's own words with their simple {placeholders} filled in, so the wording lives
 * only in app/locales/en/profile.json and profileForms.json (the server's refusals, never sent to a page). Pages and actions pass the reader's translator instead.
 */
import fs from "node:fs";
import path from "node:path";
import type { Translate } from "~/lib/i18n";

// Read from disk on first use, not imported: the browser tests load these rules in plain Node,
// which imports JSON only with an import attribute, and this file is server-only (.server).
const read = (namespace: string) =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), `app/locales/en/${namespace}.json`), "utf8")) as Record<string, string>;
let english: Record<string, Record<string, string>> | null = null;

/** "{max}" and "{max, number}" become their values; the messages these callers use have no plurals. */
export const inEnglish: Translate = (id, values = {}) => {
  english ??= { profile: read("profile"), profileForms: read("profileForms") };
  const dot = id.indexOf(".");
  const text = english[id.slice(0, dot)]?.[id.slice(dot + 1)] ?? id;
  let out = "";
  let at = 0;
  for (let open = text.indexOf("{"); open !== -1; open = text.indexOf("{", at)) {
    const close = text.indexOf("}", open);
    if (close === -1) break;
    const name = text.slice(open + 1, close).split(",")[0].trim();
    out += text.slice(at, open) + String(values[name] ?? "");
    at = close + 1;
  }
  return out + text.slice(at);
};
