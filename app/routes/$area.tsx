/**
 * The header's areas that have not been built yet answer with an honest page, not a dead link.
 * Built areas have their own route files, which take precedence over this dynamic segment.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { promiseOf } from "~/lib/area-promises";
import { findComingSoonArea } from "~/lib/areas";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const area = findComingSoonArea(params.area ?? "");
  if (!area) throw new Response(null, { status: 404 });
  const t = await translatorFor(request);
  return { label: t(`common.area.${area.slug}`), promise: promiseOf(area.slug, t), ...(await pageMessages(request, ["areas"])) };
}

export default function ComingSoon() {
  const { label, promise } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="coming-soon" className="card space-y-3">
      <h1 id="coming-soon">{t("areas.page.title", { area: label })}</h1>
      <p>{promise}</p>
      <p className="text-stone-700">{t("areas.page.notBuilt")}</p>
      <p>
        <Link to="/">{t("common.error.backHome")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(t("areas.page.metaTitle", { area: args.data?.label ?? "" }), t("areas.page.metaDescription", { area: args.data?.label ?? "", promise: args.data?.promise ?? "" })),
  );
