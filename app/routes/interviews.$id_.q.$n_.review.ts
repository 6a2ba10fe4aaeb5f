/**
 * POST /interviews/<id>/q/<n>/review: the review of the member's answer to question n, streamed
 * as it is written (pages with JavaScript; AnswerFeedback asks for it when an answer has no
 * feedback yet). See app/modules/interviews/review.server.ts for the NDJSON format. Answers that
 * are not the member's are 404 (as JSON, like every error before the stream starts); GET is 405.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf, translator, translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { answerIdFor, streamReview } from "~/modules/interviews/review.server";
import { questionNumber } from "~/modules/interviews/rules";

const json = (body: object, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields); // the CSRF token
  const lang = await languageOf(request);
  const ctx = getCtx();
  const n = questionNumber(params.n);
  const progressId = n === null ? null : await answerIdFor(ctx, user.id, params.id ?? "", n);
  const streamed = progressId === null ? null : await streamReview(ctx, { userId: user.id, progressId, lang, signal: request.signal });
  return streamed ?? json({ error: translator(lang)("interviewsReview.stream.noSuch") }, 404);
}

export async function loader({ request }: LoaderFunctionArgs) {
  throw new Response((await translatorFor(request))("interviewsReview.stream.getOnly"), { status: 405 });
}
