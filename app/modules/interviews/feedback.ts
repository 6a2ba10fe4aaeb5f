/** The feedback under an answer, as pages show it (issue 19): shared by the server and the components. */
export type FeedbackSource = "ai" | "offline";

/** What the page shows under an answer. text null: no feedback yet (pending). */
export interface AnswerFeedbackState {
  text: string | null;
  source: FeedbackSource | null;
  /** The AI failed on the last try: the page offers "Try the AI review again". */
  aiFailed: boolean;
}
