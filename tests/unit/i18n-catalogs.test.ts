/**
 * The catalogs (decision 040): every English message exists in Arabic and Hindi with the same
 * placeholders and plurals each language needs, and every message id the code names exists.
 */
import fs from "node:fs";
import path from "node:path";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "~/lib/i18n";
import { messagesFor, readCatalogs, translator } from "~/lib/i18n.server";

const catalogs = readCatalogs();
const namespaces = Object.keys(catalogs.en);

/** The placeholder names of an ICU message ({name}, {count, plural, ...}), sorted and unique. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  // Lingui's compiled form: text parts are strings; an argument is [name, type?, branches?].
  const walk = (parts: unknown): void => {
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!Array.isArray(part)) continue;
      names.add(String(part[0]));
      if (part[2] && typeof part[2] === "object") for (const branch of Object.values(part[2] as object)) walk(branch);
    }
  };
  walk(compileMessage(text));
  return [...names].sort();
}

/** The plural categories an ICU message names for its first plural argument. */
const pluralCategories = (text: string): string[] | null => {
  const compiled = compileMessage(text);
  if (!Array.isArray(compiled)) return null;
  for (const part of compiled) if (Array.isArray(part) && part[1] === "plural") return Object.keys(part[2] as object).sort();
  return null;
};

describe("translation catalogs", () => {
  it("have a file for every namespace in every language", () => {
    const missing = LANGUAGES.flatMap((lang) => namespaces.filter((ns) => !catalogs[lang][ns]).map((ns) => `${lang}/${ns}.json`));
    expect(missing).toEqual([]);
  });

  it.each(["ar", "hi"] as const)("list no missing keys in %s", (lang) => {
    const missing = namespaces.flatMap((ns) =>
      Object.keys(catalogs.en[ns])
        .filter((key) => !(key in (catalogs[lang][ns] ?? {})))
        .map((key) => `${ns}.${key}`)
    );
    expect(missing).toEqual([]);
  });

  it.each(["ar", "hi"] as const)("keep no keys in %s that English no longer has", (lang) => {
    const stale = namespaces.flatMap((ns) =>
      Object.keys(catalogs[lang][ns] ?? {})
        .filter((key) => !(key in catalogs.en[ns]))
        .map((key) => `${ns}.${key}`)
    );
    expect(stale).toEqual([]);
  });

  it("parse as ICU messages, with the same placeholders in every language", () => {
    const wrong: string[] = [];
    for (const ns of namespaces)
      for (const [key, english] of Object.entries(catalogs.en[ns])) {
        const expected = placeholders(english);
        for (const lang of ["ar", "hi"] as const) {
          const text = catalogs[lang][ns]?.[key];
          if (text === undefined) continue;
          const got = placeholders(text);
          if (got.join() !== expected.join()) wrong.push(`${lang} ${ns}.${key}: ${got.join()} ≠ ${expected.join()}`);
        }
      }
    expect(wrong).toEqual([]);
  });

  it("give Arabic plurals the forms Arabic needs (one, two, few, many, other) and Hindi one and other", () => {
    const wrong: string[] = [];
    for (const ns of namespaces)
      for (const key of Object.keys(catalogs.en[ns])) {
        if (!pluralCategories(catalogs.en[ns][key])) continue;
        const ar = pluralCategories(catalogs.ar[ns]?.[key] ?? "") ?? [];
        const hi = pluralCategories(catalogs.hi[ns]?.[key] ?? "") ?? [];
        for (const need of ["one", "two", "few", "many", "other"]) if (!ar.includes(need)) wrong.push(`ar ${ns}.${key} lacks ${need}`);
        for (const need of ["one", "other"]) if (!hi.includes(need)) wrong.push(`hi ${ns}.${key} lacks ${need}`);
      }
    expect(wrong).toEqual([]);
  });

  it("hold messages, not markup", () => {
    const html = namespaces.flatMap((ns) =>
      LANGUAGES.flatMap((lang) =>
        Object.entries(catalogs[lang][ns] ?? {})
          .filter(([, text]) => /<[a-z]/i.test(text))
          .map(([key]) => `${lang} ${ns}.${key}`)
      )
    );
    expect(html).toEqual([]);
  });
});

describe("message ids in the code", () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? files(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
    });
  const literal = new RegExp(`["'\`](${namespaces.join("|")})\\.([A-Za-z0-9_.]+)["'\`]`, "g");

  it("every message id the app names exists in English", () => {
    const unknown: string[] = [];
    for (const file of files("app")) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(literal)) {
        const [, ns, key] = match;
        if (key.endsWith(".")) continue;
        if (!(key in catalogs.en[ns])) unknown.push(`${path.relative(".", file)}: ${ns}.${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe("plurals and numbers follow each language", () => {
  it("Arabic counts with its six plural forms", () => {
    const t = translator("ar");
    const forms = [0, 1, 2, 3, 11, 100].map((count) => t("common.form.problems", { count }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[2]).toBe("توجد مشكلتان");
  });

  it("Hindi and English count with one and other", () => {
    expect(translator("hi")("common.form.problems", { count: 1 })).toBe("एक समस्या है");
    expect(translator("en")("common.form.problems", { count: 3 })).toBe("There are 3 problems");
  });

  it("a key a language lacks falls back to English, never to the id", () => {
    const messages = messagesFor("ar", ["common"]);
    for (const key of Object.keys(catalogs.en.common)) expect(messages[`common.${key}`]).toBeDefined();
  });
});
