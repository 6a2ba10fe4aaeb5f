/**
 * Grading a drawn test, pure (issue 18, item 2): which form fields a submit may carry, and the
 * score and `selectedAnswers` of a set of answers. No server-only imports: the unit tests read it
 * directly, and the test page's component names its fields with `answerField`.
 *
 * The form's answer to question 17 is the field `q17`, its value the index of the chosen option in
 * the STORED options (what `selectedAnswers` holds, in the spec's terms), not the place it was
 * shown at: the page shows the options in the draw's `shownOrder` and each radio carries its
 * stored index.
 */
import type { DrawnQuestion } from "../../../db/schema";
import { OPTIONS_PER_QUESTION, UNANSWERED } from "./rules";

/** The form field that answers question `questionId`. */
export const answerField = (questionId: number) => `q${questionId}`;

/** Any field named like an answer (`q` and digits); the check reads these and nothing else. */
const ANSWER_NAME = /^q(\d{1,10})$/;
/** An answer's value: one digit (0 to 3 is checked after). */
const ANSWER_VALUE = /^\d$/;

/** Why a submit is refused outright (400, nothing stored): what no page of Ladder sends. */
export type Tamper = "foreign_question" | "repeated_answer" | "bad_option";

export type AnswersRead =
  | { ok: true; answers: Map<number, number>; unanswered: number }
  | { ok: false; tamper: Tamper; field: string };

/**
 * Reads the answer fields of a submitted form against the draw: every `q<id>` field must name a
 * question of this draw, once, with a value from 0 to 3. Other fields (csrf, intent, draw,
 * confirm) are not answers and are left alone. An unanswered question is simply absent.
 */
export function readAnswers(questions: readonly Pick<DrawnQuestion, "questionId">[], entries: Iterable<[string, unknown]>): AnswersRead {
  const drawn = new Set(questions.map((q) => q.questionId));
  const answers = new Map<number, number>();
  for (const [name, value] of entries) {
    const match = ANSWER_NAME.exec(name);
    if (!match) continue;
    const questionId = Number(match[1]);
    if (!drawn.has(questionId)) return { ok: false, tamper: "foreign_question", field: name };
    if (answers.has(questionId)) return { ok: false, tamper: "repeated_answer", field: name };
    const text = typeof value === "string" ? value.trim() : "";
    if (!ANSWER_VALUE.test(text) || Number(text) >= OPTIONS_PER_QUESTION) return { ok: false, tamper: "bad_option", field: name };
    answers.set(questionId, Number(text));
  }
  return { ok: true, answers, unanswered: questions.length - answers.size };
}

export interface Graded {
  score: number;
  total: number;
  /** One entry per drawn question, in the draw's order: the stored index chosen, or UNANSWERED (-1). */
  selectedAnswers: number[];
}

/** The score of `answers` on the draw: one point per question whose stored correctIndex was chosen. */
export function grade(questions: readonly Pick<DrawnQuestion, "questionId" | "correctIndex">[], answers: ReadonlyMap<number, number>): Graded {
  const selectedAnswers = questions.map((q) => answers.get(q.questionId) ?? UNANSWERED);
  const score = questions.reduce((sum, q, i) => sum + (selectedAnswers[i] === q.correctIndex ? 1 : 0), 0);
  return { score, total: questions.length, selectedAnswers };
}
