/**
 * /coach/<chatId>/title: rename your chat. The chat page's actions post here; this page is where
 * a refused title comes back (400, the message beside the field, what you typed kept) and the
 * rename form without the chat page around it. Someone else's chat: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { uuidOf } from "~/lib/ids";
import { ownChat, renameChat } from "~/modules/coach/chat-extras.server";
import { TITLE_MAX } from "~/modules/coach/extras-rules";
import { titleSchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("coach.rename.notFound"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chat = await ownChat(getCtx(), user.id, params.chatId ?? "");
  if (!chat) throw await notFound(request);
  return { id: chat.id, title: chat.title, ...(await coachPageMessages(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, titleSchema, { maxBytes: 10_000 });
  const chatId = uuidOf(params.chatId);
  const ctx = getCtx();
  if (!chatId || !(await ownChat(ctx, user.id, chatId))) throw await notFound(request);
  if (!read.ok) return data({ errors: read.errors, title: read.values.title ?? "" }, { status: 400 });
  if (!(await renameChat(ctx, user.id, chatId, read.data.title))) throw await notFound(request);
  return redirect(`/coach/${chatId}`, { headers: { "Set-Cookie": await flashHeader("coach.rename.done", "success") } });
}

export default function RenameChat() {
  const chat = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="rename-title" className="card space-y-3">
      <h1 id="rename-title">{t("coach.rename.heading")}</h1>
      <ErrorSummary errors={failed?.errors} labels={{ title: t("coach.rename.label") }} />
      <Form method="post" className="space-y-3">
        <CsrfInput />
        <Field
          label={t("coach.actions.titleLabel", { max: TITLE_MAX })}
          dir="auto"
          name="title"
          defaultValue={failed?.title ?? chat.title}
          error={failed?.errors.title}
          maxLength={TITLE_MAX + 40}
          required
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button>
            {t("coach.actions.saveTitle")}
          </Button>
          <Link to={`/coach/${chat.id}`}>{t("coach.chat.back")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("coach.rename.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/coach", label: t("common.area.coach") }]} />;
}
