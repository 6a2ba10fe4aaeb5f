/**
 * The chat's send form. Without JavaScript it is a plain POST to /coach/<chatId> (the server
 * answers with the whole reply). With JavaScript it posts to /coach/<chatId>/stream and shows
 * the reply as it is written; Stop aborts the request (the server saves what was written,
 * marked stopped); when the reply is saved the page's data is reloaded.
 */
import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CsrfInput, TextareaField } from "~/components/forms";
import { useT } from "~/lib/i18n";
import { readNdjson } from "~/lib/ndjson";
import { MESSAGE_MAX } from "~/modules/coach/rules";

/**
 * After Stop, how long the page keeps reloading its data to find the saved partial reply, and the
 * pause before each reload (the last pause repeats). A busy server can take many seconds to notice
 * the closed request; each reload starts only when the one before it has finished, since a new
 * one would cancel it (on a loaded server no reload finished when they ran on fixed timers).
 */
const STOPPED_LOOK_FOR_MS = 90_000;
const STOPPED_PAUSES_MS = [300, 700, 1500, 3000];

/**
 * A reply the page waits to see in its list: the coach's newest reply before this message, and
 * whether the member stopped it (else it was written to the end). Until the list shows it, the
 * streamed words stay on screen, so a slow reload never leaves a gap.
 */
type AwaitingSave = { replyBefore: string | null; since: number; reloads: number; stopped: boolean };

type Frame = { delta?: string; done?: boolean; replyId?: string | null; error?: string; stopped?: boolean };

export function SendForm({
  chatId,
  disabled,
  error,
  defaultMessage,
  lastReplyId,
}: {
  chatId: string;
  disabled: boolean;
  error?: string;
  defaultMessage?: string;
  /** The newest message the page shows, when it is the coach's: a new one after Stop is the saved partial reply. */
  lastReplyId: string | null;
}) {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const t = useT();
  const [asked, setAsked] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [streaming, setStreaming] = useState(false);
  const [awaitingSave, setAwaitingSave] = useState<AwaitingSave | null>(null);
  const abort = useRef<AbortController | null>(null);
  const sending = navigation.state === "submitting" || streaming;
  // The list has the awaited reply: the streamed copy goes in the same render, so it never shows twice.
  const inList = awaitingSave !== null && lastReplyId !== null && lastReplyId !== awaitingSave.replyBefore;

  // After the reply (finished or stopped): reload the page's data, one reload at a time, until the saved reply shows.
  useEffect(() => {
    if (!awaitingSave) return;
    const found = lastReplyId !== null && lastReplyId !== awaitingSave.replyBefore;
    if (found || Date.now() - awaitingSave.since > STOPPED_LOOK_FOR_MS) {
      setAwaitingSave(null);
      setAsked(null);
      setReply("");
      if (!found)
        setProblem(
          awaitingSave.stopped ? t("coach.send.stoppedNotSaved") : t("coach.send.notShown"),
        );
      return;
    }
    if (revalidator.state !== "idle") return;
    const pause = STOPPED_PAUSES_MS[Math.min(awaitingSave.reloads, STOPPED_PAUSES_MS.length - 1)];
    const timer = window.setTimeout(() => {
      setAwaitingSave((a) => (a ? { ...a, reloads: a.reloads + 1 } : a));
      revalidator.revalidate();
    }, pause);
    return () => window.clearTimeout(timer);
  }, [awaitingSave, lastReplyId, revalidator, t]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof window.ReadableStream === "undefined" || typeof window.TextDecoder === "undefined") return; // plain POST
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = new FormData(formElement);
    const text = String(body.get("message") ?? "").trim();
    if (!text) {
      setProblem(t("coach.message.required"));
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setAwaitingSave(null);
    setAsked(text);
    setReply("");
    setProblem(null);
    setStreaming(true);
    let saved = false;
    let stopped = false;
    const replyBefore = lastReplyId;
    try {
      const res = await fetch(`/coach/${chatId}/stream`, { method: "POST", body, signal: controller.signal });
      if (!res.ok || !res.body) {
        const failed = (await res.json().catch(() => null)) as Frame | null;
        setProblem(failed?.error ?? t("coach.send.failed"));
        setAsked(null);
        return;
      }
      formElement.reset();
      await readNdjson<Frame>(res.body, (frame) => {
        if (frame.delta) setReply((r) => r + frame.delta);
        if (frame.error) setProblem(frame.error);
        if (frame.done) saved = true;
      });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setProblem(t("coach.send.lost"));
      else stopped = true; // the server saves what was written, a moment later
    } finally {
      abort.current = null;
      setStreaming(false);
      if (saved || stopped) setAwaitingSave({ replyBefore, since: Date.now(), reloads: 0, stopped });
      else revalidator.revalidate();
    }
  }

  return (
    <div className="space-y-2">
      {asked !== null && !inList ? (
        <div aria-live="polite" className="space-y-2" data-testid="streaming">
          {/* Once stopped, the page's list already shows the member's message. */}
          {awaitingSave?.stopped ? null : (
            <article className="rounded border border-stone-200 bg-white p-3">
              <p className="text-sm font-medium">{t("coach.role.you")}</p>
              <p className="whitespace-pre-wrap break-words" dir="auto">
                {asked}
              </p>
            </article>
          )}
          <article className="rounded border border-stone-200 bg-stone-50 p-3">
            <p className="text-sm font-medium">
              {t("coach.role.coach")} {streaming ? t("coach.send.writing") : awaitingSave?.stopped ? t("coach.send.stoppedSaving") : ""}
            </p>
            <p className="whitespace-pre-wrap break-words" data-testid="streaming-reply" dir="auto">
              {reply}
            </p>
          </article>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="font-medium text-red-800">
          {problem}
        </p>
      ) : null}
      {streaming ? (
        <button type="button" className="btn" onClick={() => abort.current?.abort()}>
          {t("coach.send.stop")}
        </button>
      ) : null}
      {disabled ? null : (
        <Form method="post" action={`/coach/${chatId}`} className="space-y-2" onSubmit={onSubmit}>
          <CsrfInput />
          <TextareaField
            label={t("coach.message.label")}
            name="message"
            rows={3}
            maxLength={MESSAGE_MAX}
            required
            defaultValue={defaultMessage}
            error={error}
            dir="auto"
          />
          <button type="submit" className="btn" disabled={sending}>
            {sending ? t("coach.sending") : t("coach.send.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
