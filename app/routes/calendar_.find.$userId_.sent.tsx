/**
 * /calendar/find/<userId>/sent?message=<id>&meeting=<id>&start=<ISO>&minutes=<n>: after a proposal was sent.
 * Only the sender of that message to that member sees it; links to the conversation and the .ics.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { sentProposal } from "~/modules/calendar/calendar.server";
import { requireConnection } from "~/modules/calendar/find.server";
import { isUuid } from "~/lib/ids";
import { slotOfLink } from "~/modules/calendar/slots";
import { isoDate } from "~/modules/calendar/week";
import { describeSlot, zoneDate } from "~/modules/calendar/zone";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { around } from "~/modules/calendar/words";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const other = await requireConnection(ctx, user.id, params.userId, t);
  const url = new URL(request.url);
  const slot = slotOfLink(url.searchParams);
  const message = await sentProposal(ctx, user.id, other.id, url.searchParams.get("message") ?? "");
  if (!message || !slot) throw new Response(t("calendar.sent.gone"), { status: 404 });
  const { start, minutes } = slot;
  const tz = await effectiveZone(ctx, user.id, request);
  return {
    other,
    when: describeSlot(tz.zone, start, minutes, lang),
    text: message.text,
    ics: `/calendar/find/${other.id}/ics?${new URLSearchParams({ start: new Date(start).toISOString(), minutes: String(minutes) })}`,
    // The slot's own date: the find page opens the member's week that holds it.
    back: `/calendar/find/${other.id}?week=${isoDate(zoneDate(tz.zone, start))}&duration=${minutes}`,
    meeting: isUuid(url.searchParams.get("meeting") ?? "") ? `/calendar/meetings/${url.searchParams.get("meeting")}` : null,
    ...(await pageMessages(request, ["calendar"])),
  };
}

export default function ProposalSent() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const name = d.other.name;
  const [before, after] = around(t, "calendar.sent.youProposed", { when: d.when }, "when");
  return (
    <section aria-labelledby="sent-title" className="card space-y-3">
      <h1 id="sent-title">{t("calendar.sent.title", { name })}</h1>
      <p>
        {before}
        <strong>{d.when}</strong>
        {after}
      </p>
      <blockquote dir="auto" className="whitespace-pre-line break-words border-s-4 border-stone-300 ps-3 text-sm">
        {d.text}
      </blockquote>
      <p>{t("calendar.sent.canAnswer", { name })}</p>
      <ul className="space-y-1">
        {d.meeting ? (
          <li>
            <Link to={d.meeting}>{t("calendar.sent.meeting")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/messages/${d.other.id}`}>{t("calendar.sent.conversation", { name })}</Link>
        </li>
        <li>
          <a href={d.ics} download="ladder-meeting.ics">
            {t("calendar.meeting.download")}
          </a>
        </li>
        <li>
          <Link to={d.back}>{t("calendar.sent.another")}</Link>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("calendar.sent.pageTitle")));
