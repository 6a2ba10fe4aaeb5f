/**
 * The coach's AI provider: any OpenAI-compatible chat completions API through the `openai` SDK
 * (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_TIMEOUT_MS). Without a key the
 * built-in offline coach answers (rules and templates, no network) and replies say so.
 *
 * Failures never throw out of coachReply: they come back as { ok: false, error } with a kind
 * the page can explain: timeout (no answer within OPENAI_TIMEOUT_MS), rate_limited (429),
 * provider (5xx, other HTTP errors, connection refused) or bad_response (an empty answer).
 * coachStream throws AiError for the same failures; when the caller's signal aborts (the
 * member pressed Stop or left), the stream simply ends: the caller knows why.
 *
 * Never call these inside withTx: the AI takes seconds and a transaction must not wait on it.
 */
import OpenAI from "openai";
import { openAiEnvSchema, type OpenAiEnv } from "~/env.server";
import type { Language, Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { offlineReply } from "./offline-coach";

export type AiErrorKind = "timeout" | "rate_limited" | "provider" | "bad_response";

export class AiError extends Error {
  constructor(
    public kind: AiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "AiError";
  }
}

export type AiResult = { ok: true; text: string; offline: boolean } | { ok: false; error: AiError };

export interface CoachInput {
  system: string;
  messages: { role: "user" | "assistant"; content: string }[];
  signal?: AbortSignal;
  /** The member's language: the offline coach answers in it (the AI is told in the system prompt). */
  lang?: Language;
}

/** The provider settings, read at each call (validated by app/env.server.ts at start too). */
export function aiConfig(): OpenAiEnv {
  const cleaned = Object.fromEntries(
    Object.entries(process.env).filter(([k, v]) => k.startsWith("OPENAI_") && v !== undefined && v !== ""),
  );
  return openAiEnvSchema.parse(cleaned);
}

export function aiMode(): "online" | "offline" {
  return aiConfig().OPENAI_API_KEY ? "online" : "offline";
}

const AI_ERROR_IDS: Record<AiErrorKind, string> = {
  timeout: "coach.ai.timeout",
  rate_limited: "coach.ai.rateLimited",
  provider: "coach.ai.provider",
  bad_response: "coach.ai.badResponse",
};

/** What the member reads for each kind of failure, in their language (`t`; English by default). */
export function aiErrorMessage(kind: AiErrorKind, t: Translate = translator("en")): string {
  return t(AI_ERROR_IDS[kind]);
}

let client: { key: string; baseURL: string | undefined; sdk: OpenAI } | undefined;
function sdk(config: OpenAiEnv): OpenAI {
  const key = config.OPENAI_API_KEY!;
  if (!client || client.key !== key || client.baseURL !== config.OPENAI_BASE_URL) {
    client = {
      key,
      baseURL: config.OPENAI_BASE_URL,
      // No SDK retries: a retry would multiply the wait and the member can press Retry.
      sdk: new OpenAI({ apiKey: key, baseURL: config.OPENAI_BASE_URL, maxRetries: 0, timeout: config.OPENAI_TIMEOUT_MS }),
    };
  }
  return client.sdk;
}

function toMessages(input: CoachInput): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
  return [{ role: "system", content: input.system }, ...input.messages.map((m) => ({ role: m.role, content: m.content }))];
}

/** Maps whatever the SDK threw to an AiError. `timedOut` says our own timer fired. */
export function toAiError(error: unknown, timedOut: boolean): AiError {
  if (error instanceof AiError) return error;
  if (timedOut || error instanceof OpenAI.APIConnectionTimeoutError) return new AiError("timeout", "no answer in time");
  if (error instanceof OpenAI.APIError && error.status === 429) return new AiError("rate_limited", "429 from the provider");
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    return new AiError("provider", `HTTP ${error.status} from the provider`);
  }
  if (error instanceof OpenAI.APIError) return new AiError("provider", "could not reach the provider");
  return new AiError("provider", error instanceof Error ? error.message : "unknown provider failure");
}

/** A signal that fires when the caller aborts or after `ms` without progress (re-armed by `touch`). */
function watchdog(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new AiError("timeout", "no answer in time"));
    }, ms);
  };
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", onOuter, { once: true });
  arm();
  return {
    signal: controller.signal,
    touch: arm,
    timedOut: () => timedOut,
    callerAborted: () => !!outer?.aborted && !timedOut,
    done: () => {
      if (timer) clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
}

/** The whole reply at once (forms without JavaScript, drafting, suggestions). */
export async function coachReply(input: CoachInput): Promise<AiResult> {
  const config = aiConfig();
  if (!config.OPENAI_API_KEY) return { ok: true, text: offlineReply(input.messages, input.lang), offline: true };
  const dog = watchdog(config.OPENAI_TIMEOUT_MS, input.signal);
  try {
    const completion = await sdk(config).chat.completions.create(
      { model: config.OPENAI_MODEL, messages: toMessages(input), stream: false },
      { signal: dog.signal },
    );
    const text = completion.choices?.[0]?.message?.content ?? "";
    if (!text.trim()) return { ok: false, error: new AiError("bad_response", "empty answer") };
    return { ok: true, text, offline: false };
  } catch (error) {
    return { ok: false, error: toAiError(error, dog.timedOut()) };
  } finally {
    dog.done();
  }
}

/**
 * The reply as text deltas while it is written. Offline: the template reply in small pieces.
 * Throws AiError on failure (also when nothing arrives for OPENAI_TIMEOUT_MS between pieces).
 * Ends quietly when input.signal aborts.
 */
export async function* coachStream(input: CoachInput): AsyncIterable<string> {
  const config = aiConfig();
  if (!config.OPENAI_API_KEY) {
    for (const piece of offlineReply(input.messages, input.lang).match(/\S+\s*|\s+/g) ?? []) {
      if (input.signal?.aborted) return;
      yield piece;
    }
    return;
  }
  const dog = watchdog(config.OPENAI_TIMEOUT_MS, input.signal);
  let any = false;
  try {
    const stream = await sdk(config).chat.completions.create(
      { model: config.OPENAI_MODEL, messages: toMessages(input), stream: true },
      { signal: dog.signal },
    );
    for await (const chunk of stream) {
      dog.touch();
      const delta = chunk.choices?.[0]?.delta?.content;
      if (delta) {
        any = true;
        yield delta;
      }
    }
    if (!any) throw new AiError("bad_response", "empty answer");
  } catch (error) {
    if (dog.callerAborted()) return;
    throw toAiError(error, dog.timedOut());
  } finally {
    dog.done();
  }
}
