/** /jobs/new: post a job. Career team and admins post listed jobs; everyone else's wait for approval. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { JobPostForm } from "~/components/JobPostForm";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isFeedSlug } from "~/modules/jobs/feeds";
import { createPost } from "~/modules/jobs/posting.server";
import { postForm } from "~/modules/jobs/forms.server";
import { isStaff, POST_FIELDS, postedMessage } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { tooManyRequests } from "~/services/rate-limit.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feed = new URL(request.url).searchParams.get("feed");
  return { staff: isStaff(user.role), feed: isFeedSlug(feed) ? feed : "general" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, postForm(), { maxBytes: 60_000 });
  const values = pick(read.values, POST_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await createPost(getCtx(), { id: user.id, role: user.role }, read.data);
  if (outcome.kind === "limited") throw tooManyRequests("You have posted many jobs in the last hour.", outcome.retryAfterSeconds);
  return redirect("/jobs/mine", { headers: { "Set-Cookie": await flashHeader(postedMessage(outcome.status)) } });
}

export default function NewJob() {
  const { staff, feed } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-job-title" className="space-y-4">
      <h1 id="new-job-title">Post a job</h1>
      <p>
        {staff
          ? "You post for the career team: the job is listed as soon as you save it."
          : "Share a job with Ladder's members. The career team checks each post before it is listed; you will be told when they approve it, or why not."}{" "}
        <Link to="/jobs/mine">Your posts</Link>
      </p>
      <JobPostForm values={failed?.values ?? { feed }} errors={failed?.errors} submitLabel="Post the job" cancelHref="/jobs/mine" />
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Post a job | Ladder");
