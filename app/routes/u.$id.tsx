/**
 * /u/<id>: a member's public profile. Only what getPublicProfile selects can appear here (never
 * the email, phone, role, counters or anonymous identity). A malformed id is a 404 before any
 * query, so PostgreSQL never sees an invalid uuid.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConnectionActions } from "~/components/ConnectionActions";
import { TagList } from "~/components/profile";
import { VerifiedSkills } from "~/components/VerifiedSkills";
import { Avatar } from "~/components/ui/Avatar";
import { getCtx } from "~/db.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { getPublicProfile } from "~/modules/profile/profile.server";
import { verifiedSkillsOf } from "~/modules/skills/index.server";
import { profileStreak } from "~/modules/interviews/index.server";
import { isHttpUrl, ownAvatarUrl, tagsOf } from "~/modules/profile/rules";
import { bidi, dirOf, useLanguage, useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { isUuid } from "~/lib/ids";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const notFound = async () => new Response((await translatorFor(request))("profile.public.notFound"), { status: 404 });
  if (!isUuid(id)) throw await notFound();
  const [profile, viewer] = await Promise.all([getPublicProfile(getCtx(), id.toLowerCase()), getCurrentUser(request)]);
  if (!profile) throw await notFound();
  const link = (url: string | null | undefined) => (isHttpUrl(url) ? url : null);
  const [connection, verified, interviewStreak] = await Promise.all([
    viewer && viewer.id !== profile.id ? stateWith(getCtx(), viewer.id, profile.id) : null,
    // Verified skills (70%+ at a skill test), never the ones the member hid.
    verifiedSkillsOf(getCtx(), [profile.id]),
    // The daily-interview streak, only when the member allows it (0 otherwise).
    profileStreak(getCtx(), profile.id),
  ]);
  return {
    ...profile,
    avatarUrl: ownAvatarUrl(profile.avatarUrl),
    linkedinURL: link(profile.linkedinURL),
    FacebookURL: link(profile.FacebookURL),
    certifications: (profile.certifications ?? []).map((c) => ({ ...c, url: link(c.url) })),
    own: viewer?.id === profile.id,
    connection,
    verified: (verified.get(profile.id) ?? []).map((v) => ({ name: v.name, score: v.score, total: v.total })),
    // "5-day interview streak" in the reader's words (the interviews' message, put into words here).
    interviewStreak: interviewStreak > 0 ? (await translatorFor(request))("interviewsHistory.profile.streak", { count: interviewStreak }) : null,
    // The connection buttons speak the network area's words.
    ...(await pageMessages(request, ["profile", "network"])),
  };
}

/** "(2019–2023)", "(from 2019)", "(2023)" or "". */
function studyYears(t: Translate, start?: number, end?: number): string {
  if (start && end) return t("profile.public.years", { start, end });
  if (start) return t("profile.public.fromYear", { start });
  return end ? t("profile.public.year", { end }) : "";
}

/** " (2022-06 to now)", " (2021-06 to 2021-09)", " (until 2021-09)" or "". */
function workDates(t: Translate, start?: string, end?: string): string {
  if (start) return ` ${end ? t("profile.public.workFromTo", { start, end }) : t("profile.public.workFromNow", { start })}`;
  return end ? ` ${t("profile.public.workUntil", { end })}` : "";
}

/** External links: no referrer, no window.opener, and no ranking credit for what members type. */
const external = { rel: "noopener noreferrer nofollow", target: "_blank" } as const;

export default function PublicProfile() {
  const p = useLoaderData<typeof loader>();
  const t = useT();
  // A member's name kept whole inside a right-to-left sentence, whichever way it is written.
  const rtl = dirOf(useLanguage()) === "rtl";
  const named = (name: string) => (rtl ? bidi(name) : name);
  const tagGroups = [
    { id: "Goals", title: t("profile.label.goals"), tags: tagsOf(p.goals) },
    { id: "Strengths", title: t("profile.label.strengths"), tags: tagsOf(p.strengths) },
    { id: "Interests", title: t("profile.label.interests"), tags: tagsOf(p.interests) },
  ].filter((group) => group.tags.length > 0);
  const education = p.education ?? [];
  const experience = p.experience ?? [];
  const skills = p.professional_skills ?? [];
  const nothing = !tagGroups.length && !education.length && !experience.length && !skills.length && !p.certifications.length && !p.verified.length;

  return (
    <article aria-labelledby="profile-name" className="space-y-4">
      <header className="card flex flex-wrap items-center gap-4">
        <Avatar id={p.id} name={p.name} avatarUrl={p.avatarUrl} size="lg" />
        <div className="min-w-0 flex-1 space-y-1">
          <h1 id="profile-name" className="break-words" dir={p.name ? "auto" : undefined}>
            {p.name || t("profile.public.someone")}
          </h1>
          {p.headline ? (
            <p className="break-words text-stone-700" dir="auto">
              {p.headline}
            </p>
          ) : null}
          {p.interviewStreak ? <p data-testid="profile-interview-streak">{p.interviewStreak}</p> : null}
          {p.linkedinURL || p.FacebookURL ? (
            <p className="flex flex-wrap gap-3 text-sm">
              {p.linkedinURL ? (
                <a href={p.linkedinURL} {...external}>
                  {t("profile.label.linkedinURL")}
                </a>
              ) : null}
              {p.FacebookURL ? (
                <a href={p.FacebookURL} {...external}>
                  {t("profile.label.FacebookURL")}
                </a>
              ) : null}
            </p>
          ) : null}
        </div>
      </header>
      {p.connection ? <ConnectionActions userId={p.id} name={displayName(p.name)} state={p.connection} back={`/u/${p.id}`} /> : null}
      {p.connection === "connected" ? (
        <p className="text-sm">
          <Link to={`/calendar/find/${p.id}`}>{t("profile.public.findTime", { name: named(displayName(p.name)) })}</Link>
        </p>
      ) : null}
      {p.own ? (
        <p className="text-sm">
          {t("profile.public.ownBefore")}{" "}
          <Link to="/settings/profile" className="underline">
            {t("profile.public.editLink")}
          </Link>
        </p>
      ) : null}
      {nothing ? <p className="card">{t("profile.public.nothing", { name: p.name ? named(p.name) : t("profile.public.thisMember") })}</p> : null}

      {tagGroups.map((group) => (
        <section key={group.id} aria-labelledby={`tags-${group.id}`} className="card space-y-2">
          <h2 id={`tags-${group.id}`}>{group.title}</h2>
          <TagList label={group.title} tags={group.tags} />
        </section>
      ))}

      {experience.length > 0 ? (
        <section aria-labelledby="experience-title" className="card space-y-3">
          <h2 id="experience-title">{t("profile.list.experience.title")}</h2>
          <ul className="space-y-3">
            {experience.map((e, i) => (
              <li key={i} dir="auto">
                <p className="font-semibold">
                  {`${e.title}, ${e.company}`}
                  <span className="font-normal text-stone-600">{workDates(t, e.startDate, e.endDate)}</span>
                </p>
                {e.description ? <p className="whitespace-pre-line break-words text-sm">{e.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {education.length > 0 ? (
        <section aria-labelledby="education-title" className="card space-y-3">
          <h2 id="education-title">{t("profile.list.education.title")}</h2>
          <ul className="space-y-2">
            {education.map((e, i) => {
              const years = studyYears(t, e.startYear, e.endYear);
              return (
                <li key={i} dir="auto">
                  <p className="font-semibold">{e.school}</p>
                  <p className="text-sm">{[e.degree, e.field].filter(Boolean).join(", ") + (years ? ` ${years}` : "")}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {p.verified.length > 0 ? (
        <section aria-labelledby="verified-title" className="card space-y-2">
          <h2 id="verified-title">{t("profile.verified.title")}</h2>
          <VerifiedSkills skills={p.verified} label={t("profile.verified.title")} badge={(v) => t("profile.verified.badge", { ...v })} />
          {p.own ? (
            <p className="text-sm">
              <Link to="/settings/candidates">{t("profile.verified.manage")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {skills.length > 0 ? (
        <section aria-labelledby="skills-title" className="card space-y-2">
          <h2 id="skills-title">{t("profile.list.skills.title")}</h2>
          <TagList label={t("profile.list.skills.title")} tags={skills} />
        </section>
      ) : null}

      {p.certifications.length > 0 ? (
        <section aria-labelledby="certifications-title" className="card space-y-2">
          <h2 id="certifications-title">{t("profile.list.certifications.title")}</h2>
          <ul className="space-y-1">
            {p.certifications.map((c, i) => (
              <li key={i} dir="auto">
                {c.url ? (
                  <a href={c.url} {...external}>
                    {c.name}
                  </a>
                ) : (
                  c.name
                )}
                {`${c.issuer ? `, ${c.issuer}` : ""}${c.year ? ` (${c.year})` : ""}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => {
    const p = args.data;
    if (!p) return pageMeta(t("profile.public.notFoundTitle"));
    const name = p.name || t("profile.public.aMember");
    return pageMeta(
      t("profile.public.pageTitle", { name }),
      p.headline ? t("profile.public.descriptionHeadline", { name, headline: p.headline }) : t("profile.public.description", { name }),
    );
  });
