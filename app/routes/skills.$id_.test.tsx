/**
 * /skills/<id>/test (issue 18, item 2). Without `?draw=` the page says how many questions, what
 * passes and how many attempts are left today, with a "Start the test" button (a POST: a GET never
 * writes). Starting stores a draw and comes back to `?draw=<uuid>`, which shows that draw's
 * questions (the member's own, unused, younger than a day) as radio groups, each radio's value the
 * option's index in the stored options. Submitting grades the draw in one transaction and goes to
 * the result; questions left unanswered are counted first and the page asks for a second submit.
 * A tampered form (a question outside the draw, one answered twice, an option outside 0 to 3, a
 * draw already submitted) is refused with 400 and nothing is stored. The fourth attempt within 24
 * hours gets a page that says when the next is possible (429).
 *
 * With JavaScript the page counts the answered questions and warns before leaving with answers
 * that are not submitted; it works the same without it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useBeforeUnload, useBlocker, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { answerField } from "~/modules/skills/grading";
import { testFormSchema } from "~/modules/skills/forms.server";
import { DAILY_ATTEMPTS, PASS_PERCENT, QUESTIONS_PER_TEST } from "~/modules/skills/rules";
import { drawView, idOf, skillInfo, startTest, submitTest, testIntro } from "~/modules/skills/tests.server";

const notFound = (message: string) => new Response(message, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const skillId = idOf(params.id);
  if (skillId === null) throw notFound(t("skills.test.notFound"));
  const messages = await pageMessages(request, ["skills"]);
  const raw = new URL(request.url).searchParams.get("draw");
  if (raw !== null) {
    const drawId = uuidOf(raw);
    const skill = drawId ? await skillInfo(ctx, skillId) : null;
    const view = drawId && skill ? await drawView(ctx, user.id, skillId, drawId) : { kind: "not_found" as const };
    if (!skill || view.kind === "not_found") throw notFound(t("skills.test.drawNotFound"));
    const base = { skill: { id: skill.id, name: skill.name }, ...messages };
    if (view.kind === "used") return data({ ...base, page: { kind: "used" as const, attemptId: view.attemptId } }, { status: 409 });
    if (view.kind === "expired") return data({ ...base, page: { kind: "expired" as const } }, { status: 410 });
    return { ...base, page: { kind: "draw" as const, drawId: view.drawId, questions: view.questions } };
  }
  const intro = await testIntro(ctx, user.id, skillId);
  if (!intro) throw notFound(t("skills.test.notFound"));
  const { zone } = intro.nextAt ? await effectiveZone(ctx, user.id, request) : { zone: "UTC" };
  return {
    skill: { id: intro.skill.id, name: intro.skill.name },
    page: {
      kind: "intro" as const,
      description: intro.skill.description,
      retired: intro.skill.retired,
      questions: Math.min(intro.skill.questions, QUESTIONS_PER_TEST),
      attemptsLeft: intro.attemptsLeft,
      nextAt: intro.nextAt ? formatDateTime(intro.nextAt, zone, { lang }) : null,
      resume: intro.openDrawId !== null,
    },
    ...messages,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const skillId = idOf(params.id);
  if (skillId === null) throw notFound(t("skills.test.notFound"));
  const read = await readForm(request, testFormSchema, { maxBytes: 20_000 });
  if (!read.ok) throw new Response(t("skills.test.refused.form"), { status: 400 });
  const limited = async (nextAt: Date) => {
    const { zone } = await effectiveZone(ctx, user.id, request);
    const skill = await skillInfo(ctx, skillId);
    const retryAfter = Math.max(1, Math.ceil((nextAt.getTime() - Date.now()) / 1000));
    return data(
      { kind: "limited" as const, skill: skill?.name ?? "", next: formatDateTime(nextAt, zone, { lang }) },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  };
  if (read.data.intent === "start") {
    const started = await startTest(ctx, user.id, skillId);
    if (started.kind === "started") return redirect(`/skills/${skillId}/test?${new URLSearchParams({ draw: started.drawId })}`);
    if (started.kind === "limited") return limited(started.nextAt);
    if (started.kind === "retired") throw new Response(t("skills.test.retired"), { status: 410 });
    if (started.kind === "empty") throw new Response(t("skills.test.noQuestions"), { status: 409 });
    throw notFound(t("skills.test.notFound"));
  }
  const outcome = await submitTest(ctx, user.id, skillId, read.data.draw, read.form.entries(), read.data.confirm);
  switch (outcome.kind) {
    case "graded":
      return redirect(`/skills/attempts/${outcome.attemptId}`);
    case "confirm":
      return { kind: "confirm" as const, unanswered: outcome.unanswered, answers: outcome.answers };
    case "limited":
      return limited(outcome.nextAt);
    case "tampered":
      throw new Response(t(`skills.test.refused.${outcome.tamper}`), { status: 400 });
    case "used":
      throw new Response(t("skills.test.refused.used"), { status: 400 });
    case "expired":
      throw new Response(t("skills.test.expired"), { status: 410 });
    default:
      throw notFound(t("skills.test.drawNotFound"));
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type DrawPage = Extract<LoaderData["page"], { kind: "draw" }>;

/**
 * The answered count and the warning before leaving: both only once the page runs JavaScript, so
 * the page without it shows no counter that never moves. A submit of this form is never blocked.
 */
function useAnswerTracking(form: React.RefObject<HTMLFormElement>, names: readonly string[], asked: unknown) {
  const [answered, setAnswered] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const submitting = useRef(false);
  // A submit that came back asking to confirm left the page: leaving it now warns again.
  useEffect(() => {
    submitting.current = false;
  }, [asked]);
  const count = useCallback(() => {
    const el = form.current;
    if (!el) return;
    setAnswered(names.filter((name) => (el.elements.namedItem(name) as RadioNodeList | null)?.value).length);
  }, [form, names]);
  useEffect(count, [count]);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty || submitting.current) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [dirty],
    ),
  );
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !submitting.current && currentLocation.pathname !== nextLocation.pathname);
  return {
    answered,
    blocker,
    onChange: () => {
      setDirty(true);
      count();
    },
    onSubmit: () => {
      submitting.current = true;
    },
  };
}

function DrawForm({ skillId, page, confirm }: { skillId: number; page: DrawPage; confirm: { unanswered: number; answers: Record<string, number> } | null }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const names = useRef(page.questions.map((q) => answerField(q.questionId))).current;
  const { answered, blocker, onChange, onSubmit } = useAnswerTracking(form, names, confirm);
  const leave = t("skills.test.leave");
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(leave)) blocker.proceed();
    else blocker.reset();
  }, [blocker, leave]);
  const total = page.questions.length;
  return (
    <Form method="post" action={`/skills/${skillId}/test?${new URLSearchParams({ draw: page.drawId })}`} ref={form} onChange={onChange} onSubmit={onSubmit} className="space-y-4">
      <CsrfInput />
      <input type="hidden" name="draw" value={page.drawId} />
      {confirm ? (
        <>
          <input type="hidden" name="confirm" value="1" />
          <p role="alert" className="card border-amber-300 bg-amber-50">
            {t("skills.test.unanswered", { count: confirm.unanswered, total })}
          </p>
        </>
      ) : null}
      <ol className="space-y-4">
        {page.questions.map((q, i) => (
          <li key={q.questionId}>
            <fieldset className="card space-y-2">
              <legend className="text-sm text-stone-600">{t("skills.test.question", { number: i + 1, count: total })}</legend>
              <p className="font-semibold" dir="auto">
                {q.question}
              </p>
              {q.options.map((option) => {
                const id = `${answerField(q.questionId)}-${option.index}`;
                return (
                  <div key={option.index} className="flex items-start gap-2">
                    <input type="radio" id={id} name={answerField(q.questionId)} value={option.index} defaultChecked={confirm?.answers[String(q.questionId)] === option.index} className="mt-1" />
                    <label htmlFor={id} dir="auto">
                      {option.text}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="submit" className="btn">
          {confirm ? t("skills.test.submitAnyway") : t("skills.test.submit")}
        </button>
        {answered !== null ? (
          <p aria-live="polite" className="text-sm text-stone-600">
            {t("skills.test.answered", { answered, count: total })}
          </p>
        ) : null}
      </div>
    </Form>
  );
}

export default function SkillTest() {
  const { skill, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  // A skill's name in another script stays whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  const name = (value: string) => (rtl ? bidi(value) : value);
  const back = (
    <p>
      <Link to="/skills">{t("skills.test.back")}</Link>
    </p>
  );
  if (result?.kind === "limited") {
    return (
      <section className="card space-y-3" aria-labelledby="test-title">
        <h1 id="test-title">{t("skills.test.limited.title")}</h1>
        <p>{t("skills.test.limited", { attempts: DAILY_ATTEMPTS, skill: name(result.skill), date: result.next })}</p>
        {back}
      </section>
    );
  }
  return (
    <div className="space-y-4">
      <h1 id="test-title">{t("skills.test.title", { skill: name(skill.name) })}</h1>
      {page.kind === "intro" ? (
        <section className="card space-y-3" aria-labelledby="test-title">
          {page.description ? <p dir="auto">{page.description}</p> : null}
          {page.retired ? (
            <p>{t("skills.test.retired")}</p>
          ) : page.questions === 0 ? (
            <p>{t("skills.test.noQuestions")}</p>
          ) : page.nextAt ? (
            <p>{t("skills.test.limited", { attempts: DAILY_ATTEMPTS, skill: name(skill.name), date: page.nextAt })}</p>
          ) : (
            <>
              <p>{t("skills.test.intro", { count: page.questions, percent: PASS_PERCENT })}</p>
              <p>{t("skills.test.attemptsLeft", { count: page.attemptsLeft })}</p>
              <Form method="post" action={`/skills/${skill.id}/test`}>
                <CsrfInput />
                <button type="submit" name="intent" value="start" className="btn">
                  {page.resume ? t("skills.test.continue") : t("skills.test.start")}
                </button>
              </Form>
            </>
          )}
          {back}
        </section>
      ) : page.kind === "draw" ? (
        <DrawForm key={page.drawId} skillId={skill.id} page={page} confirm={result?.kind === "confirm" ? result : null} />
      ) : page.kind === "used" ? (
        <section className="card space-y-3">
          <p>{t("skills.test.used")}</p>
          <p>
            <Link to={`/skills/attempts/${page.attemptId}`}>{t("skills.test.seeResult")}</Link>
          </p>
          {back}
        </section>
      ) : (
        <section className="card space-y-3">
          <p>{t("skills.test.expired")}</p>
          <p>
            <Link to={`/skills/${skill.id}/test`}>{t("skills.test.start")}</Link>
          </p>
          {back}
        </section>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data ? t("skills.test.title", { skill: args.data.skill.name }) : t("skills.list.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills", label: t("skills.test.back") }]} />;
}
