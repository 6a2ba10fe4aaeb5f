/** /jobs/part-time: the part-time feed with its GET filter form, keyset pages and RSS link (~/components/JobFeed). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { feedMeta, JobFeed } from "~/components/JobFeed";
import { loadFeedPage } from "~/modules/jobs/feed-page.server";
import { FEEDS } from "~/modules/jobs/feeds";

export const loader = ({ request }: LoaderFunctionArgs) => loadFeedPage(request, "part-time");

export default function Feed() {
  return <JobFeed page={useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => feedMeta(data, "part-time");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: FEEDS["part-time"].path, label: FEEDS["part-time"].label }]} />;
}
