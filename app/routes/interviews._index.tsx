/**
 * /interviews (issue 19, items 2, 4 and 5): today's mock interview. A visitor reads what the daily
 * interview is and a sign-in link. A member with no interview on their day (their own clock,
 * calendar's zone) picks a category and starts (a POST); a second start the same day, from
 * another tab, lands on the same interview. With an interview today: "Question 3 of 5" and
 * Continue (the first open question), or the summary once done; when the next one opens, in the
 * member's zone; and the streak.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser, requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { dateLabel, timeIn } from "~/modules/calendar";
import { effectiveZone } from "~/modules/calendar/index.server";
import { startSchema } from "~/modules/interviews/forms.server";
import { INTERVIEW_CATEGORIES, startInterview, todayView } from "~/modules/interviews/interviews.server";
import { nextDayStartsAt } from "~/modules/interviews/rules";

const DAY_MS = 86_400_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const messages = await pageMessages(request, ["interviews"]);
  if (!user) return { page: { kind: "visitor" as const }, ...messages };
  const lang = await languageOf(request);
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  const now = new Date();
  const view = await todayView(ctx, user.id, zone, now);
  const next = nextDayStartsAt(zone, now);
  const opens = { time: timeIn(zone, next.getTime()), day: dateLabel(new Date(view.today.getTime() + DAY_MS), lang), zone };
  // The categories' names only: the banks themselves never reach the browser.
  if (!view.interview) return { page: { kind: "start" as const, streak: view.streak, categories: [...INTERVIEW_CATEGORIES] }, ...messages };
  const i = view.interview;
  return {
    page: {
      kind: "today" as const,
      id: i.id,
      category: i.category,
      completed: i.isCompleted,
      firstOpen: i.firstOpen,
      done: i.questions.filter((q) => q.status !== "open").length,
      total: i.questions.length,
      questions: i.questions.map((q) => ({ n: q.n, text: q.text, status: q.status })),
      streak: view.streak,
      opens,
    },
    ...messages,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, startSchema, { maxBytes: 10_000 });
  if (!read.ok) return data({ error: read.errors.category ?? translator(await languageOf(request))("interviews.start.chooseCategory") }, { status: 400 });
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  const started = await startInterview(ctx, user.id, { category: read.data.category, lang: await languageOf(request), zone });
  if (started.kind !== "started") return data({ error: translator(await languageOf(request))("interviews.start.chooseCategory") }, { status: 400 });
  // A new interview opens at its first question (one round trip less); a second start the same
  // day (another tab) shows today's interview instead.
  return redirect(started.created ? `/interviews/${started.interviewId}/q/1` : "/interviews");
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>["page"];

function StartForm({ categories, error }: { categories: readonly string[]; error?: string }) {
  const t = useT();
  return (
    <Form method="post" className="card space-y-3" aria-labelledby="start-title">
      <CsrfInput />
      <h2 id="start-title">{t("interviews.start.title")}</h2>
      <ErrorSummary errors={error ? { category: error } : null} />
      <fieldset className="space-y-2" aria-describedby={error ? "category-error" : undefined}>
        <legend className="font-medium">{t("interviews.start.legend")}</legend>
        {categories.map((c, i) => (
          <div key={c} className="flex items-start gap-2">
            <input type="radio" id={i === 0 ? "category" : `category-${c}`} name="category" value={c} required className="mt-1.5" aria-describedby={`category-${c}-about`} />
            <label htmlFor={i === 0 ? "category" : `category-${c}`}>
              <span className="font-medium">{t(`interviews.category.${c}`)}</span>
              <span id={`category-${c}-about`} className="block text-sm text-stone-600">
                {t(`interviews.category.${c}.about`)}
              </span>
            </label>
          </div>
        ))}
        {error ? (
          <p id="category-error" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="btn">
        {t("interviews.start.submit")}
      </button>
    </Form>
  );
}

function Streak({ days }: { days: number }) {
  const t = useT();
  return <p className="font-medium">{days > 0 ? t("interviews.today.streak", { count: days }) : t("interviews.today.noStreak")}</p>;
}

function Today({ page }: { page: Extract<Page, { kind: "today" }> }) {
  const t = useT();
  const base = `/interviews/${page.id}/q`;
  return (
    <section className="card space-y-3" aria-labelledby="today-title">
      <h2 id="today-title">{page.category ? t("interviews.today.title", { category: t(`interviews.category.${page.category}`) }) : t("interviews.today.titlePlain")}</h2>
      {page.completed ? (
        <>
          <p>{t("interviews.today.finished")}</p>
          <ol className="list-decimal space-y-2 ps-5">
            {page.questions.map((q) => (
              <li key={q.n}>
                <Link to={`${base}/${q.n}`} dir="auto">
                  {q.text ?? t("interviews.question.lost")}
                </Link>{" "}
                <span className="text-sm text-stone-600">{t(`interviews.status.${q.status}`)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <p>{t("interviews.today.progress", { number: page.firstOpen ?? page.total, count: page.total, done: page.done })}</p>
          {page.firstOpen !== null ? (
            <p>
              <Link to={`${base}/${page.firstOpen}`} className="btn">
                {page.done === 0 ? t("interviews.today.begin") : t("interviews.today.continue")}
              </Link>
            </p>
          ) : null}
        </>
      )}
      <Streak days={page.streak} />
      <p className="text-sm text-stone-700">{t("interviews.today.nextOpens", page.opens)}</p>
    </section>
  );
}

export default function Interviews() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1>{t("interviews.title")}</h1>
        <p className="text-sm text-stone-600">{t("interviews.intro")}</p>
      </div>
      {page.kind === "visitor" ? (
        <p className="card space-y-1">
          <Link to={`/login?${new URLSearchParams({ redirectTo: "/interviews" })}`}>{t("interviews.signIn")}</Link>
          <span className="block text-sm text-stone-600">{t("interviews.signInHint")}</span>
        </p>
      ) : page.kind === "start" ? (
        <>
          <Streak days={page.streak} />
          <StartForm categories={page.categories} error={result?.error} />
        </>
      ) : (
        <Today page={page} />
      )}
      {page.kind === "visitor" ? null : (
        <p>
          <Link to="/interviews/history">{t("interviews.historyLink")}</Link>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("interviews.title") }), t("interviews.metaDescription")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/", label: t("common.error.backHome") }]} />;
}
