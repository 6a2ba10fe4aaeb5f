/**
 * /skills (issue 18, item 1): every skill that is not retired, by name. A member sees their best
 * score (from skill_bests), how many attempts they made and when they last tried, with a link to
 * the test; a visitor sees the same list with "Sign in to take a test".
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { DAILY_ATTEMPTS, passes, PASS_PERCENT, percentOf, QUESTIONS_PER_TEST } from "~/modules/skills/rules";
import { listSkills } from "~/modules/skills/tests.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const lang = await languageOf(request);
  const skills = await listSkills(getCtx(), user?.id ?? null);
  return {
    signedIn: user !== null,
    // Career staff and admins keep the bank; the bank's own pages check the role again.
    keepsBank: user?.role === "career_team" || user?.role === "admin",
    skills: skills.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      best: s.best ? { ...s.best, percent: percentOf(s.best), passed: passes(s.best) } : null,
      attempts: s.attempts,
      last: s.lastAttemptAt ? formatDate(s.lastAttemptAt, lang) : null,
    })),
    ...(await pageMessages(request, ["skills"])),
  };
}

export default function Skills() {
  const { signedIn, keepsBank, skills } = useLoaderData<typeof loader>();
  const t = useT();
  // A skill's name in another script stays whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1>{t("skills.list.title")}</h1>
        <p className="text-sm text-stone-600">{t("skills.list.intro", { count: QUESTIONS_PER_TEST, percent: PASS_PERCENT, attempts: DAILY_ATTEMPTS })}</p>
        {keepsBank ? (
          <p>
            <Link to="/skills/manage">{t("skills.list.manage")}</Link>
          </p>
        ) : null}
      </div>
      {signedIn ? null : (
        <p className="card space-y-1">
          <Link to={`/login?${new URLSearchParams({ redirectTo: "/skills" })}`}>{t("skills.list.signIn")}</Link>
          <span className="block text-sm text-stone-600">{t("skills.list.signInHint")}</span>
        </p>
      )}
      <section aria-labelledby="skills-heading" className="space-y-3">
        <h2 id="skills-heading">{t("skills.list.heading")}</h2>
        {skills.length === 0 ? (
          <p className="card">{t("skills.list.empty")}</p>
        ) : (
          <ul className="list">
            {skills.map((skill) => (
              <li key={skill.id} className="space-y-1" id={`skill-${skill.id}`}>
                <h3 className="text-base font-semibold" dir="auto">
                  {skill.name}
                </h3>
                {skill.description ? (
                  <p className="text-sm text-stone-600" dir="auto">
                    {skill.description}
                  </p>
                ) : null}
                {signedIn ? (
                  <>
                    <p className="text-sm">
                      {skill.best === null ? (
                        t("skills.list.notTried")
                      ) : skill.best.attemptId === null ? (
                        t("skills.list.best", { score: skill.best.score, total: skill.best.total, percent: skill.best.percent })
                      ) : (
                        <Link to={`/skills/attempts/${skill.best.attemptId}`}>{t("skills.list.best", { score: skill.best.score, total: skill.best.total, percent: skill.best.percent })}</Link>
                      )}
                      {skill.best?.passed ? <span className="ms-2 rounded bg-green-100 px-1.5 text-xs font-semibold text-green-800">{t("skills.list.verified")}</span> : null}
                    </p>
                    {skill.last ? <p className="text-sm text-stone-600">{t("skills.list.attempts", { count: skill.attempts, date: skill.last })}</p> : null}
                    <p>
                      <Link to={`/skills/${skill.id}/test`}>{t(skill.attempts > 0 ? "skills.list.retake" : "skills.list.take", { skill: rtl ? bidi(skill.name) : skill.name })}</Link>
                    </p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("skills.list.metaTitle"), t("skills.list.metaDescription")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/", label: t("common.area.home") }]} />;
}
