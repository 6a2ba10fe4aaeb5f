/**
 * GET /coach/<chatId>/export.md: your chat as a Markdown file (an attachment named after its
 * title). Only the owner; anyone else gets 404, admins included.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { MESSAGES_MAX, messagesOf, ownChat } from "~/modules/coach/chat-extras.server";
import { chatToMarkdown, slugOf } from "~/modules/coach/extras-rules";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const chat = await ownChat(ctx, user.id, params.chatId ?? "");
  if (!chat) {
    return new Response(t("coach.notYours"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
    });
  }
  const messages = await messagesOf(ctx, chat.id);
  let body = chatToMarkdown(chat, messages, t);
  if (messages.length >= MESSAGES_MAX) body += `\n${t("coach.export.cut", { max: MESSAGES_MAX })}\n`;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugOf(chat.title)}.md"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
