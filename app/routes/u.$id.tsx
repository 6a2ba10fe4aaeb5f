/**
 * /u/<id>: a member's public profile. Only what getPublicProfile selects can appear here (never
 * the email, phone, role, counters or anonymous identity). A malformed id is a 404 before any
 * query, so PostgreSQL never sees an invalid uuid.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ConnectionActions } from "~/components/ConnectionActions";
import { TagList } from "~/components/profile";
import { Avatar } from "~/components/ui/Avatar";
import { getCtx } from "~/db.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { getPublicProfile } from "~/modules/profile/profile.server";
import { isHttpUrl, ownAvatarUrl, tagsOf } from "~/modules/profile/rules";
import { pageMeta } from "~/lib/meta";
import { isUuid } from "~/lib/ids";

const NOT_FOUND = "There is no member at this address. The link may be wrong, or the account was deleted.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  if (!isUuid(id)) throw new Response(NOT_FOUND, { status: 404 });
  const [profile, viewer] = await Promise.all([getPublicProfile(getCtx(), id.toLowerCase()), getCurrentUser(request)]);
  if (!profile) throw new Response(NOT_FOUND, { status: 404 });
  const link = (url: string | null | undefined) => (isHttpUrl(url) ? url : null);
  const connection = viewer && viewer.id !== profile.id ? await stateWith(getCtx(), viewer.id, profile.id) : null;
  return {
    ...profile,
    avatarUrl: ownAvatarUrl(profile.avatarUrl),
    linkedinURL: link(profile.linkedinURL),
    FacebookURL: link(profile.FacebookURL),
    certifications: (profile.certifications ?? []).map((c) => ({ ...c, url: link(c.url) })),
    own: viewer?.id === profile.id,
    connection,
  };
}

/** " (2019–2023)", " (from 2019)", " (2023)" or "". */
function studyYears(start?: number, end?: number): string {
  if (start && end) return ` (${start}–${end})`;
  if (start) return ` (from ${start})`;
  return end ? ` (${end})` : "";
}

/** " (2022-06 to now)", " (2021-06 to 2021-09)", " (until 2021-09)" or "". */
function workDates(start?: string, end?: string): string {
  if (start) return ` (${start} to ${end ?? "now"})`;
  return end ? ` (until ${end})` : "";
}

/** External links: no referrer, no window.opener, and no ranking credit for what members type. */
const external = { rel: "noopener noreferrer nofollow", target: "_blank" } as const;

export default function PublicProfile() {
  const p = useLoaderData<typeof loader>();
  const tagGroups = [
    { title: "Goals", tags: tagsOf(p.goals) },
    { title: "Strengths", tags: tagsOf(p.strengths) },
    { title: "Interests", tags: tagsOf(p.interests) },
  ].filter((group) => group.tags.length > 0);
  const education = p.education ?? [];
  const experience = p.experience ?? [];
  const skills = p.professional_skills ?? [];
  const nothing = !tagGroups.length && !education.length && !experience.length && !skills.length && !p.certifications.length;

  return (
    <article aria-labelledby="profile-name" className="space-y-4">
      <header className="card flex flex-wrap items-center gap-4">
        <Avatar id={p.id} name={p.name} avatarUrl={p.avatarUrl} size="lg" />
        <div className="min-w-0 flex-1 space-y-1">
          <h1 id="profile-name" className="break-words">
            {p.name || "A Ladder member"}
          </h1>
          {p.headline ? <p className="break-words text-stone-700">{p.headline}</p> : null}
          {p.linkedinURL || p.FacebookURL ? (
            <p className="flex flex-wrap gap-3 text-sm">
              {p.linkedinURL ? (
                <a href={p.linkedinURL} {...external}>
                  LinkedIn
                </a>
              ) : null}
              {p.FacebookURL ? (
                <a href={p.FacebookURL} {...external}>
                  Facebook
                </a>
              ) : null}
            </p>
          ) : null}
        </div>
      </header>
      {p.connection ? <ConnectionActions userId={p.id} name={displayName(p.name)} state={p.connection} back={`/u/${p.id}`} /> : null}
      {p.connection === "connected" ? (
        <p className="text-sm">
          <Link to={`/calendar/find/${p.id}`}>Find a time with {displayName(p.name)}</Link>
        </p>
      ) : null}
      {p.own ? (
        <p className="text-sm">
          This is how other members see your profile. <Link to="/settings/profile" className="underline">
            Edit your profile
          </Link>
        </p>
      ) : null}
      {nothing ? <p className="card">{p.name || "This member"} has not added anything else yet.</p> : null}

      {tagGroups.map((group) => (
        <section key={group.title} aria-labelledby={`tags-${group.title}`} className="card space-y-2">
          <h2 id={`tags-${group.title}`}>{group.title}</h2>
          <TagList label={group.title} tags={group.tags} />
        </section>
      ))}

      {experience.length > 0 ? (
        <section aria-labelledby="experience-title" className="card space-y-3">
          <h2 id="experience-title">Experience</h2>
          <ul className="space-y-3">
            {experience.map((e, i) => (
              <li key={i}>
                <p className="font-semibold">
                  {`${e.title}, ${e.company}`}
                  <span className="font-normal text-stone-600">{workDates(e.startDate, e.endDate)}</span>
                </p>
                {e.description ? <p className="whitespace-pre-line break-words text-sm">{e.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {education.length > 0 ? (
        <section aria-labelledby="education-title" className="card space-y-3">
          <h2 id="education-title">Education</h2>
          <ul className="space-y-2">
            {education.map((e, i) => (
              <li key={i}>
                <p className="font-semibold">{e.school}</p>
                <p className="text-sm">{[e.degree, e.field].filter(Boolean).join(", ") + studyYears(e.startYear, e.endYear)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {skills.length > 0 ? (
        <section aria-labelledby="skills-title" className="card space-y-2">
          <h2 id="skills-title">Skills</h2>
          <TagList label="Skills" tags={skills} />
        </section>
      ) : null}

      {p.certifications.length > 0 ? (
        <section aria-labelledby="certifications-title" className="card space-y-2">
          <h2 id="certifications-title">Certifications</h2>
          <ul className="space-y-1">
            {p.certifications.map((c, i) => (
              <li key={i}>
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

export const meta: MetaFunction<typeof loader> = ({ data: p }) => 
  p ? pageMeta(`${p.name || "A member"} | Ladder`, `${p.name || "A member"}${p.headline ? `: ${p.headline}` : ""}. A profile on Ladder, the career network.`) : pageMeta("Member not found | Ladder");
