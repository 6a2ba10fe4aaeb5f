/**
 * The chat's send form. Without JavaScript it is a plain POST to /coach/<chatId> (the server
 * answers with the whole reply). With JavaScript it posts to /coach/<chatId>/stream and shows
 * the reply as it is written; Stop aborts the request (the server saves what was written,
 * marked stopped); when the reply is saved the page's data is reloaded.
 */
import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { CsrfInput, TextareaField } from "~/components/forms";
import { MESSAGE_MAX } from "~/modules/coach/rules";

/** When, after Stop, the page's data is loaded again to show the saved partial reply. */
const STOPPED_RELOADS_MS = [500, 1500, 3000, 5000, 8000, 12000, 18000, 26000, 36000, 48000, 60000];

type Frame = { delta?: string; done?: boolean; replyId?: string | null; error?: string; stopped?: boolean };

export function SendForm({ chatId, disabled, error, defaultMessage }: { chatId: string; disabled: boolean; error?: string; defaultMessage?: string }) {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [asked, setAsked] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [streaming, setStreaming] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const sending = navigation.state === "submitting" || streaming;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof window.ReadableStream === "undefined" || typeof window.TextDecoder === "undefined") return; // plain POST
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = new FormData(formElement);
    const text = String(body.get("message") ?? "").trim();
    if (!text) {
      setProblem("Write a message to the coach.");
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setAsked(text);
    setReply("");
    setProblem(null);
    setStreaming(true);
    let saved = false;
    let stopped = false;
    try {
      const res = await fetch(`/coach/${chatId}/stream`, { method: "POST", body, signal: controller.signal });
      if (!res.ok || !res.body) {
        const failed = (await res.json().catch(() => null)) as Frame | null;
        setProblem(failed?.error ?? "The coach could not answer. Please try again.");
        setAsked(null);
        return;
      }
      formElement.reset();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf("\n");
          if (!line.trim()) continue;
          const frame = JSON.parse(line) as Frame;
          if (frame.delta) setReply((r) => r + frame.delta);
          if (frame.error) setProblem(frame.error);
          if (frame.done) saved = true;
        }
      }
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setProblem("The connection to the coach was lost. Reload the page to see what was saved.");
      else saved = stopped = true; // stopped: the server saves what was written
    } finally {
      abort.current = null;
      setStreaming(false);
      if (saved) {
        setAsked(null);
        setReply("");
      }
      revalidator.revalidate();
      // After Stop the server notices the closed request and saves the partial reply a moment
      // later, possibly after the first reload of the page's data: look again, less and less
      // often, for up to a minute (a busy server can take many seconds to notice).
      if (stopped) for (const ms of STOPPED_RELOADS_MS) window.setTimeout(() => revalidator.revalidate(), ms);
    }
  }

  return (
    <div className="space-y-2">
      {asked !== null ? (
        <div aria-live="polite" className="space-y-2" data-testid="streaming">
          <article className="rounded border border-stone-200 bg-white p-3">
            <p className="text-sm font-medium">You</p>
            <p className="whitespace-pre-wrap break-words">{asked}</p>
          </article>
          <article className="rounded border border-stone-200 bg-stone-50 p-3">
            <p className="text-sm font-medium">Coach {streaming ? "(writing…)" : ""}</p>
            <p className="whitespace-pre-wrap break-words" data-testid="streaming-reply">
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
          Stop
        </button>
      ) : null}
      {disabled ? null : (
        <Form method="post" action={`/coach/${chatId}`} className="space-y-2" onSubmit={onSubmit}>
          <CsrfInput />
          <TextareaField label="Your message" name="message" rows={3} maxLength={MESSAGE_MAX} required defaultValue={defaultMessage} error={error} />
          <button type="submit" className="btn" disabled={sending}>
            {sending ? "Sending…" : "Send"}
          </button>
        </Form>
      )}
    </div>
  );
}
