/**
 * The member's language on both sides of the wire (decision 040). Messages are ICU MessageFormat,
 * compiled on the server by Lingui's compiler and formatted by @lingui/core (2.3 KB gzip in the
 * browser). The browser gets only the current page's namespaces in the current language, through
 * the loaders' data; lite pages carry no data script, so they ship none.
 */
import { setupI18n } from "@lingui/core";
import { useMatches, useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";

export const LANGUAGES = ["en", "ar", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * The Intl locale behind each language. Arabic keeps Latin digits (as the Gulf and the Maghreb
 * write them, and as members type them into forms); Hindi writes them Latin by default.
 */
export const INTL_LOCALE: Record<Language, string> = {
  en: "en-GB",
  ar: "ar-u-nu-latn",
  hi: "hi-IN",
};

export const dirOf = (lang: Language): "rtl" | "ltr" => (lang === "ar" ? "rtl" : "ltr");

/** A compiled ICU message (Lingui's array form); JSON, so loaders can send it. */
export type CompiledMessage = string | unknown[];
export type Messages = Record<string, CompiledMessage>;
export type MessageValues = Record<string, unknown>;
export type Translate = (id: string, values?: MessageValues) => string;

/** What a loader adds to its data so that its page can speak: `{ messages }`. */
export interface PageMessages {
  messages: Messages;
}

export function makeTranslate(lang: Language, messages: Messages): Translate {
  const i18n = setupI18n({
    locale: lang,
    locales: [INTL_LOCALE[lang]],
    messages: { [lang]: messages as never },
  });
  return (id, values) => i18n._(id, values);
}

function messagesOfMatches(matches: ReturnType<typeof useMatches>): Messages[] {
  const found: Messages[] = [];
  for (const match of matches) {
    const data = match.data as Partial<PageMessages> | null | undefined;
    if (data && typeof data === "object" && data.messages) found.push(data.messages);
  }
  return found;
}

/** The page's language, from the root loader (English when the root itself failed). */
export function useLanguage(): Language {
  const root = useRouteLoaderData("root") as { lang?: Language } | undefined;
  return root?.lang && isLanguage(root.lang) ? root.lang : DEFAULT_LANGUAGE;
}

/** `t(id, values)` over the messages every matched loader sent (the root's `common`, the page's own). */
export function useT(): Translate {
  const lang = useLanguage();
  const sources = messagesOfMatches(useMatches());
  // Loader data keeps its identity between renders, so the instance is rebuilt only on navigation.
  return useMemo(() => makeTranslate(lang, Object.assign({}, ...sources)), [lang, ...sources]);
}

/** For meta functions, which get the matches' data but cannot use hooks. */
export function translateMatches(matches: ReadonlyArray<{ id: string; data: unknown }>): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Language } | undefined;
  const lang = root?.lang && isLanguage(root.lang) ? root.lang : DEFAULT_LANGUAGE;
  const sources: Messages[] = [];
  for (const match of matches) {
    const data = match.data as Partial<PageMessages> | null | undefined;
    if (data && typeof data === "object" && data.messages) sources.push(data.messages);
  }
  return makeTranslate(lang, Object.assign({}, ...sources));
}

/**
 * A value that reads left to right (an email, a URL, a code, a number with units) kept whole
 * inside a right-to-left sentence: Unicode's first-strong isolate around it. For text put into a
 * message's placeholder; in JSX, use <bdi> instead.
 */
export const bidi = (value: string | number): string => `\u2068${value}\u2069`;
