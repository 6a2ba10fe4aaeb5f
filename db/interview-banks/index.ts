/**
 * The daily interview's question banks (issue 19, decision 046), shipped in code: one bank per
 * category, each question with a stable numeric id (stored in interview_progress.questionId) and
 * what a good answer covers (shown after answering; the offline reviewer checks against it).
 *
 * Ids are category blocks: behavioral 1001–1999, technical 2001–, … Never renumber or reuse an
 * id: past answers name it. Retire a question by deleting it from the bank; past answers keep
 * the text they were asked with (interview_progress.question).
 *
 * Here, not in app/: the demo and scale seeds draw from the same banks (db/ never imports app/).
 * Each language has the same ids; Arabic and Hindi translate the English text and notes.
 */
import { bank as en } from "./en";
import { bank as ar } from "./ar";
import { bank as hi } from "./hi";

export const INTERVIEW_CATEGORIES = [
  "behavioral",
  "technical",
  "situational",
  "hr",
  "case",
  "software",
  "data",
  "product",
  "sales",
  "customer_support",
] as const;
export type InterviewCategory = (typeof INTERVIEW_CATEGORIES)[number];

export type BankLanguage = "en" | "ar" | "hi";

export interface BankQuestion {
  /** Stable: stored with every answer. */
  id: number;
  text: string;
  /** What a good answer covers: 2 to 4 short points, each a phrase ("the result, with a number"). */
  covers: string[];
}

export type Bank = Record<InterviewCategory, BankQuestion[]>;

export const BANKS: Record<BankLanguage, Bank> = { en, ar, hi };

export function isInterviewCategory(value: unknown): value is InterviewCategory {
  return typeof value === "string" && (INTERVIEW_CATEGORIES as readonly string[]).includes(value);
}

/** The category's questions in `lang` (English for a language without a bank). */
export function questionsOf(category: InterviewCategory, lang: string = "en"): BankQuestion[] {
  return (BANKS[lang as BankLanguage] ?? BANKS.en)[category];
}

/** One question by id in `lang`; undefined when the bank no longer has it. */
export function questionById(category: InterviewCategory, id: number, lang: string = "en"): BankQuestion | undefined {
  return questionsOf(category, lang).find((q) => q.id === id);
}
