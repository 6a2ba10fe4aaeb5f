/** /jobs/remote/rss: RSS 2.0 of the remote feed, honouring the feed's filter query string. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedRss } from "~/modules/jobs/feed-page.server";

export const loader = ({ request }: LoaderFunctionArgs) => feedRss(request, "remote");
