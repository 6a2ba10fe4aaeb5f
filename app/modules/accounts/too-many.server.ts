/**
 * The 429 answer of the accounts pages in the reader's language: the rate limiter's
 * tooManyRequests, with the whole sentence (the refusal and when to try again) from the catalogs.
 */
import type { Translate } from "~/lib/i18n";

export function tooManyTries(t: Translate, messageId: string, retryAfterSeconds: number, hintId?: string): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const text = t("auth.limit.retry", { message: t(messageId), minutes });
  return new Response(hintId ? `${text} ${t(hintId)}` : text, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
