/** /people: find members by name, headline or skill; each result shows the one connection action that fits. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/SearchForm";
import { ConnectionActions } from "~/components/ConnectionActions";
import { MemberCard } from "~/components/ui/MemberCard";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { statesWith } from "~/modules/network/connections.server";
import { networkCursor } from "~/modules/network/cursor.server";
import { PEOPLE_QUERY_MAX, searchPeople } from "~/modules/network/people.server";
import { displayName } from "~/modules/network/rules";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  const after = networkCursor.from(url.searchParams.get("cursor"), "people");
  if (after === null) throw brokenPageLink("/people");
  const ctx = getCtx();
  const page = await searchPeople(ctx, user.id, { q, afterId: after?.id });
  const states = await statesWith(ctx, user.id, page.rows.map((r) => r.id));
  const next = page.nextId ? new URLSearchParams({ ...(q ? { q } : {}), cursor: networkCursor.to({ at: null, id: page.nextId }, "people") }) : null;
  return {
    q,
    paged: Boolean(after),
    here: url.pathname + url.search,
    people: page.rows.map((p) => ({ id: p.id, name: displayName(p.name), headline: p.headline, avatarUrl: p.avatarUrl, state: states.get(p.id) ?? "none" })),
    nextHref: next ? `/people?${next}` : null,
  };
}

export default function People() {
  const { q, paged, here, people, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="people-title" className="space-y-4">
      <h1 id="people-title">People</h1>
      <SearchForm label="Name, headline or skill" defaultValue={q} maxLength={PEOPLE_QUERY_MAX} />
      {people.length === 0 ? (
        <p className="card">
          {paged ? "No more members." : q ? `No member matches “${q}”. Try a shorter word or a skill.` : "No other members yet."}
        </p>
      ) : (
        <ul aria-label="Members" className="list">
          {people.map((p) => (
            <li key={p.id}>
              <MemberCard id={p.id} name={p.name} avatarUrl={p.avatarUrl} href={`/u/${p.id}`}>
                {p.headline ? <p className="break-words text-sm">{p.headline}</p> : null}
                <ConnectionActions userId={p.id} name={p.name} state={p.state} back={here} />
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to={q ? `/people?${new URLSearchParams({ q })}` : "/people"}>First page</Link> : null}
        {nextHref ? <Link to={nextHref}>Next page</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("People | Ladder");
