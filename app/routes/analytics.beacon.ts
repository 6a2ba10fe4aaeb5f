/**
 * POST /analytics/beacon: the page's navigator.sendBeacon (components/PageViewBeacon.tsx, with
 * JavaScript only): a client-side navigation to a new page (kind=view) or the seconds a view was
 * open (kind=time). A beacon cannot carry the form token, so it is accepted from this site's own
 * pages by its Origin header alone (server.ts refuses other sites' first) and can only add a view
 * or set an empty time once. 204 when taken (or quietly ignored), 400 for anything malformed,
 * 403 without this site's Origin, 429 past the per-address limit (decision 049).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { env } from "~/env.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { BeaconLimiter, parseBeacon } from "~/modules/analytics/page-view-rules";
import { beaconMayRecord, recordClientView, recordTimeOnPage } from "~/modules/analytics/page-views.server";
import { clientIp } from "~/services/request-info.server";

/** A beacon is a few fields; anything longer is not one. */
const MAX_BYTES = 4_096;
const limiter = new BeaconLimiter();

export async function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!sameSiteOrigin(request)) return new Response(null, { status: 403 });
  if (!limiter.allow(clientIp(context) ?? "unknown")) return new Response(null, { status: 429, headers: { "Retry-After": "60" } });
  // Browsers state a beacon's size; a body of unknown size (chunked) could be endless.
  const declared = request.headers.get("Content-Length");
  if ((declared === null && request.body !== null) || !(Number(declared ?? "0") <= MAX_BYTES)) return new Response(null, { status: 400 });
  let fields: URLSearchParams;
  try {
    const body = await request.text();
    if (body.length > MAX_BYTES) return new Response(null, { status: 400 });
    fields = new URLSearchParams(body);
  } catch {
    return new Response(null, { status: 400 });
  }
  const beacon = parseBeacon(fields);
  if (!beacon) return new Response(null, { status: 400 });
  const current = await getCurrentUser(request);
  if (!beaconMayRecord(request, current)) return new Response(null, { status: 204 });
  if (beacon.kind === "view") recordClientView(beacon, current);
  else await recordTimeOnPage(getCtx(), beacon, current);
  return new Response(null, { status: 204 });
}

/** Only this site's pages: the Origin header must name this host (or PUBLIC_URL's). */
function sameSiteOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const publicUrl = env().PUBLIC_URL;
  return host === new URL(request.url).host || (publicUrl !== undefined && host === new URL(publicUrl).host);
}
