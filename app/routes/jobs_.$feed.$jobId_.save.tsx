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
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("jobs.save.notFound"), { status: 404 });

/** A GET (a reloaded or bookmarked form address, or the way back from sign-in) goes to the job. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isFeedSlug(params.feed) || !isJobId(params.jobId)) throw await notFound(request);
  return redirect(jobPath(params.feed, params.jobId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { feed, jobId } = params;
  if (!isFeedSlug(feed) || !isJobId(jobId)) throw await notFound(request);
  const parsed = await readForm(request, saveSchema, { maxBytes: 4_000 });
  const back = safeRedirectPath(parsed.form.get("back"), jobPath(feed, jobId));
  const user = await getCurrentUser(request);
  if (!user) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`, { headers: { "Set-Cookie": await flashHeader("jobs.save.signIn", "info") } });
  }
  if (!parsed.ok) throw new Response((await translatorFor(request))("jobs.save.badIntent"), { status: 400 });
  const ctx = getCtx();
  let message: string;
  if (parsed.data.intent === "save") {
    const outcome = await saveJob(ctx, user.id, feed, jobId);
    if (outcome === "not_found") throw await notFound(request);
    message = outcome === "saved" ? "jobs.save.done" : "jobs.save.already";
  } else {
    message = (await unsaveJob(ctx, user.id, feed, jobId)) ? "jobs.save.removed" : "jobs.save.notThere";
  }
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(message) } });
}

/** The loader always redirects; this page only shows a refused POST's error with a way back. */
export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  // Only the common words reach an error page: this route sends no messages of its own.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/jobs", label: t("common.area.jobs") }]} />;
}
