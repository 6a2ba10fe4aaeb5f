/**
 * The header's areas that have not been built yet answer with an honest page, not a dead link.
 * Built areas have their own route files, which take precedence over this dynamic segment.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { promiseOf } from "~/lib/area-promises";
import { findComingSoonArea } from "~/lib/areas";
import { pageMeta } from "~/lib/meta";

export async function loader({ params }: LoaderFunctionArgs) {
  const area = findComingSoonArea(params.area ?? "");
  if (!area) throw new Response(null, { status: 404 });
  return { label: area.label, promise: promiseOf(area.slug) };
}

export default function ComingSoon() {
  const { label, promise } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="coming-soon" className="card space-y-3">
      <h1 id="coming-soon">{label}: coming soon</h1>
      <p>{promise}</p>
      <p className="text-stone-700">This part of Ladder is not built yet. Nothing here is hidden from you; it simply does not exist yet.</p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageMeta(`${data.label}: coming soon | Ladder`, `${data.label}, coming soon to Ladder. ${data.promise}`) : pageMeta("Not found | Ladder");
