/**
 * English words still written into pages' code (decision 040): JSX text, labelling attributes and
 * capitalised phrases in string literals of routes and components. `npx tsx tests/support/english-left.ts`
 * prints them by file; tests/unit/i18n-no-english.test.ts requires none.
 */
import fs from "node:fs";
import path from "node:path";

const JSX_TEXT = />([^<>{}\n]*[A-Za-z]{2,}[^<>{}\n]*)</g;
const TEXT_LINE = /^\s*[A-Z][a-z’']*(?:[ ,.:!?'’-]+[A-Za-z’'.,:!?-]*)*\s*$/;
const ATTRIBUTE = /\b(?:label|placeholder|title|aria-label|alt|hint|legend|description|summary|what|emptyText)=["']([^"'{}]*[A-Za-z]{2,}[^"'{}]*)["']/g;
const PHRASE = /(["'`])([A-Z][a-z’']+(?: [A-Za-z’',.:!?()-]+)+)\1/g;

/** Lines whose text is code, not words for a reader. */
const CODE = /^\s*(?:import|export|\/\/|\*|\/\*|const|let|return|if|else|type|interface|function|case|throw)\b/;

export interface EnglishLeft {
  file: string;
  line: number;
  text: string;
}

export function englishIn(file: string): EnglishLeft[] {
  const found: EnglishLeft[] = [];
  const lines = fs.readFileSync(file, "utf8").split("\n");
  let inComment = false;
  let inImport = false;
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("import ") && !trimmed.endsWith(";")) inImport = true;
    if (inImport) {
      if (trimmed.endsWith(";")) inImport = false;
      return;
    }
    if (trimmed.startsWith("/*")) inComment = true;
    if (inComment) {
      if (trimmed.includes("*/")) inComment = false;
      return;
    }
    if (trimmed.startsWith("//") || trimmed.startsWith("import ")) return;
    const add = (text: string) => found.push({ file, line: i + 1, text: text.trim() });
    for (const match of line.matchAll(JSX_TEXT)) {
      const text = match[1];
      if (/=>|&&|\|\||;|\bconst\b|\) [?:] /.test(text) || /^\s*[-·|,.:()–—•\s]*\s*$/.test(text)) continue;
      add(text);
    }
    if (TEXT_LINE.test(line) && !CODE.test(line) && /[a-z]{2,}/.test(line) && !/^\s*(?:[A-Z]\w*\.)/.test(line)) add(line);
    for (const match of line.matchAll(ATTRIBUTE)) add(match[1]);
    if (!line.includes("className") || PHRASE.test(line.replace(/className=("[^"]*"|\{`[^`]*`\})/g, ""))) {
      PHRASE.lastIndex = 0;
      for (const match of line.replace(/className=("[^"]*"|\{`[^`]*`\})/g, "").matchAll(PHRASE)) add(match[2]);
    }
  });
  return found;
}

export function pageFiles(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : entry.name.endsWith(".tsx") ? [full] : [];
    });
  return [...walk("app/routes"), ...walk("app/components"), "app/root.tsx"].sort();
}

if (process.argv[1]?.endsWith("english-left.ts")) {
  const only = process.argv.slice(2);
  const files = pageFiles().filter((file) => only.length === 0 || only.some((part) => file.includes(part)));
  let total = 0;
  for (const file of files) {
    const left = englishIn(file);
    if (left.length === 0) continue;
    total += left.length;
    console.log(`\n${file} (${left.length})`);
    for (const { line, text } of left) console.log(`  ${line}: ${text.slice(0, 100)}`);
  }
  console.log(`\n${total} left in ${files.length} files`);
}
