/**
 * The feedback under an answer (issue 19): its label (AI review, or offline review when the rules
 * wrote it), the text as Markdown (HTML from the coach's safe renderer, through Prose), and
 * "Try the AI review again" when the AI failed and is configured (a plain POST, intent=review, to
 * the answer page).
 *
 * A pending answer (no feedback yet) shows a "Get feedback" form (intent=review) without
 * JavaScript. With JavaScript the component posts that form to the review stream
 * (/interviews/<id>/q/<n>/review) on mount and shows the words as they arrive (aria-live), then
 * the rendered review and its label; when the AI fails, the offline review and the retry.
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CsrfInput } from "~/components/forms";
import { Prose } from "~/components/ui/Prose";
import { useT } from "~/lib/i18n";
import { readNdjson } from "~/lib/ndjson";
import type { AnswerFeedbackState, FeedbackSource } from "~/modules/interviews/feedback";

export interface AnswerFeedbackProps {
  interviewId: string;
  /** The question's number (1-based) in the interview. */
  n: number;
  feedback: AnswerFeedbackState;
  /** The heading's level: 2 on the answer page, 3 under a question's own heading (the whole interview). */
  level?: 2 | 3;
}

type Frame = { delta?: string; done?: boolean; source?: FeedbackSource; html?: string; text?: string; error?: string; offline?: string };

/** The review as it streams in: problem is a stream that broke off (shown with what arrived). */
type Live = AnswerFeedbackState & { streaming: boolean; problem: boolean };

const STARTED: Live = { text: "", source: null, aiFailed: false, html: null, streaming: true, problem: false };

function applyFrame(live: Live, frame: Frame): Live {
  if (frame.delta) return { ...live, text: (live.text ?? "") + frame.delta };
  if (frame.done) return { ...live, text: frame.text ?? live.text, source: frame.source ?? null, html: frame.html ?? null, streaming: false };
  if (frame.offline !== undefined) {
    return { ...live, text: frame.offline, source: "offline", html: frame.html ?? null, aiFailed: true, aiReady: true, streaming: false };
  }
  if (frame.error) return { ...live, streaming: false, problem: true };
  return live;
}

type OnFrame = (frame: Frame) => unknown;

/** Posts `body` to the stream and hands each NDJSON frame to `onFrame`; true when the stream ended with a result. */
async function readReview(url: string, body: FormData, signal: AbortSignal, onFrame: OnFrame) {
  const res = await fetch(url, { method: "POST", body, signal });
  if (!res.ok || !res.body) return false;
  let ended = false;
  await readNdjson<Frame>(res.body, (frame) => {
    if (frame.done || frame.offline !== undefined) ended = true;
    onFrame(frame);
  });
  return ended;
}

export function AnswerFeedback({ interviewId, n, feedback, level = 2 }: AnswerFeedbackProps) {
  const Heading = level === 3 ? "h3" : "h2";
  const t = useT();
  const getForm = useRef<HTMLFormElement>(null);
  const [live, setLive] = useState<Live | null>(null);
  const pending = feedback.text === null;
  const answerPage = `/interviews/${interviewId}/q/${n}`;

  useEffect(() => {
    const form = getForm.current;
    if (!pending || !form || typeof window.ReadableStream === "undefined" || typeof window.TextDecoder === "undefined") return;
    const controller = new AbortController();
    setLive(STARTED);
    readReview(`${answerPage}/review`, new FormData(form), controller.signal, (frame) => setLive((l) => applyFrame(l ?? STARTED, frame)))
      .then((ended) => {
        if (!ended) setLive((l) => ({ ...(l ?? STARTED), streaming: false, problem: true }));
      })
      .catch(() => {
        // Aborted: the page moved on (or React remounted us); any other failure: the stream broke off.
        if (!controller.signal.aborted) setLive((l) => ({ ...(l ?? STARTED), streaming: false, problem: true }));
      });
    return () => controller.abort();
  }, [pending, answerPage]);

  const shown: Live | null = pending ? live : { ...feedback, streaming: false, problem: false };
  const label = shown?.source === "ai" ? t("interviewsReview.label.ai") : shown?.source === "offline" ? t("interviewsReview.label.offline") : null;

  return (
    <section className="space-y-2 rounded border border-stone-200 bg-stone-50 p-3" data-testid="answer-feedback">
      <Heading className="font-semibold">{t("interviewsReview.heading")}</Heading>
      {label && !shown?.streaming ? (
        <p className="text-sm font-medium text-stone-700" data-testid="feedback-label">
          {label}
        </p>
      ) : null}
      <div aria-live="polite" aria-busy={shown?.streaming ? true : undefined}>
        {shown?.streaming ? <p className="text-sm text-stone-600">{t("interviewsReview.writing")}</p> : null}
        {/* html comes from the coach's markdownHtml: no raw HTML, no images, safe links only. */}
        {shown?.html ? (
          <Prose html={shown.html} />
        ) : shown?.text ? (
          <p className="whitespace-pre-wrap break-words" dir="auto" data-testid="feedback-streaming">
            {shown.text}
          </p>
        ) : null}
      </div>
      {shown?.problem ? (
        <p role="alert" className="font-medium text-red-800">
          {t("interviewsReview.streamLost")}
        </p>
      ) : null}
      {shown?.aiFailed && shown.aiReady !== false ? (
        <div className="space-y-1">
          <p className="text-sm text-stone-700">{t("interviewsReview.aiFailed")}</p>
          <Form method="post" action={answerPage}>
            <CsrfInput />
            <input type="hidden" name="intent" value="review" />
            <button type="submit" className="btn">
              {t("interviewsReview.retry")}
            </button>
          </Form>
        </div>
      ) : null}
      {pending && (live === null || live.problem) ? (
        <Form method="post" action={answerPage} ref={getForm} className="space-y-1">
          {live === null ? <p className="text-sm text-stone-700">{t("interviewsReview.pendingNoJs")}</p> : null}
          <CsrfInput />
          <input type="hidden" name="intent" value="review" />
          <button type="submit" className="btn">
            {t("interviewsReview.get")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/**
 * A hidden stream=1 field, rendered only once the page runs JavaScript: the answer form's action
 * then stores the answer without waiting for the review, and AnswerFeedback streams it in.
 */
export function StreamFlag() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <input type="hidden" name="stream" value="1" /> : null;
}
