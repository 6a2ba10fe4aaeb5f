/**
 * One interview as a Markdown file (issue 19, item 6): the questions in order, the member's
 * answers as they wrote them and the feedback, under headings in the member's language. Pure:
 * the route gives the interview (history.server.ts) and the translator.
 */
import type { Translate } from "~/lib/i18n";
import { isInterviewCategory } from "../../../db/interview-banks";
import type { FeedbackSource } from "./feedback";

export interface MarkdownQuestion {
  n: number;
  text: string;
  state:
    | { kind: "answered"; answer: string; feedback: { text: string | null; source: FeedbackSource | null } }
    | { kind: "skipped" }
    | { kind: "open" };
}

export interface MarkdownInterview {
  interviewDate: Date;
  category: string | null;
  isCompleted: boolean;
  questions: MarkdownQuestion[];
}

/** The interview's day as stored (the member's date at 00:00 UTC): 2026-12-06. */
export const dayOf = (interviewDate: Date): string => interviewDate.toISOString().slice(0, 10);

/** A known category's name in the reader's words; anything else is "Interview". */
export const categoryName = (t: Translate, category: string | null): string =>
  isInterviewCategory(category) ? t(`interviewsHistory.category.${category}`) : t("interviewsHistory.category.unknown");

/** ladder-interview-2026-12-06-behavioral.md: only the date and a known category's id (letters and "_"). */
export function exportFilename(interview: { interviewDate: Date; category: string | null }): string {
  const category = isInterviewCategory(interview.category) ? interview.category.replaceAll("_", "-") : "interview";
  return `ladder-interview-${dayOf(interview.interviewDate)}-${category}.md`;
}

/**
 * Lines a member typed, kept as their text: each line of an answer becomes a quoted line, so a
 * "#" or "---" they typed stays text inside the quote instead of breaking the file's headings.
 */
const quoted = (text: string): string[] => text.split("\n").map((line) => (line.trim() === "" ? ">" : `> ${line}`));

export function interviewMarkdown(interview: MarkdownInterview, t: Translate, date: string): string {
  const lines: string[] = [
    `# ${t("interviewsHistory.export.title", { category: categoryName(t, interview.category), date })}`,
    "",
    interview.isCompleted ? t("interviewsHistory.status.completed") : t("interviewsHistory.status.notCompleted"),
    "",
  ];
  for (const q of interview.questions) {
    lines.push(`## ${t("interviewsHistory.export.question", { n: q.n })}`, "", q.text.trim(), "");
    if (q.state.kind === "answered") {
      lines.push(`### ${t("interviewsHistory.detail.yourAnswer")}`, "", ...quoted(q.state.answer.trim()), "");
      const { text, source } = q.state.feedback;
      const heading = source === "ai" ? t("interviewsHistory.export.feedbackAi") : source === "offline" ? t("interviewsHistory.export.feedbackOffline") : t("interviewsHistory.detail.feedback");
      lines.push(`### ${heading}`, "", text?.trim() || t("interviewsHistory.detail.noFeedback"), "");
    } else {
      lines.push(`_${q.state.kind === "skipped" ? t("interviewsHistory.detail.skipped") : t("interviewsHistory.detail.notAnswered")}_`, "");
    }
  }
  if (interview.questions.length === 0) lines.push(t("interviewsHistory.detail.noQuestions"), "");
  return lines.join("\n");
}
