/**
 * The feedback under an answer (issue 19). PLACEHOLDER, being written by the review lane: the
 * label (AI or offline review), the text as Markdown, "Try the AI review again", and with
 * JavaScript the streamed review of a pending answer. The props are the contract; keep them.
 */
import type { AnswerFeedbackState } from "~/modules/interviews/feedback";

export interface AnswerFeedbackProps {
  interviewId: string;
  /** The question's number (1-based) in the interview. */
  n: number;
  feedback: AnswerFeedbackState;
}

export function AnswerFeedback({ feedback }: AnswerFeedbackProps) {
  return <p>{feedback.text ?? ""}</p>;
}

/**
 * A hidden stream=1 field, rendered only once the page runs JavaScript: the answer form's action
 * then stores the answer without waiting for the review, and AnswerFeedback streams it in.
 */
export function StreamFlag() {
  return null;
}
