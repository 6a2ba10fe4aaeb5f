/**
 * The career team's Approve / Decline form, answered the same way on the review queue and on a
 * pending post's own page: a refusal (no reason, a stale page) comes back beside the form; a
 * decision redirects to `back` with a flash.
 */
import { data, redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { parseForm } from "~/modules/accounts/index.server";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { isFeedSlug, isJobId } from "./feeds";
import { decidePost, type Decision, type Poster } from "./posting.server";
import { checkDeclineReason } from "./posting-rules";

/** key: "<feed>/<jobId>" of the post the error belongs to; null when the form named no post. */
export type ReviewFailure = { key: string | null; error: string; reason: string };

export async function reviewAction(request: Request, staff: Poster, fallbackBack: string) {
  const form = await parseForm(request, { maxBytes: 10_000 });
  const intent = form.get("intent");
  const feed = form.get("feed");
  const jobId = form.get("jobId");
  const back = safeRedirectPath(form.get("back"), fallbackBack);
  const version = Number(form.get("version"));
  if ((intent !== "approve" && intent !== "decline") || !isFeedSlug(feed) || !isJobId(jobId) || !Number.isSafeInteger(version)) {
    return data<ReviewFailure>({ key: null, error: "Choose a post and an action from the list on this page.", reason: "" }, { status: 400 });
  }
  const key = `${feed}/${jobId}`;
  let decision: Decision = { kind: "approve" };
  if (intent === "decline") {
    const typed = String(form.get("reason") ?? "");
    const checked = checkDeclineReason(typed);
    if (!checked.ok) return data<ReviewFailure>({ key, error: checked.error, reason: typed }, { status: 400 });
    decision = { kind: "decline", reason: checked.reason };
  }
  const outcome = await decidePost(getCtx(), staff, feed, jobId, decision, { baseUrl: publicOrigin(request), seenVersion: version });
  if (outcome.kind === "not_found") throw new Response("There is no post at this address. It may have been removed.", { status: 404 });
  if (outcome.kind === "changed") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("The poster changed that post after this page was loaded, so nothing was decided. Read it again below.", "info") } });
  }
  if (outcome.kind === "already_decided") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("That post was already decided by someone else (or closed by its poster); nothing changed.", "info") } });
  }
  // The poster's email goes out after the transaction; a failed send is logged by the mail service.
  void outcome.delivery;
  const text = outcome.kind === "approved" ? `Approved and listed: “${outcome.title}”. The poster is told.` : `Declined: “${outcome.title}”. The poster is told why.`;
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text) } });
}
