/**
 * /interviews/history (issue 19, item 6): the member's interviews, newest day first, in keyset
 * pages of 10 ("Older interviews" carries a signed cursor: the last day shown). Each shows its day
 * (in the member's language), category, whether it was completed, how many questions were answered
 * and skipped, and the questions as asked; the answers and feedback are on /interviews/<id>, which
 * keeps this page light. The member's streak at the top.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { brokenPageLink } from "~/lib/cursor.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { historyCursor, historyPage } from "~/modules/interviews/history.server";
import { categoryName } from "~/modules/interviews/history-markdown";
import { memberDay } from "~/modules/interviews/rules";
import { streakFor } from "~/modules/interviews/streak.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const after = historyCursor.from(new URL(request.url).searchParams.get("cursor"), "history");
  if (after === null) throw brokenPageLink("/interviews/history");
  const ctx = getCtx();
  const [{ zone }, lang] = await Promise.all([effectiveZone(ctx, user.id, request), languageOf(request)]);
  const [page, streak] = await Promise.all([historyPage(ctx, user.id, after), streakFor(ctx, user.id, memberDay(zone, new Date()))]);
  const t = translator(lang);
  return {
    paged: after !== undefined,
    streak,
    items: page.items.map((iv) => ({
      id: iv.id,
      date: formatDate(iv.interviewDate, lang),
      category: categoryName(t, iv.category),
      completed: iv.isCompleted,
      planned: iv.planned,
      answered: iv.answered,
      skipped: iv.skipped,
      questions: iv.questions,
    })),
    nextHref: page.next === null ? null : `/interviews/history?${new URLSearchParams({ cursor: historyCursor.to(page.next, "history") })}`,
    ...(await pageMessages(request, ["interviewsHistory"])),
  };
}

export default function InterviewHistory() {
  const { paged, streak, items, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="history-title" className="space-y-4">
      <div className="space-y-1">
        <h1 id="history-title">{t("interviewsHistory.list.title")}</h1>
        <p data-testid="interview-streak">{streak > 0 ? t("interviewsHistory.streak.days", { count: streak }) : t("interviewsHistory.streak.none")}</p>
        <p className="text-sm">
          <Link to="/interviews">{t("interviewsHistory.list.today")}</Link>
        </p>
      </div>
      {items.length === 0 ? (
        <div className="card space-y-2">
          <p>{paged ? t("interviewsHistory.list.noMore") : t("interviewsHistory.list.empty")}</p>
          <p>
            <Link to={paged ? "/interviews/history" : "/interviews"}>{paged ? t("interviewsHistory.list.newest") : t("interviewsHistory.list.start")}</Link>
          </p>
        </div>
      ) : (
        <ol aria-label={t("interviewsHistory.list.title")} className="list">
          {items.map((iv) => (
            <li key={iv.id} className="space-y-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <h2 className="text-base">
                  <Link to={`/interviews/${iv.id}`}>{t("interviewsHistory.list.item", { date: iv.date, category: iv.category })}</Link>
                </h2>
                <StatusPill tone={iv.completed ? "green" : "amber"}>{iv.completed ? t("interviewsHistory.status.completed") : t("interviewsHistory.status.notCompleted")}</StatusPill>
              </div>
              <p className="meta">{t("interviewsHistory.list.counts", { answered: iv.answered, skipped: iv.skipped, planned: iv.planned })}</p>
              {iv.questions.length > 0 ? (
                <ol className="list-decimal space-y-0.5 ps-6 text-sm text-stone-700">
                  {iv.questions.map((q, i) => (
                    <li key={i} dir="auto">
                      {q}
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref} rel="next">
            {t("interviewsHistory.list.older")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("interviewsHistory.list.metaTitle")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/interviews", label: t("common.area.interviews") }]} />;
}
