/**
 * POST /coach/<chatId>/stream: the coach's reply streamed as it is written (pages with JavaScript).
 * See app/modules/coach/stream.server.ts for the format. Errors before the stream starts are JSON.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf, translator, translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { aiMode } from "~/modules/coach/ai.server";
import { addUserMessage, getChat } from "~/modules/coach/chats.server";
import { chargeForReply, dayStartUtc, quotaReachedSentence, refundMessage } from "~/modules/coach/quota.server";
import { COACH_MESSAGES, messageSchema } from "~/modules/coach/forms.server";
import { streamReply } from "~/modules/coach/stream.server";

const json = (body: object, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, messageSchema, { maxBytes: 40_000 });
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) return json({ error: t("coach.chat.noSuch") }, 404);
  if (!read.ok) return json({ error: read.errors.message ?? t(COACH_MESSAGES.message) }, 400);
  const now = new Date();
  const quota = await chargeForReply(ctx, user.id, now, aiMode() === "offline");
  if (!quota.ok) return json({ error: quotaReachedSentence(now, t), quota: true }, 429);
  const added = await addUserMessage(ctx, user.id, chat.id, read.data.message, now);
  if (!added) {
    if (quota.charged) await refundMessage(ctx, user.id, dayStartUtc(now));
    return json({ error: t("coach.chat.noSuch") }, 404);
  }
  const { messageId, createdAt } = added;
  return streamReply({ ctx, me: user.id, chatId: chat.id, messageId, askedAt: createdAt, day: dayStartUtc(now), charged: quota.charged, signal: request.signal, lang });
}

export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response((await translatorFor(request))("coach.stream.getOnly"), { status: 405 });
}
