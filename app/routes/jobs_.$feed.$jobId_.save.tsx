/**
 * POST /jobs/<feed>/<job_id>/save: the Save / Saved toggle of the feeds and the job page.
 * `intent=save` keeps a listed job on the member's list (saving twice changes nothing),
 * `intent=unsave` removes the member's own save. Both go back to the page the form was on
 * (`back`, a local path) with a flash. A visitor is sent to sign in and comes back to that page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { saveSchema } from "~/modules/jobs/forms.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { isFeedSlug, isJobId, jobPath } from "~/modules/jobs/feeds";
import { saveJob, unsaveJob } from "~/modules/jobs/saved.server";
import { flashHeader } from "~/services/flash.server";

const NOT_FOUND = "There is no such job, or it is not listed any more, so it cannot be saved.";

/** A GET (a reloaded or bookmarked form address, or the way back from sign-in) goes to the job. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isFeedSlug(params.feed) || !isJobId(params.jobId)) throw new Response(NOT_FOUND, { status: 404 });
  return redirect(jobPath(params.feed, params.jobId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { feed, jobId } = params;
  if (!isFeedSlug(feed) || !isJobId(jobId)) throw new Response(NOT_FOUND, { status: 404 });
  const parsed = await readForm(request, saveSchema, { maxBytes: 4_000 });
  const back = safeRedirectPath(parsed.form.get("back"), jobPath(feed, jobId));
  const user = await getCurrentUser(request);
  if (!user) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers: { "Set-Cookie": await flashHeader("Sign in to save jobs to your list.", "info") } });
  }
  if (!parsed.ok) throw new Response("Choose Save or Saved on a job.", { status: 400 });
  const ctx = getCtx();
  let message: string;
  if (parsed.data.intent === "save") {
    const outcome = await saveJob(ctx, user.id, feed, jobId);
    if (outcome === "not_found") throw new Response(NOT_FOUND, { status: 404 });
    message = outcome === "saved" ? "Job saved. Your list is at Saved jobs." : "That job was already on your saved jobs.";
  } else {
    message = (await unsaveJob(ctx, user.id, feed, jobId)) ? "Job removed from your saved jobs." : "That job was not on your saved jobs.";
  }
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(message) } });
}

/** The loader always redirects; this page only shows a refused POST's error with a way back. */
export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/jobs", label: "Jobs" }, { to: "/jobs/saved", label: "Saved jobs" }]} />;
}
