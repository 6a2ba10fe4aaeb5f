/** /jobs/part-time/rss: RSS 2.0 of the part-time feed, honouring the feed's filter query string. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf } from "~/lib/i18n.server";
import { feedRss, RSS_ERROR_HEADERS, RSS_HEADERS } from "~/modules/jobs/feed-page.server";
import { publicOrigin } from "~/services/request-info.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const rss = await feedRss(getCtx(), { feed: "part-time", query: new URL(request.url).searchParams, origin: publicOrigin(request), now: new Date(), lang: await languageOf(request) });
  return rss.ok ? new Response(rss.xml, { headers: RSS_HEADERS }) : new Response(rss.message, { status: 400, headers: RSS_ERROR_HEADERS });
}
