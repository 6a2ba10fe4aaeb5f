/**
 * The jobs catalog's English (app/locales/en/jobs.json) as a translator, for the pure rules when
 * no translator is passed: their unit tests and callers that name no language. Pages, flashes and
 * emails always pass their reader's `t` (decision 040).
 */
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { makeTranslate, type Messages, type Translate } from "~/lib/i18n";
import catalog from "~/locales/en/jobs.json";

let english: Translate | null = null;

export function englishJobs(): Translate {
  if (!english) {
    const messages: Messages = {};
    for (const [key, text] of Object.entries(catalog as Record<string, string>)) messages[`jobs.${key}`] = compileMessage(text) as Messages[string];
    english = makeTranslate("en", messages);
  }
  return english;
}
