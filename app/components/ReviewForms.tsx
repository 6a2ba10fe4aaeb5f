/** Approve, and Decline with a reason, for one pending post: on the review queue and on the post's page. */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/lib/i18n";
import { POST_LIMITS } from "~/modules/jobs/posting-lists";

export interface ReviewTarget {
  feed: string;
  jobId: string;
  /** The post's updated_at (ms) as this page shows it: an edit made meanwhile refuses the decision. */
  version: string;
  title: string;
}

/** reasonId: the id of the reason field, unique on the page (its error is `<reasonId>-error`). */
export function ReviewForms({ post, back, reasonId, error, typedReason }: { post: ReviewTarget; back: string; reasonId: string; error?: string; typedReason?: string }) {
  const t = useT();
  const hidden = (
    <>
      <CsrfInput />
      <input type="hidden" name="feed" value={post.feed} />
      <input type="hidden" name="jobId" value={post.jobId} />
      <input type="hidden" name="version" value={post.version} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  return (
    <div className="space-y-3">
      <Form method="post">
        {hidden}
        <input type="hidden" name="intent" value="approve" />
        <button type="submit" className="btn">
          {t("jobs.review.approve")}
          <span className="sr-only"> {t("jobs.mine.quotedTitle", { title: post.title })}</span>
        </button>
      </Form>
      <Form method="post" className="space-y-1">
        {hidden}
        <input type="hidden" name="intent" value="decline" />
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t("jobs.review.reasonLabel", { title: post.title, max: POST_LIMITS.declineReason })}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          defaultValue={error ? typedReason : undefined}
          dir="auto"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-error` : undefined}
          className={`w-full rounded border px-2 py-1.5 ${error ? "border-red-700" : "border-stone-400"}`}
        />
        {error ? (
          <p id={`${reasonId}-error`} className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-quiet">
          {t("jobs.review.decline")}
          <span className="sr-only"> {t("jobs.mine.quotedTitle", { title: post.title })}</span>
        </button>
      </Form>
    </div>
  );
}
