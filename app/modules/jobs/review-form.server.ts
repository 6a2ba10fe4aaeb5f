/**
 * The career team's Approve / Decline form, answered the same way on the review queue and on a
 * pending post's own page: a refusal (no reason, a stale page) comes back beside the form; a
 * decision redirects to `back` with a flash.
 */
import { data, redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { isFeedSlug, isJobId } from "./feeds";
import { decidePost, type Decision, type Poster } from "./posting.server";
import { checkDeclineReason } from "./posting-rules";

/** key: "<feed>/<jobId>" of the post the error belongs to; null when the form named no post. */
export type ReviewFailure = { key: string | null; error: string; reason: string };

/** The body the review form sends at most (a decline reason is the longest field). */
export const REVIEW_FORM_MAX_BYTES = 10_000;

/** Answers a review form the route has read (readForm, noFields: the fields are checked here, in order). */
export async function reviewAction(request: Request, form: FormData, staff: Poster, fallbackBack: string) {
  const t = await translatorFor(request);
  const intent = form.get("intent");
  const feed = form.get("feed");
  const jobId = form.get("jobId");
  const back = safeRedirectPath(form.get("back"), fallbackBack);
  const version = Number(form.get("version"));
  if ((intent !== "approve" && intent !== "decline") || !isFeedSlug(feed) || !isJobId(jobId) || !Number.isSafeInteger(version)) {
    return data<ReviewFailure>({ key: null, error: t("jobs.review.pickPost"), reason: "" }, { status: 400 });
  }
  const key = `${feed}/${jobId}`;
  let decision: Decision = { kind: "approve" };
  if (intent === "decline") {
    const typed = String(form.get("reason") ?? "");
    const checked = checkDeclineReason(typed, t);
    if (!checked.ok) return data<ReviewFailure>({ key, error: checked.error, reason: typed }, { status: 400 });
    decision = { kind: "decline", reason: checked.reason };
  }
  const outcome = await decidePost(getCtx(), staff, feed, jobId, decision, { baseUrl: publicOrigin(request), seenVersion: version });
  if (outcome.kind === "not_found") throw new Response(t("jobs.review.noPost"), { status: 404 });
  if (outcome.kind === "changed") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("jobs.review.changed", "info") } });
  }
  if (outcome.kind === "already_decided") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("jobs.review.alreadyDecided", "info") } });
  }
  // The poster's email goes out after the transaction; a failed send is logged by the mail service.
  void outcome.delivery;
  const id = outcome.kind === "approved" ? "jobs.review.approved" : "jobs.review.declined";
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(id, "success", { title: outcome.title ?? t("jobs.job.untitled") }) } });
}
