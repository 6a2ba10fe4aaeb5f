/**
 * This area's messages in English for callers that have no reader to ask (unit tests, scripts):
 * the English catalog's own words with their simple {placeholders} filled in, so the wording lives
 * only in app/locales/en/profile.json. Pages and actions pass the reader's translator instead.
 */
import catalog from "~/locales/en/profile.json";
import type { Translate } from "~/lib/i18n";

const english = catalog as Record<string, string>;

export const inEnglish: Translate = (id, values = {}) => {
  const text = english[id.replace(/^profile\./, "")] ?? id;
  return text.replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => String(values[name] ?? ""));
};
