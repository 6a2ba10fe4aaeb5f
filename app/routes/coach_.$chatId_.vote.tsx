/**
 * POST /coach/<chatId>/vote: up or down on a reply of the coach in your own chat; the same value
 * again takes the vote back, the other switches it. Without JavaScript the form redirects back to
 * the reply (/coach/<chatId>#<messageId>); with JavaScript VoteForm posts through a fetcher and
 * gets the new vote as data. Someone else's chat, or a message that is not a reply: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { uuidOf } from "~/lib/ids";
import { toggleVote } from "~/modules/coach/chat-extras.server";
import { COACH_MESSAGES, voteSchema } from "~/modules/coach/forms.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("coach.vote.notFound"), { status: 404 });

/** A GET (a bookmarked or reloaded form address) goes to the chat. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const chatId = uuidOf(params.chatId);
  if (!chatId) throw await notFound(request);
  return redirect(`/coach/${chatId}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, voteSchema, { maxBytes: 4_000 });
  const chatId = uuidOf(params.chatId);
  if (!chatId || read.errors.messageId) throw await notFound(request);
  if (!read.ok) throw new Response(read.errors.value ?? (await translatorFor(request))(COACH_MESSAGES.vote), { status: 400 });
  const { messageId, value, via } = read.data;
  const outcome = await toggleVote(getCtx(), { me: user.id, chatId, messageId, value });
  if (!outcome.ok) throw await notFound(request);
  if (via === "fetcher") return data({ messageId, vote: outcome.vote });
  return redirect(`/coach/${chatId}#${messageId}`);
}

/** The loader always redirects; this page only shows a refused POST's error with a way back. */
export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/coach", label: t("common.area.coach") }]} />;
}
