/**
 * POST /coach/<chatId>/visibility: the owner makes the chat public (anyone with the link reads it
 * on /share/<chatId>) or private again. Someone else's chat: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { uuidOf } from "~/lib/ids";
import { setVisibility } from "~/modules/coach/chat-extras.server";
import { COACH_MESSAGES, visibilitySchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";

const NOT_FOUND = "There is no chat of yours at this address.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const chatId = uuidOf(params.chatId);
  if (!chatId) throw new Response(NOT_FOUND, { status: 404 });
  return redirect(`/coach/${chatId}#share`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, visibilitySchema, { maxBytes: 4_000 });
  const chatId = uuidOf(params.chatId);
  if (!chatId) throw new Response(NOT_FOUND, { status: 404 });
  if (!read.ok) throw new Response(read.errors.visibility ?? COACH_MESSAGES.visibility, { status: 400 });
  const { visibility } = read.data;
  if (!(await setVisibility(getCtx(), user.id, chatId, visibility))) throw new Response(NOT_FOUND, { status: 404 });
  const message =
    visibility === "public"
      ? "This chat is public now: anyone with its share link can read it."
      : "This chat is private now: only you can read it, and its share link answers “not found”.";
  return redirect(`/coach/${chatId}#share`, { headers: { "Set-Cookie": await flashHeader(message, "success") } });
}

/** The loader always redirects; this page only shows a refused POST's error with a way back. */
export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/coach", label: "Your chats" }]} />;
}
