/** /coach: your chats with the AI career coach (newest first, keyset pages) and a form to start one. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { aiErrorMessage, aiMode } from "~/modules/coach/ai.server";
import { coachCursor, listChats, startChat } from "~/modules/coach/chats.server";
import { messagesLeft, quotaLine, quotaReachedSentence } from "~/modules/coach/quota.server";
import { MESSAGE_MAX } from "~/modules/coach/rules";
import { messageSchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = coachCursor.from(url.searchParams.get("cursor"), "chats");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /coach.", { status: 400 });
  const ctx = getCtx();
  const [page, left] = await Promise.all([listChats(ctx, user.id, { after }), messagesLeft(ctx, user.id, new Date())]);
  return {
    paged: Boolean(after),
    chats: page.rows.map((c) => ({ id: c.id, title: c.title, at: formatDate(c.createdAt), visibility: c.visibility })),
    nextHref: page.next ? `/coach?${new URLSearchParams({ cursor: coachCursor.to(page.next, "chats") })}` : null,
    left,
    quota: quotaLine(left),
    offline: aiMode() === "offline",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, messageSchema, { maxBytes: 40_000 });
  if (!read.ok) return data({ errors: read.errors, message: read.values.message ?? "" }, { status: 400 });
  const now = new Date();
  const outcome = await startChat(getCtx(), user.id, read.data.message, now);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now), { status: 429 });
  if (outcome.kind === "not_found") throw new Response("That chat was deleted.", { status: 404 });
  if (outcome.kind === "failed") {
    const text = `${aiErrorMessage(outcome.reason)} Your message is kept and did not use up today's quota; press Retry to ask again.`;
    return redirect(`/coach/${outcome.chatId}#${outcome.messageId}`, { headers: { "Set-Cookie": await flashHeader(text, "error") } });
  }
  return redirect(`/coach/${outcome.chatId}#${outcome.replyId}`);
}

export default function Coach() {
  const { chats, nextHref, paged, left, quota, offline } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="coach-title" className="space-y-4">
      <h1 id="coach-title">Career coach</h1>
      <p>
        Ask about your CV, interviews, pay or your next step. The coach reads your profile.{" "}
        {offline ? <strong>The coach is offline: replies come from Ladder&apos;s built-in tips.</strong> : null}
      </p>
      <p>
        <Link to="/documents">Your documents</Link>: cover letters, CV summaries and plans, with versions and the coach&apos;s suggestions.
      </p>
      <div className="card space-y-2">
        <h2>Start a chat</h2>
        <p id="quota" className="text-sm">
          <strong>{quota}</strong> (resets at midnight UTC){offline ? ". Offline replies are free: they do not use any of them." : null}
        </p>
        {left === 0 && !offline ? (
          <p>You have used your 7 messages for today. You can still read your chats.</p>
        ) : (
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <ErrorSummary errors={failed?.errors} labels={{ message: "Message" }} />
            <TextareaField
              label="Your message"
              name="message"
              rows={4}
              maxLength={MESSAGE_MAX}
              required
              defaultValue={failed?.message}
              error={failed?.errors.message}
            />
            <Button disabled={sending}>
              {sending ? "Sending…" : "Start chat"}
            </Button>
          </Form>
        )}
      </div>
      <section aria-labelledby="chats-title" className="space-y-2">
        <h2 id="chats-title">Your chats</h2>
        {chats.length === 0 ? (
          <p className="text-stone-600">{paged ? "No more chats." : "No chats yet. Start one above."}</p>
        ) : (
          <ul aria-label="Your chats" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {chats.map((c) => (
              <li key={c.id} className="p-3">
                <Link to={`/coach/${c.id}`} className="font-medium">
                  {c.title}
                </Link>
                <span className="text-sm text-stone-600">
                  {" "}
                  · {c.at}
                  {c.visibility === "public" ? " · public" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {nextHref ? <Link to={nextHref}>Older chats</Link> : null}
        {paged ? (
          <p>
            <Link to="/coach">Back to your newest chats</Link>
          </p>
        ) : null}
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Career coach | Ladder");
