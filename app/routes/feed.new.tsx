/**
 * /feed/new: a member writes a post (issue 17): text, topic, company, industry, an image, "post
 * anonymously" (ticked). /feed's short form posts here too, so a problem with it comes back on
 * this page with what was typed. A member posting anonymously without an anonymous name is asked
 * for one first (the name step, with the draft carried in the form), then gets the draft back to
 * finish. At most 10 posts an hour (429 with Retry-After). Posted: to the post's page, with a flash.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { NameStep, PostForm } from "~/components/feed/PostForm";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { FEED_FORM, intentForm } from "~/modules/feed/post-forms.server";
import { FEED_MESSAGES, isTopic, postHref } from "~/modules/feed/rules";
import { anonymousIdentity, submitNewPost } from "~/modules/feed/write.server";
import { ANONYMOUS_AVATARS } from "~/modules/profile/anonymous-avatars";
import { flashHeader } from "~/services/flash.server";
import { tooManyRequests } from "~/services/rate-limit.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const identity = await anonymousIdentity(getCtx(), user.id);
  const topic = new URL(request.url).searchParams.get("topic");
  return {
    postingAs: identity.name,
    topic: isTopic(topic) ? topic : null,
    // The name step's pictures, named in the reader's language (only a member without a name needs them).
    pictures: identity.name === null ? ANONYMOUS_AVATARS.map((name) => ({ name, label: t(`profile.anonymous.picture.${name}`) })) : [],
    ...(await pageMessages(request, ["feed"])),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const read = await readForm(request, intentForm, FEED_FORM);
  const intent = read.ok ? read.data.intent : "post";
  const outcome = await submitNewPost(getCtx(), user, intent, read, t, { ip: clientIp(context), userAgent: userAgentOf(request), sessionId: user.sessionId });
  if (outcome.kind === "posted") return redirect(postHref(outcome.postId), { headers: { "Set-Cookie": await flashHeader("feed.new.done") } });
  if (outcome.kind === "tooMany") throw tooManyRequests(FEED_MESSAGES.tooMany, outcome.retryAfterSeconds, t);
  if (outcome.kind === "name") {
    return data({ step: "name" as const, errors: outcome.errors, values: outcome.values, nameValues: outcome.nameValues, draftImage: outcome.draftImage, notice: null }, { status: outcome.status });
  }
  return data({ step: "form" as const, errors: outcome.errors, values: outcome.values, nameValues: {}, draftImage: outcome.draftImage, notice: outcome.notice ?? null }, { status: outcome.status });
}

export default function NewFeedPost() {
  const { postingAs, topic, pictures } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  if (answer?.step === "name") {
    return (
      <section aria-labelledby="name-title" className="card space-y-4">
        <h1 id="name-title">{t("feed.name.title")}</h1>
        <NameStep draft={answer.values} draftImage={answer.draftImage} values={answer.nameValues} errors={answer.errors} pictures={pictures} />
      </section>
    );
  }
  return (
    <section aria-labelledby="new-post-title" className="card space-y-4">
      <h1 id="new-post-title">{t("feed.new.title")}</h1>
      {answer?.notice ? (
        <p role="status" className="rounded border-s-4 border-teal-700 bg-teal-50 p-3">
          {answer.notice}
        </p>
      ) : null}
      <PostForm
        // A draft handed back (after the name step) fills the form anew.
        key={answer ? JSON.stringify([answer.values, answer.draftImage]) : "new"}
        action="/feed/new"
        values={answer?.values ?? null}
        errors={answer?.errors}
        create={{ postingAs, draftImage: answer?.draftImage ?? null, topic }}
        submitLabel={t("feed.form.submit")}
        cancelHref="/feed"
      />
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feed.new.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
