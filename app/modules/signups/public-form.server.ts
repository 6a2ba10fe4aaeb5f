/**
 * The answer of the public sign-up forms (/premium, /api-access), once readForm has read them: a
 * filled honeypot or bad fields back beside the form (400), a limit per network, then the row
 * saved and a redirect to the thank-you page.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { getCtx, type Ctx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import type { ReadForm } from "~/modules/accounts/index.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { clientIp } from "~/services/request-info.server";

/** The largest body either form sends (three paragraphs of 2,000 characters and the contact fields). */
export const PUBLIC_FORM_MAX_BYTES = 64_000;

export interface PublicForm<T> {
  /** The rate-limit key's prefix, e.g. "premium". */
  name: string;
  /** Shown when the honeypot is filled (a bot, or an autofill gone wrong): a message id. */
  notSent: string;
  /** Shown on the 429 page: a message id, with the wait in {minutes}. */
  tooMany: string;
  save(ctx: Ctx, input: T): Promise<unknown>;
  thanks: string;
}

export async function answerPublicForm<T>(request: Request, read: ReadForm<T>, context: AppLoadContext, form: PublicForm<T>) {
  const { values } = read;
  const t = await translatorFor(request);
  if (read.form.get("website")) return data({ errors: { form: t(form.notSent) } as Record<string, string>, values }, { status: 400 });
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const ctx = getCtx();
  const limit = await hit(ctx, `${form.name}:ip:${clientIp(context) ?? "unknown"}`, LIMITS.publicFormPerIp);
  if (!limit.allowed) {
    // As tooManyRequests() answers, with the wait said in the reader's language too.
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new Response(t(form.tooMany, { minutes }), { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  await form.save(ctx, read.data);
  return redirect(form.thanks);
}
