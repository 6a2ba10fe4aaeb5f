/**
 * GET /messages/<userId>/updates?after=<cursor>: the open conversation page polls this (with
 * JavaScript) for messages newer than the newest it shows. JSON; marks the received ones read,
 * as the page now shows them. Only the viewer's own conversation: `me` is in every query.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { conversationPage, markSeen, newerMessages } from "~/modules/messages/conversations.server";
import { messagesCursor } from "~/modules/messages/cursor.server";
import { viewOf } from "~/modules/messages/view";
import { stateWith } from "~/modules/network/connections.server";
import { uuidOf } from "~/lib/ids";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The times come formatted in the reader's language, as the page's own; so do the errors.
  const lang = await languageOf(request);
  const t = translator(lang);
  const otherId = uuidOf(params.userId);
  if (!otherId || otherId === user.id) return json({ error: t("messages.updates.noConversation") }, 404);
  const since = messagesCursor.from(new URL(request.url).searchParams.get("after"), "newer");
  if (!since) return json({ error: t("messages.updates.badCursor") }, 400);
  const ctx = getCtx();
  const [messages, state, { zone }] = await Promise.all([newerMessages(ctx, user.id, otherId, since), stateWith(ctx, user.id, otherId), effectiveZone(ctx, user.id, request)]);
  // The same rule as the page: a stranger with no history gets nothing, not even an empty list.
  if (messages.length === 0 && state !== "connected") {
    const any = await conversationPage(ctx, user.id, otherId, { pageSize: 1 });
    if (any.messages.length === 0) return json({ error: t("messages.updates.notConnected") }, 403);
  }
  const unseen = messages.filter((m) => !m.read).map((m) => m.id);
  if (unseen.length > 0) await markSeen(ctx, user.id, otherId, unseen);
  const newest = messages[messages.length - 1];
  return json({
    messages: messages.map(viewOf(zone, lang)),
    cursor: newest ? messagesCursor.to({ at: newest.at.getTime(), id: newest.id }, "newer") : messagesCursor.to(since, "newer"),
  });
}
