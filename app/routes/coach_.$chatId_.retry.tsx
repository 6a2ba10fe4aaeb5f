/** POST /coach/<chatId>/retry: asks the coach again about the chat's last message, whose reply failed. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
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
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response("There is no such chat.", { status: 404 });
  if (!read.ok) throw new Response(read.errors.messageId ?? COACH_MESSAGES.retry, { status: 400 });
  const { messageId } = read.data;
  const now = new Date();
  const outcome = await retryMessage(ctx, user.id, chat.id, messageId, now);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now), { status: 429 });
  if (outcome.kind === "not_found") throw new Response("There is no such chat.", { status: 404 });
  if (outcome.kind === "not_retryable") {
    return redirect(`/coach/${chat.id}`, {
      headers: { "Set-Cookie": await flashHeader("Only the last message of a chat, when its reply failed, can be asked again.", "info") },
    });
  }
  if (outcome.kind === "failed") {
    const text = `${aiErrorMessage(outcome.reason)} Your message is kept and did not use up today's quota; press Retry to ask again.`;
    return redirect(`/coach/${chat.id}#${outcome.messageId}`, { headers: { "Set-Cookie": await flashHeader(text, "error") } });
  }
  return redirect(`/coach/${chat.id}#${outcome.replyId}`);
}

export async function loader() {
  throw new Response("Use the Retry button on the chat's page.", { status: 405 });
}
