/**
 * /calendar/find/<userId>/ics?start=<ISO UTC>&minutes=<n>: the proposed meeting as an RFC 5545
 * file (signed-in connections only). Bad parameters get a small 400 page with a way back.
 */
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { escapeHtml } from "~/lib/html";
import { requireUser } from "~/modules/accounts/current-user.server";
import { requireConnection } from "~/modules/calendar/find.server";
import { buildIcs } from "~/modules/calendar/ics";
import { slotOfLink } from "~/modules/calendar/slots";
import { describeSlot } from "~/modules/calendar/zone";
import { effectiveZone, savedZone } from "~/modules/calendar/time-zone.server";
import { displayName } from "~/modules/network/rules";

function badRequest(back: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>That calendar file could not be made | Ladder</title></head><body><main><p>Error 400</p><h1>That calendar file could not be made</h1><p>The link needs a start time in UTC on the quarter hour (for example 2026-12-01T08:00:00Z) and a length of 30, 45, 60 or 90 minutes.</p><p><a href="${escapeHtml(back)}">Back to finding a time</a></p></main></body></html>`;
  return new Response(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const other = await requireConnection(ctx, user.id, params.userId);
  const url = new URL(request.url);
  const slot = slotOfLink(url.searchParams);
  if (!slot) return badRequest(`/calendar/find/${other.id}`);
  const { start, minutes } = slot;
  const [mine, theirs] = await Promise.all([effectiveZone(ctx, user.id, request), savedZone(ctx, other.id)]);
  const me = displayName(user.name ?? null);
  const description = [
    `Proposed on Ladder by ${me}.`,
    `${me}: ${describeSlot(mine.zone, start, minutes)}.`,
    `${other.name}: ${describeSlot(theirs ?? "UTC", start, minutes)}.`,
  ].join("\n");
  const body = buildIcs({
    uid: `${randomUUID()}@ladder`,
    now: Date.now(),
    start,
    minutes,
    summary: `Ladder: ${me} and ${other.name}`,
    description,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ladder-meeting.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
