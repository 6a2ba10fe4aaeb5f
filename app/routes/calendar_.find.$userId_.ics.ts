/**
 * /calendar/find/<userId>/ics?start=<ISO UTC>&minutes=<n>: the proposed meeting as an RFC 5545
 * file (signed-in connections only). Bad parameters get a small 400 page with a way back.
 */
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { escapeHtml } from "~/lib/html";
import { dirOf, type Language } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { requireConnection } from "~/modules/calendar/find.server";
import { buildIcs } from "~/modules/calendar/ics";
import { slotOfLink } from "~/modules/calendar/slots";
import { describeSlot } from "~/modules/calendar/zone";
import { effectiveZone, savedZone } from "~/modules/calendar/time-zone.server";
import { displayName } from "~/modules/network/rules";

function badRequest(back: string, lang: Language): Response {
  const t = translator(lang);
  const title = escapeHtml(t("calendar.ics.badTitle"));
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(t("common.title.suffix", { title: t("calendar.ics.badTitle") }))}</title>`;
  const body = [
    `<p>${escapeHtml(t("common.error.label", { status: 400 }))}</p>`,
    `<h1>${title}</h1>`,
    `<p>${escapeHtml(t("calendar.ics.badText"))}</p>`,
    `<p><a href="${escapeHtml(back)}">${escapeHtml(t("calendar.ics.back"))}</a></p>`,
  ].join("");
  const html = `<!doctype html><html lang="${lang}" dir="${dirOf(lang)}"><head>${head}</head><body><main>${body}</main></body></html>`;
  return new Response(html, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  // The file is for the one asking: its words in their language.
  const lang = await languageOf(request);
  const t = translator(lang);
  const other = await requireConnection(ctx, user.id, params.userId, t);
  const url = new URL(request.url);
  const slot = slotOfLink(url.searchParams);
  if (!slot) return badRequest(`/calendar/find/${other.id}`, lang);
  const { start, minutes } = slot;
  const [mine, theirs] = await Promise.all([effectiveZone(ctx, user.id, request), savedZone(ctx, other.id)]);
  const me = displayName(user.name ?? null);
  const description = [
    t("calendar.ics.proposedBy", { name: me }),
    t("calendar.ics.slot", { name: me, when: describeSlot(mine.zone, start, minutes, lang) }),
    t("calendar.ics.slot", { name: other.name, when: describeSlot(theirs ?? "UTC", start, minutes, lang) }),
  ].join("\n");
  const body = buildIcs({
    uid: `${randomUUID()}@ladder`,
    now: Date.now(),
    start,
    minutes,
    summary: t("calendar.ics.summary", { me, other: other.name }),
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
