/** The feedback under an answer, as pages show it (issue 19): shared by the server and the components. */
export type FeedbackSource = "ai" | "offline";

/** What the page shows under an answer. text null: no feedback yet (pending). */
export interface AnswerFeedbackState {
  text: string | null;
  source: FeedbackSource | null;
  /** The AI failed on the last try: the page offers "Try the AI review again". */
  aiFailed: boolean;
  /**
   * The text as safe HTML (the coach's Markdown renderer), filled by review.server.ts
   * (reviewAnswer, feedbackStates). Without it the page shows the text as plain text.
   */
  html?: string | null;
  /** Whether an AI provider is configured (the retry is offered only then); unknown counts as yes. */
  aiReady?: boolean;
}
