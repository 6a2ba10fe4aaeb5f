/** /people: find members by name, headline or skill; each result shows the one connection action that fits. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/SearchForm";
import { ConnectionActions } from "~/components/ConnectionActions";
import { MemberCard } from "~/components/ui/MemberCard";
import { VerifiedSkills } from "~/components/VerifiedSkills";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { statesWith } from "~/modules/network/connections.server";
import { networkCursor } from "~/modules/network/cursor.server";
import { PEOPLE_QUERY_MAX, searchPeople } from "~/modules/network/people.server";
import { displayName } from "~/modules/network/rules";
import { verifiedSkillsOf } from "~/modules/skills/index.server";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  const after = networkCursor.from(url.searchParams.get("cursor"), "people");
  if (after === null) throw brokenPageLink("/people");
  const ctx = getCtx();
  const page = await searchPeople(ctx, user.id, { q, afterId: after?.id });
  const ids = page.rows.map((r) => r.id);
  // One query each for the page's connection states and verified skills (hidden ones left out).
  const [states, verified] = await Promise.all([statesWith(ctx, user.id, ids), verifiedSkillsOf(ctx, ids)]);
  const next = page.nextId ? new URLSearchParams({ ...(q ? { q } : {}), cursor: networkCursor.to({ at: null, id: page.nextId }, "people") }) : null;
  return {
    q,
    paged: Boolean(after),
    here: url.pathname + url.search,
    people: page.rows.map((p) => ({ id: p.id, name: displayName(p.name), headline: p.headline, avatarUrl: p.avatarUrl, state: states.get(p.id) ?? "none",
      verified: (verified.get(p.id) ?? []).map((v) => ({ name: v.name, score: v.score, total: v.total })),
    })),
    nextHref: next ? `/people?${next}` : null,
    // The connection buttons speak the network area's words.
    ...(await pageMessages(request, ["profile", "network"])),
  };
}

export default function People() {
  const { q, paged, here, people, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  // What was searched for, kept whole inside a right-to-left sentence.
  const query = dirOf(useLanguage()) === "rtl" ? bidi(q) : q;
  return (
    <section aria-labelledby="people-title" className="space-y-4">
      <h1 id="people-title">{t("common.area.people")}</h1>
      <SearchForm label={t("profile.people.searchLabel")} defaultValue={q} maxLength={PEOPLE_QUERY_MAX} submit={t("profile.search.submit")} />
      {people.length === 0 ? (
        <p className="card">{paged ? t("profile.people.noMore") : q ? t("profile.people.noMatch", { q: query }) : t("profile.people.none")}</p>
      ) : (
        <ul aria-label={t("profile.people.members")} className="list">
          {people.map((p) => (
            <li key={p.id}>
              <MemberCard id={p.id} name={p.name} avatarUrl={p.avatarUrl} href={`/u/${p.id}`}>
                {p.headline ? (
                  <p className="break-words text-sm" dir="auto">
                    {p.headline}
                  </p>
                ) : null}
                <VerifiedSkills skills={p.verified} label={t("profile.verified.title")} badge={(v) => t("profile.verified.badge", { ...v })} />
                <ConnectionActions userId={p.id} name={p.name} state={p.state} back={here} />
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to={q ? `/people?${new URLSearchParams({ q })}` : "/people"}>{t("profile.people.firstPage")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("profile.people.nextPage")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("profile.people.pageTitle")));
