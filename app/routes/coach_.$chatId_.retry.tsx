/** POST /coach/<chatId>/retry: asks the coach again about the chat's last message, whose reply failed. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf, translator, translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { aiErrorMessage } from "~/modules/coach/ai.server";
import { COACH_MESSAGES, retrySchema } from "~/modules/coach/forms.server";
import { getChat, retryMessage } from "~/modules/coach/chats.server";
import { quotaReachedSentence } from "~/modules/coach/quota.server";
import { flashHeader } from "~/services/flash.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, retrySchema, { maxBytes: 10_000 });
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response(t("coach.chat.noSuch"), { status: 404 });
  if (!read.ok) throw new Response(read.errors.messageId ?? t(COACH_MESSAGES.retry), { status: 400 });
  const { messageId } = read.data;
  const now = new Date();
  const outcome = await retryMessage(ctx, user.id, chat.id, messageId, now, lang);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now, t), { status: 429 });
  if (outcome.kind === "not_found") throw new Response(t("coach.chat.noSuch"), { status: 404 });
  if (outcome.kind === "not_retryable") {
    return redirect(`/coach/${chat.id}`, { headers: { "Set-Cookie": await flashHeader("coach.retry.notRetryable", "info") } });
  }
  if (outcome.kind === "failed") {
    const flash = await flashHeader("coach.failed.kept", "error", { reason: aiErrorMessage(outcome.reason, t) });
    return redirect(`/coach/${chat.id}#${outcome.messageId}`, { headers: { "Set-Cookie": flash } });
  }
  return redirect(`/coach/${chat.id}#${outcome.replyId}`);
}

export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response((await translatorFor(request))("coach.retry.useButton"), { status: 405 });
}
