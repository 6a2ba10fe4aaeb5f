/** /jobs: the general feed with its GET filter form, keyset pages and RSS link (~/components/JobFeed). */
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { feedMeta, JobFeed } from "~/components/JobFeed";
import { getCtx } from "~/db.server";
import { languageOf, pageMessages } from "~/lib/i18n.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { feedPage } from "~/modules/jobs/feed-page.server";
import { useT } from "~/lib/i18n";
import { FEEDS } from "~/modules/jobs/feeds";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const viewer = await getCurrentUser(request);
  const outcome = await feedPage(getCtx(), { feed: "general", query: url.searchParams, here: url.pathname + url.search, viewer, now: new Date(), lang: await languageOf(request) });
  if (outcome.kind === "redirect") throw redirect(outcome.to);
  if (outcome.kind === "broken") throw new Response(outcome.message, { status: 400 });
  return data({ ...outcome.page, ...(await pageMessages(request, ["jobs"])) }, { status: outcome.status });
}

export default function Feed() {
  return <JobFeed page={useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction<typeof loader> = (args) => feedMeta(args, "general");

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: FEEDS.general.path, label: t("common.area.jobs") }]} />;
}
