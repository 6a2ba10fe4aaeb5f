/**
 * /interviews/<id>/q/<n> (issue 19, items 3 to 5): one question of the member's interview. Not
 * found (404) unless the interview is the signed-in member's (the member is in the query's WHERE)
 * and n is 1 to 5 and in its plan. An open question shows a textarea (at most 4,000 characters;
 * with JavaScript a counter), "Submit answer" and "Skip this question"; an answered one shows the
 * answer as stored and its feedback (AnswerFeedback), with the next question or the summary.
 *
 * POST intent=answer stores the answer (a double submit keeps the first), completes the
 * interview when it was the last open question, and without JavaScript reviews it before the
 * page comes back, outside the transaction; with JavaScript (stream=1) it redirects at once and
 * AnswerFeedback streams the review. intent=review reviews a stored answer again. intent=skip
 * skips an open question and goes to the next open one (or the summary).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { AnswerFeedback, StreamFlag } from "~/components/interviews/AnswerFeedback";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getCtx } from "~/db.server";
import { formatNumber } from "~/lib/format";
import { useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { questionSchema } from "~/modules/interviews/forms.server";
import { answerQuestion, interviewView, skipQuestion } from "~/modules/interviews/interviews.server";
import { feedbackStates, reviewAnswer } from "~/modules/interviews/review.server";
import { ANSWER_MAX, memberDay, questionNumber } from "~/modules/interviews/rules";

const notFound = (message: string) => new Response(message, { status: 404 });

/** The member's interview and the question's number, or a 404. */
async function located(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const n = questionNumber(params.n);
  const id = uuidOf(params.id);
  const ctx = getCtx();
  const view = n !== null && id !== null ? await interviewView(ctx, user.id, id) : null;
  const question = view && n !== null ? view.questions[n - 1] : undefined;
  if (!view || !question || n === null) throw notFound(t("interviews.question.notFound"));
  return { user, lang, t, ctx, n, view, question };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, ctx, n, view, question } = await located(request, params);
  const { zone } = await effectiveZone(ctx, user.id, request);
  const feedback = question.progressId ? ((await feedbackStates(ctx, [question.progressId])).get(question.progressId) ?? null) : null;
  return {
    interview: {
      id: view.id,
      category: view.category,
      completed: view.isCompleted,
      isToday: view.interviewDate.getTime() === memberDay(zone, new Date()).getTime(),
      firstOpen: view.firstOpen,
      questions: view.questions.map((q) => ({ n: q.n, status: q.status })),
    },
    n,
    question: { text: question.text, status: question.status, answer: question.answer },
    feedback: feedback ?? { text: null, source: null, aiFailed: false },
    ...(await pageMessages(request, ["interviews", "interviewsReview"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, lang, t, ctx, n, view, question } = await located(request, params);
  const read = await readForm(request, questionSchema, { maxBytes: 100_000 });
  if (!read.ok) {
    if (!read.errors.answer) throw new Response(t("interviews.form.refused"), { status: 400 });
    return data({ kind: "invalid" as const, errors: read.errors, answer: read.values.answer ?? "" }, { status: 400 });
  }
  const ahead = async () => {
    const { zone } = await effectiveZone(ctx, user.id, request);
    const isToday = view.interviewDate.getTime() === memberDay(zone, new Date()).getTime();
    return isToday ? "/interviews" : `/interviews/${view.id}`;
  };
  switch (read.data.intent) {
    case "answer": {
      const stored = await answerQuestion(ctx, user.id, view.id, n, read.data.answer);
      if (stored.kind === "not_found") throw notFound(t("interviews.question.notFound"));
      if (stored.kind === "lost") return data({ kind: "lost" as const }, { status: 409 });
      // With JavaScript the review streams in on the page; without it, the page comes back with it.
      if (!read.data.stream && stored.created) await reviewAnswer(ctx, { userId: user.id, progressId: stored.progressId, lang, signal: request.signal });
      return read.data.stream ? redirect(`/interviews/${view.id}/q/${n}`) : { kind: "answered" as const };
    }
    case "review": {
      if (!question.progressId) throw new Response(t("interviews.form.refused"), { status: 400 });
      await reviewAnswer(ctx, { userId: user.id, progressId: question.progressId, lang, signal: request.signal });
      return { kind: "reviewed" as const };
    }
    default: {
      const skipped = await skipQuestion(ctx, user.id, view.id, n);
      if (skipped.kind === "not_found") throw notFound(t("interviews.question.notFound"));
      return redirect(skipped.next !== null ? `/interviews/${view.id}/q/${skipped.next}` : await ahead());
    }
  }
}

/** "1,234 of 4,000", once the page runs JavaScript (without it there is nothing to count with). */
function Counter({ length }: { length: number }) {
  const t = useT();
  const lang = useLanguage();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <p id="answer-count" aria-live="polite" className={`text-sm ${length > ANSWER_MAX ? "text-red-800" : "text-stone-600"}`}>
      {t("interviews.answer.counter", { count: formatNumber(length, lang), max: formatNumber(ANSWER_MAX, lang) })}
    </p>
  );
}

function AnswerForm({ error, typed }: { error?: string; typed: string }) {
  const t = useT();
  const [length, setLength] = useState(typed.length);
  return (
    <Form method="post" className="space-y-3">
      <CsrfInput />
      <StreamFlag />
      <ErrorSummary errors={error ? { answer: error } : null} labels={{ answer: t("interviews.answer.label") }} />
      <div className="space-y-1">
        <label htmlFor="answer" className="block font-medium">
          {t("interviews.answer.label")}
        </label>
        <textarea
          id="answer"
          name="answer"
          rows={10}
          maxLength={ANSWER_MAX}
          required
          dir="auto"
          defaultValue={typed}
          onChange={(event) => setLength(event.currentTarget.value.length)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "answer-error" : undefined}
          className={`w-full rounded border px-2 py-1.5 ${error ? "border-red-700" : "border-stone-400"}`}
        />
        <Counter length={length} />
        {error ? (
          <p id="answer-error" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="answer" className="btn">
          {t("interviews.answer.submit")}
        </button>
        <button type="submit" name="intent" value="skip" formNoValidate className="btn-quiet">
          {t("interviews.answer.skip")}
        </button>
      </div>
    </Form>
  );
}

function SkipOnly() {
  const t = useT();
  return (
    <Form method="post">
      <CsrfInput />
      <button type="submit" name="intent" value="skip" className="btn-quiet">
        {t("interviews.answer.skip")}
      </button>
    </Form>
  );
}

export default function InterviewQuestion() {
  const { interview, n, question, feedback } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const total = interview.questions.length;
  const summary = interview.isToday ? "/interviews" : `/interviews/${interview.id}`;
  const invalid = result && result.kind === "invalid" ? result : null;
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <p className="text-sm text-stone-600">
          {interview.category ? t(`interviews.category.${interview.category}`) : null} · {t("interviews.question.of", { number: n, count: total })}
        </p>
        <h1 dir="auto">{question.text ?? t("interviews.question.lostTitle")}</h1>
      </div>
      {question.status === "answered" ? (
        <section className="card space-y-3" aria-labelledby="your-answer">
          <h2 id="your-answer">{t("interviews.answer.yours")}</h2>
          <p dir="auto" className="whitespace-pre-wrap">
            {question.answer}
          </p>
          <AnswerFeedback interviewId={interview.id} n={n} feedback={feedback} />
          <p>
            {interview.firstOpen !== null ? (
              <Link to={`/interviews/${interview.id}/q/${interview.firstOpen}`} className="btn">
                {t("interviews.question.next")}
              </Link>
            ) : (
              <Link to={summary} className="btn">
                {interview.isToday ? t("interviews.question.summary") : t("interviews.question.interview")}
              </Link>
            )}
          </p>
        </section>
      ) : question.text === null ? (
        <section className="card space-y-3">
          <p>{t("interviews.question.lost")}</p>
          {question.status === "open" ? <SkipOnly /> : null}
        </section>
      ) : (
        <section className="card space-y-3">
          {question.status === "skipped" ? <p>{t("interviews.question.skipped")}</p> : null}
          {result?.kind === "lost" ? <p role="alert">{t("interviews.question.lost")}</p> : null}
          <AnswerForm key={n} error={invalid?.errors.answer} typed={invalid?.answer ?? ""} />
        </section>
      )}
      <nav aria-label={t("interviews.question.nav")}>
        <ol className="flex flex-wrap gap-2">
          {interview.questions.map((q) => (
            <li key={q.n}>
              <Link
                to={`/interviews/${interview.id}/q/${q.n}`}
                aria-current={q.n === n ? "page" : undefined}
                className={`inline-block min-w-11 rounded border px-3 py-2 text-center ${q.n === n ? "border-stone-800 font-semibold" : "border-stone-300"}`}
                aria-label={t("interviews.question.link", { number: q.n, status: t(`interviews.status.${q.status}`) })}
              >
                {q.n}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      {/* An answered last question already ends with this link as its button. */}
      {question.status === "answered" && interview.firstOpen === null ? null : (
        <p>
          <Link to={summary}>{interview.isToday ? t("interviews.question.back") : t("interviews.question.interview")}</Link>
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data ? t("interviews.question.of", { number: args.data.n, count: args.data.interview.questions.length }) : t("interviews.title") })));

export function ErrorBoundary() {
  const t = useT();
  // The route's own messages are not there when its loader failed: the way back is named with common's.
  return <RouteErrorBoundary back={[{ to: "/interviews", label: t("common.area.interviews") }]} />;
}
