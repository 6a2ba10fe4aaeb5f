/**
 * Where the messages come from and which language a request speaks (decision 040).
 * One JSON file per language and namespace in app/locales/<lang>/<namespace>.json; a message's id
 * is "<namespace>.<key>". A key missing in Arabic or Hindi falls back to English (and the
 * missing-keys test lists it).
 */
import fs from "node:fs";
import path from "node:path";
import Negotiator from "negotiator";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { defaultErrorMap, type ZodError, type ZodIssue } from "zod";
import type { FieldErrors } from "./forms";
import { MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from "./text";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  makeTranslate,
  type Language,
  type Messages,
  type MessageValues,
  type PageMessages,
  type Translate,
} from "./i18n";

/** Each language named in itself, for the language form (sent with the root's data, not kept in the browser's code). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ar: "العربية", hi: "हिन्दी" };

export const LOCALES_DIR = path.resolve(process.cwd(), "app/locales");
export const LANGUAGE_COOKIE = "ladder_lang";

/** The raw catalogs: language → namespace → key → ICU text. Read once. */
export function readCatalogs(dir = LOCALES_DIR): Record<Language, Record<string, Record<string, string>>> {
  const out = {} as Record<Language, Record<string, Record<string, string>>>;
  for (const lang of LANGUAGES) {
    out[lang] = {};
    const folder = path.join(dir, lang);
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder).sort()) {
      if (!file.endsWith(".json")) continue;
      out[lang][file.slice(0, -5)] = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as Record<string, string>;
    }
  }
  return out;
}

let catalogs: ReturnType<typeof readCatalogs> | null = null;
const compiled = new Map<string, Messages>();

/** One namespace in one language, compiled, with English under every key the language lacks. */
function namespaceMessages(lang: Language, namespace: string): Messages {
  const cacheKey = `${lang}:${namespace}`;
  let messages = compiled.get(cacheKey);
  if (messages) return messages;
  catalogs ??= readCatalogs();
  const english = catalogs.en[namespace] ?? {};
  const own = catalogs[lang][namespace] ?? {};
  messages = {};
  for (const key of Object.keys(english)) {
    const text = own[key] ?? english[key];
    messages[`${namespace}.${key}`] = compileMessage(text) as Messages[string];
  }
  compiled.set(cacheKey, messages);
  return messages;
}

export function messagesFor(lang: Language, namespaces: readonly string[]): Messages {
  return Object.assign({}, ...namespaces.map((ns) => namespaceMessages(lang, ns)));
}

function allNamespaces(): string[] {
  catalogs ??= readCatalogs();
  return Object.keys(catalogs.en);
}

const translators = new Map<Language, Translate>();
/** A translator over every namespace, for the server's own words: emails, errors, flashes, files. */
export function translator(lang: Language): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = makeTranslate(lang, messagesFor(lang, allNamespaces()));
    translators.set(lang, t);
  }
  return t;
}

/** Server text that may be a message id: translated when it is one, kept as it is otherwise. */
export function translateText(lang: Language, text: string, values?: MessageValues): string {
  const t = translator(lang);
  const out = t(text, values);
  return out;
}

export function readLanguageCookie(cookieHeader: string | null | undefined): Language | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
  }
  return null;
}

/** The best of Ladder's languages for an Accept-Language header; English when none fits. */
export function languageFromHeader(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const best = new Negotiator({
    headers: { "accept-language": acceptLanguage },
  }).language([...LANGUAGES]);
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}

/**
 * The language a request speaks: the member's saved choice (it follows them to every device),
 * else the visitor's cookie, else the browser's Accept-Language, else English.
 */
export async function languageOf(request: Request): Promise<Language> {
  const user = await getCurrentUser(request);
  if (user?.language && isLanguage(user.language)) return user.language;
  return readLanguageCookie(request.headers.get("Cookie")) ?? languageFromHeader(request.headers.get("Accept-Language"));
}

/** The server translator in the request's language. */
export async function translatorFor(request: Request): Promise<Translate> {
  return translator(await languageOf(request));
}

/** What a loader spreads into its data so that its page's words reach the page: `{ messages }`. */
export async function pageMessages(request: Request, namespaces: readonly string[]): Promise<PageMessages> {
  return { messages: messagesFor(await languageOf(request), namespaces) };
}

/** The cookie that keeps a visitor's (or a device's) choice for a year. */
export function languageCookie(lang: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Shared rules' English (app/lib/text.ts), which unit tests read as written, and their message ids. */
const SHARED_MESSAGES = new Map([
  [SINGLE_LINE_MESSAGE, "common.form.singleLine"],
  [MULTI_LINE_MESSAGE, "common.form.multiLine"],
]);

/** A message id: "<namespace>.<key>" with no spaces. */
export const isMessageId = (text: string): boolean => /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]+$/.test(text);

/** The first message for each field, in the reader's language (readForm's errors). */
export function translatedFieldErrors(error: ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issueText(issue, t);
  }
  return errors;
}

/**
 * An issue in words: a schema's own message is a message id (its values in the issue's params);
 * zod's built-in English becomes a generic message by the issue's kind.
 */
function issueText(issue: ZodIssue, t: Translate): string {
  if (isMessageId(issue.message)) return t(issue.message, "params" in issue ? (issue.params as MessageValues | undefined) : undefined);
  const shared = SHARED_MESSAGES.get(issue.message);
  if (shared) return t(shared);
  // A schema's own English sentence (not yet a message id) stays as written.
  if (issue.message !== defaultErrorMap(issue, { defaultError: "", data: undefined }).message) return issue.message;
  if (issue.code === "too_big" && issue.type === "string") return t("common.form.tooLong", { max: Number(issue.maximum) });
  if (issue.code === "invalid_type" && issue.received === "undefined") return t("common.form.required");
  if (issue.code === "too_small" && issue.type === "string" && Number(issue.minimum) === 1) return t("common.form.required");
  return t("common.form.invalid");
}
