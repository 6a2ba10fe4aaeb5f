/**
 * The AI interview coach's prompt (issue 19, item 3): what the model is told about one answer.
 * Pure: the caller (review.server.ts) sends it through the coach's openai client.
 *
 * The system prompt carries the category, the question, what a good answer covers (the bank's
 * notes) and the member's language; the answer itself is the one user message, so a provider
 * (or the test mock) sees it as the last user message.
 */
import type { Language } from "~/lib/i18n";

export interface ReviewSubject {
  /** A bank category (behavioral, technical, case, …). */
  category: string;
  /** The question as it was asked. */
  question: string;
  /** What a good answer covers (may be empty when the bank no longer has the question). */
  covers: readonly string[];
  answer: string;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ar: "Arabic", hi: "Hindi" };

/** What to judge the answer's structure by, per kind of question. */
function structureRule(category: string): string {
  if (category === "behavioral" || category === "situational" || category === "hr") {
    return "Structure: does it follow STAR (Situation, Task, Action, Result), with the member's own actions and a clear result?";
  }
  if (category === "case") {
    return "Structure: does it lay out a structure (clarify the goal, break the problem into parts, prioritise, recommend) before the details?";
  }
  if (category === "technical" || category === "software" || category === "data") {
    return "Structure: is it technically correct, and clearly explained (the idea first, then the details and trade-offs)?";
  }
  return "Structure: is it organised (a direct answer first, then an example with the member's own actions and a result)?";
}

export function reviewSystemPrompt(subject: Omit<ReviewSubject, "answer">, lang: Language): string {
  const covers = subject.covers.length > 0 ? subject.covers.map((c) => `- ${c}`).join("\n") : "- (no notes for this question)";
  return [
    "You are an experienced interview coach reviewing one answer from a mock job interview.",
    `Question category: ${subject.category}.`,
    `Question: ${subject.question}`,
    "What a good answer covers:",
    covers,
    "",
    "Judge the answer on:",
    `- ${structureRule(subject.category)}`,
    "- Specificity: concrete situations, names of tools or methods, not generalities.",
    "- Impact: results, ideally with numbers (time saved, money, percentages, people).",
    "- Length: about 150 to 350 words spoken is right; say so if it is far too short or rambling.",
    "",
    "Reply in Markdown, short (under 180 words), with exactly this shape:",
    "- a bulleted list of exactly 3 points, each starting with **Strength:** or **Gap:**;",
    "- then one line starting with **Rewrite:** giving one concrete rewrite suggestion.",
    "No headings, no preamble, no HTML. Never repeat the whole answer.",
    `Write your reply in ${LANGUAGE_NAMES[lang]}.`,
  ].join("\n");
}

/** The messages for the coach's client: the answer is the last (only) user message. */
export function reviewPrompt(subject: ReviewSubject, lang: Language) {
  return {
    system: reviewSystemPrompt(subject, lang),
    messages: [{ role: "user" as const, content: subject.answer }],
    lang,
  };
}
