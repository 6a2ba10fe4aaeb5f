/**
 * The streamed reply for pages with JavaScript (POST /coach/<chatId>/stream).
 *
 * The response body is NDJSON text, one JSON object a line, written as the coach writes:
 *   {"delta":"some words "}                    a piece of the reply
 *   {"done":true,"replyId":"…","left":N}       saved; N messages left today
 *   {"error":"…","kind":"timeout|…","messageId":"…"}  failed: message kept and marked, quota refunded
 * The member's message is stored (transaction) before the stream starts; the reply is stored
 * (transaction) when the stream ends. When the request is aborted (Stop, or the page closed),
 * the upstream call is aborted too and what was written so far is saved, marked stopped.
 */
import type { Ctx } from "../../../db/client";
import type { Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { ndjsonResponse } from "~/lib/ndjson.server";
import { AiError, aiErrorMessage, aiMode, coachStream, toAiError } from "./ai.server";
import { addReply, promptFor, setFailed } from "./chats.server";
import { messagesLeft, refundMessage } from "./quota.server";

export interface StreamInput {
  ctx: Ctx;
  me: string;
  chatId: string;
  messageId: string;
  askedAt: Date;
  day: Date;
  /** A message was taken for this reply (false: the offline coach answers, for free). */
  charged: boolean;
  signal: AbortSignal;
  /** The member's language: the prompt asks for replies in it, and errors are written in it. */
  lang?: Language;
}

export async function streamReply(input: StreamInput): Promise<Response> {
  const { ctx, me, chatId, messageId, askedAt, day, charged } = input;
  const lang = input.lang ?? "en";
  const t = translator(lang);
  const prompt = await promptFor(ctx, me, chatId, messageId, lang);
  const offline = aiMode() === "offline";
  return ndjsonResponse(input.signal, async ({ send, signal }) => {
    let text = "";
    try {
      for await (const delta of coachStream({ ...prompt, signal })) {
        text += delta;
        send({ delta });
      }
      const stopped = signal.aborted;
      const replyId = await addReply(ctx, me, chatId, {
        text,
        notice: stopped ? "stopped" : offline ? "offline" : undefined,
        after: askedAt,
      });
      send({ done: true, replyId, stopped, left: await messagesLeft(ctx, me, new Date()) });
    } catch (error) {
      const failure = error instanceof AiError ? error : toAiError(error, false);
      try {
        await setFailed(ctx, me, messageId, failure.kind);
        if (charged) await refundMessage(ctx, me, day);
      } catch (stored) {
        console.error("coach stream: could not mark the failed message", stored);
      }
      send({ error: t("coach.stream.failed", { reason: aiErrorMessage(failure.kind, t) }), kind: failure.kind, messageId });
    }
  });
}
