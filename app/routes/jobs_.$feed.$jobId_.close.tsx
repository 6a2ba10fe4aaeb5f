/** /jobs/<feed>/<job_id>/close: the confirmation step, and the POST that closes a post. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isFeedSlug, jobPath, type FeedSlug } from "~/modules/jobs/feeds";
import { closePost, getClosablePost } from "~/modules/jobs/posting.server";
import { isStaff } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";

const notYours = (t: Translate) => new Response(t("jobs.close.notYours"), { status: 404 });

function target(params: { feed?: string; jobId?: string }, t: Translate): { feed: FeedSlug; jobId: string } {
  if (!isFeedSlug(params.feed) || !params.jobId) throw notYours(t);
  return { feed: params.feed, jobId: params.jobId };
}

const backFor = (role: string | null, mine: boolean) => (isStaff(role) && !mine ? "/jobs/review" : "/jobs/mine");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const { feed, jobId } = target(params, t);
  const post = await getClosablePost(getCtx(), { id: user.id, role: user.role }, feed, jobId);
  if (!post) throw notYours(t);
  return {
    title: post.title ?? t("jobs.job.untitled"),
    employer: post.employer,
    closed: post.status === "closed",
    jobHref: jobPath(feed, jobId),
    back: backFor(user.role, post.posterId === user.id),
    ...(await pageMessages(request, ["jobs"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const { feed, jobId } = target(params, t);
  await readForm(request, noFields, { maxBytes: 5_000 });
  const ctx = getCtx();
  const me = { id: user.id, role: user.role };
  const post = await getClosablePost(ctx, me, feed, jobId);
  const outcome = await closePost(ctx, me, feed, jobId);
  if (outcome === "not_found") throw notYours(t);
  const back = backFor(user.role, post?.posterId === user.id);
  const message = outcome === "closed" ? "jobs.close.done" : "jobs.close.already";
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(message, outcome === "closed" ? "success" : "info") } });
}

export default function CloseJob() {
  const { title, employer, closed, jobHref, back } = useLoaderData<typeof loader>();
  const t = useT();
  if (closed) {
    return (
      <section aria-labelledby="close-title" className="card space-y-3">
        <h1 id="close-title">{t("jobs.close.closedTitle", { title })}</h1>
        <p>{t("jobs.close.offList")}</p>
        <p>
          <Link to={back}>{t("jobs.close.back")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="close-title" className="card space-y-3">
      <h1 id="close-title">{employer ? t("jobs.close.titleAt", { title, employer }) : t("jobs.close.title", { title })}</h1>
      <p>{t("jobs.close.explain")}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">{t("jobs.close.submit")}</Button>
        <Link to={back}>{t("jobs.cancel")}</Link>
        <Link to={jobHref}>{t("jobs.seePost")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.close.meta") })));
