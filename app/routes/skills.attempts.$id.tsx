/**
 * /skills/attempts/<id> (issue 18, item 3): the member's own attempt (anyone else's is 404, the
 * member is in the query's WHERE): the score, passed or not (70% or more), each question as the
 * draw showed it with the member's answer, the right one and why, their best score so far, and a
 * link to retake the test (or when that is possible). An attempt without a draw (made before
 * tests were drawn, or scale data) shows its score and says the questions were not kept.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { passes, PASS_PERCENT, percentOf, UNANSWERED } from "~/modules/skills/rules";
import { attemptResult, idOf } from "~/modules/skills/tests.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const ctx = getCtx();
  const attemptId = idOf(params.id);
  const result = attemptId === null ? null : await attemptResult(ctx, user.id, attemptId);
  if (!result) throw new Response(translator(lang)("skills.result.notFound"), { status: 404 });
  const { zone } = await effectiveZone(ctx, user.id, request);
  const { best } = result;
  return {
    attempt: {
      id: result.id,
      skillId: result.skillId,
      skill: result.skillName,
      retired: result.skillRetired,
      score: result.score,
      total: result.total,
      percent: percentOf(result),
      passed: passes(result),
      taken: formatDateTime(result.createdAt, zone, { lang }),
      questions: result.questions,
    },
    best: best ? { score: best.score, total: best.total, percent: percentOf(best), isThis: best.attemptId === result.id } : null,
    nextAt: result.nextAt ? formatDateTime(result.nextAt, zone, { lang }) : null,
    ...(await pageMessages(request, ["skills"])),
  };
}

export default function AttemptResult() {
  const { attempt, best, nextAt } = useLoaderData<typeof loader>();
  const t = useT();
  // A skill's name in another script stays whole inside a right-to-left sentence.
  const skill = dirOf(useLanguage()) === "rtl" ? bidi(attempt.skill) : attempt.skill;
  return (
    <div className="space-y-4">
      <section aria-labelledby="result-title" className="card space-y-2">
        <h1 id="result-title">{t("skills.result.title", { skill })}</h1>
        <p className="text-lg font-semibold">{t("skills.result.score", { score: attempt.score, total: attempt.total, percent: attempt.percent })}</p>
        <p className={attempt.passed ? "text-green-800" : "text-stone-700"}>
          {attempt.passed ? t("skills.result.passed", { skill }) : t("skills.result.failed", { percent: PASS_PERCENT })}
        </p>
        <p className="text-sm text-stone-600">{t("skills.result.taken", { date: attempt.taken })}</p>
        {best ? (
          <p>
            {best.isThis ? t("skills.result.isBest") : t("skills.result.best", { skill, score: best.score, total: best.total, percent: best.percent })}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-3">
          {attempt.retired ? (
            <span>{t("skills.result.retired")}</span>
          ) : nextAt ? (
            <span>{t("skills.result.nextAt", { date: nextAt })}</span>
          ) : (
            <Link to={`/skills/${attempt.skillId}/test`}>{t("skills.result.retake")}</Link>
          )}
          <Link to="/skills">{t("skills.result.allSkills")}</Link>
        </p>
      </section>
      <section aria-labelledby="answers-title" className="space-y-3">
        <h2 id="answers-title">{t("skills.result.questionsHeading")}</h2>
        {attempt.questions === null ? (
          <p className="card">{t("skills.result.notKept")}</p>
        ) : (
          <ol className="space-y-3">
            {attempt.questions.map((q, i) => {
              const right = q.chosen === q.correctIndex;
              const chosen = q.options.find((o) => o.index === q.chosen);
              const correct = q.options.find((o) => o.index === q.correctIndex);
              return (
                <li key={q.questionId} className="card space-y-2">
                  <p className="text-sm text-stone-600">
                    {t("skills.test.question", { number: i + 1, count: attempt.questions?.length ?? 0 })} ·{" "}
                    <strong className={right ? "text-green-800" : "text-red-800"}>{right ? t("skills.result.right") : t("skills.result.wrong")}</strong>
                  </p>
                  <p className="font-semibold" dir="auto">
                    {q.question}
                  </p>
                  <dl className="space-y-1 text-sm">
                    <div>
                      <dt className="inline font-medium">{t("skills.result.yourAnswer")}: </dt>
                      <dd className="inline" dir="auto">
                        {q.chosen === UNANSWERED || !chosen ? t("skills.result.noAnswer") : chosen.text}
                      </dd>
                    </div>
                    {right ? null : (
                      <div>
                        <dt className="inline font-medium">{t("skills.result.rightAnswer")}: </dt>
                        <dd className="inline" dir="auto">
                          {correct?.text}
                        </dd>
                      </div>
                    )}
                    {q.explanation ? (
                      <div>
                        <dt className="inline font-medium">{t("skills.result.why")}: </dt>
                        <dd className="inline" dir="auto">
                          {q.explanation}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data ? t("skills.result.title", { skill: args.data.attempt.skill }) : t("skills.result.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills", label: t("skills.result.allSkills") }]} />;
}
