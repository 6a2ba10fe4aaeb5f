/**
 * POST /coach/<chatId>/visibility: the owner makes the chat public (anyone with the link reads it
 * on /share/<chatId>) or private again. Someone else's chat: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { uuidOf } from "~/lib/ids";
import { setVisibility } from "~/modules/coach/chat-extras.server";
import { COACH_MESSAGES, visibilitySchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("coach.notYours"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const chatId = uuidOf(params.chatId);
  if (!chatId) throw await notFound(request);
  return redirect(`/coach/${chatId}#share`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, visibilitySchema, { maxBytes: 4_000 });
  const chatId = uuidOf(params.chatId);
  if (!chatId) throw await notFound(request);
  if (!read.ok) throw new Response(read.errors.visibility ?? (await translatorFor(request))(COACH_MESSAGES.visibility), { status: 400 });
  const { visibility } = read.data;
  if (!(await setVisibility(getCtx(), user.id, chatId, visibility))) throw await notFound(request);
  const message = visibility === "public" ? "coach.visibility.public" : "coach.visibility.private";
  return redirect(`/coach/${chatId}#share`, { headers: { "Set-Cookie": await flashHeader(message, "success") } });
}

/** The loader always redirects; this page only shows a refused POST's error with a way back. */
export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/coach", label: t("common.area.coach") }]} />;
}
