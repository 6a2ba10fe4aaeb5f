/**
 * /interviews/<id> (issue 19, item 6): one of the member's interviews in full: each planned
 * question in order with the answer and its feedback, "Skipped", or "Not answered yet" (with a
 * link to answer it while it is today's interview and open), and "Export as Markdown". Anyone
 * else's interview is 404: the member is in the query's WHERE.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerFeedback } from "~/components/interviews/AnswerFeedback";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { interviewInFull, isOpenToday } from "~/modules/interviews/history.server";
import { categoryName } from "~/modules/interviews/history-markdown";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const ctx = getCtx();
  const interview = await interviewInFull(ctx, user.id, params.id ?? "");
  if (!interview) throw new Response(translator(lang)("interviewsHistory.detail.notFound"), { status: 404 });
  const { zone } = await effectiveZone(ctx, user.id, request);
  const t = translator(lang);
  const open = isOpenToday(interview, zone);
  return {
    id: interview.id,
    date: formatDate(interview.interviewDate, lang),
    category: categoryName(t, interview.category),
    completed: interview.isCompleted,
    completedAt: interview.completedAt ? formatDateTime(interview.completedAt, zone, { lang }) : null,
    questions: interview.questions.map((q) => ({
      n: q.n,
      text: q.text,
      answer: q.state.kind === "answered" ? q.state.answer : null,
      feedback: q.state.kind === "answered" ? q.state.feedback : null,
      skipped: q.state.kind === "skipped",
      // Only today's open interview can still be answered (the answer page checks it again).
      answerHref: q.state.kind === "open" && open ? `/interviews/${interview.id}/q/${q.n}` : null,
    })),
    ...(await pageMessages(request, ["interviewsHistory", "interviewsReview"])),
  };
}

export default function InterviewInFull() {
  const iv = useLoaderData<typeof loader>();
  const t = useT();
  const title = t("interviewsHistory.list.item", { date: iv.date, category: iv.category });
  return (
    <article aria-labelledby="interview-title" className="space-y-4">
      <header className="card space-y-2">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h1 id="interview-title">{title}</h1>
          <StatusPill tone={iv.completed ? "green" : "amber"}>{iv.completed ? t("interviewsHistory.status.completed") : t("interviewsHistory.status.notCompleted")}</StatusPill>
        </div>
        {iv.completedAt ? <p className="meta">{t("interviewsHistory.detail.completedAt", { date: iv.completedAt })}</p> : null}
        <p className="flex flex-wrap gap-3">
          <a href={`/interviews/${iv.id}/export.md`} download>
            {t("interviewsHistory.detail.export")}
          </a>
          <Link to="/interviews/history">{t("interviewsHistory.detail.allInterviews")}</Link>
        </p>
      </header>
      {iv.questions.length === 0 ? (
        <p className="card">{t("interviewsHistory.detail.noQuestions")}</p>
      ) : (
        <ol className="space-y-3">
          {iv.questions.map((q) => (
            <li key={q.n} className="card space-y-2">
              <p className="meta">{t("interviewsHistory.detail.questionOf", { n: q.n, count: iv.questions.length })}</p>
              <h2 className="text-base font-semibold" dir="auto">
                {q.text}
              </h2>
              {q.answer !== null && q.feedback ? (
                <>
                  <h3 className="text-sm font-medium">{t("interviewsHistory.detail.yourAnswer")}</h3>
                  <p className="whitespace-pre-line break-words" dir="auto">
                    {q.answer}
                  </p>
                  <AnswerFeedback interviewId={iv.id} n={q.n} feedback={q.feedback} level={3} />
                </>
              ) : q.skipped ? (
                <p className="text-stone-700">{t("interviewsHistory.detail.skipped")}</p>
              ) : (
                <p className="text-stone-700">
                  {t("interviewsHistory.detail.notAnswered")}
                  {q.answerHref ? (
                    <>
                      {" "}
                      <Link to={q.answerHref}>{t("interviewsHistory.detail.answerNow")}</Link>
                    </>
                  ) : null}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(t("common.title.suffix", { title: args.data ? t("interviewsHistory.list.item", { date: args.data.date, category: args.data.category }) : t("interviewsHistory.detail.metaTitle") })),
  );

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/interviews", label: t("common.area.interviews") }]} />;
}
