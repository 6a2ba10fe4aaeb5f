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
import { pageMeta } from "~/lib/meta";

const NOT_YOURS = "There is no post of yours at this address to close. Only the member who posted a job (or the career team) can close it.";

function target(params: { feed?: string; jobId?: string }): { feed: FeedSlug; jobId: string } {
  if (!isFeedSlug(params.feed) || !params.jobId) throw new Response(NOT_YOURS, { status: 404 });
  return { feed: params.feed, jobId: params.jobId };
}

const backFor = (role: string | null, mine: boolean) => (isStaff(role) && !mine ? "/jobs/review" : "/jobs/mine");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { feed, jobId } = target(params);
  const post = await getClosablePost(getCtx(), { id: user.id, role: user.role }, feed, jobId);
  if (!post) throw new Response(NOT_YOURS, { status: 404 });
  return {
    title: post.title ?? "Untitled job",
    employer: post.employer,
    closed: post.status === "closed",
    jobHref: jobPath(feed, jobId),
    back: backFor(user.role, post.posterId === user.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { feed, jobId } = target(params);
  await readForm(request, noFields, { maxBytes: 5_000 });
  const ctx = getCtx();
  const me = { id: user.id, role: user.role };
  const post = await getClosablePost(ctx, me, feed, jobId);
  const outcome = await closePost(ctx, me, feed, jobId);
  if (outcome === "not_found") throw new Response(NOT_YOURS, { status: 404 });
  const back = backFor(user.role, post?.posterId === user.id);
  const message = outcome === "closed" ? "The post is closed: it is off the list and takes no new applications." : "That post was already closed.";
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(message, outcome === "closed" ? "success" : "info") } });
}

export default function CloseJob() {
  const { title, employer, closed, jobHref, back } = useLoaderData<typeof loader>();
  if (closed) {
    return (
      <section aria-labelledby="close-title" className="card space-y-3">
        <h1 id="close-title">{`“${title}” is closed`}</h1>
        <p>It is off the list and takes no new applications.</p>
        <p>
          <Link to={back}>Back</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="close-title" className="card space-y-3">
      <h1 id="close-title">{`Close “${title}”${employer ? ` at ${employer}` : ""}?`}</h1>
      <p>The job comes off the list and takes no new applications. Applications already sent stay, and you can still answer them. A closed post cannot be opened again.</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">
          Close the post
        </Button>
        <Link to={back}>Cancel</Link>
        <Link to={jobHref}>See the post</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Close a job post | Ladder");
