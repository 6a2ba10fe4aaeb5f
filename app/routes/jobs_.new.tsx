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
import { isStaff, POST_FIELDS, postedMessageId } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feed = new URL(request.url).searchParams.get("feed");
  return { staff: isStaff(user.role), feed: isFeedSlug(feed) ? feed : "general", ...(await pageMessages(request, ["jobs"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, postForm(), { maxBytes: 60_000 });
  const values = pick(read.values, POST_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await createPost(getCtx(), { id: user.id, role: user.role }, read.data);
  if (outcome.kind === "limited") {
    const t = await translatorFor(request);
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    throw new Response(t("jobs.new.limited", { minutes }), { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
  }
  return redirect("/jobs/mine", { headers: { "Set-Cookie": await flashHeader(postedMessageId(outcome.status)) } });
}

export default function NewJob() {
  const { staff, feed } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="new-job-title" className="space-y-4">
      <h1 id="new-job-title">{t("jobs.new.title")}</h1>
      <p>
        {t(staff ? "jobs.new.staff" : "jobs.new.member")} <Link to="/jobs/mine">{t("jobs.yourPosts")}</Link>
      </p>
      <JobPostForm values={failed?.values ?? { feed }} errors={failed?.errors} submitLabel={t("jobs.new.submit")} cancelHref="/jobs/mine" />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.new.title") })));
