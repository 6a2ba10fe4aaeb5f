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
import { pageMeta } from "~/lib/meta";

const GONE = "There is no proposal of yours at this address. Find a time again from your calendar.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const other = await requireConnection(ctx, user.id, params.userId);
  const url = new URL(request.url);
  const slot = slotOfLink(url.searchParams);
  const message = await sentProposal(ctx, user.id, other.id, url.searchParams.get("message") ?? "");
  if (!message || !slot) throw new Response(GONE, { status: 404 });
  const { start, minutes } = slot;
  const tz = await effectiveZone(ctx, user.id, request);
  return {
    other,
    when: describeSlot(tz.zone, start, minutes),
    text: message.text,
    ics: `/calendar/find/${other.id}/ics?${new URLSearchParams({ start: new Date(start).toISOString(), minutes: String(minutes) })}`,
    // The slot's own date: the find page opens the member's week that holds it.
    back: `/calendar/find/${other.id}?week=${isoDate(zoneDate(tz.zone, start))}&duration=${minutes}`,
    meeting: isUuid(url.searchParams.get("meeting") ?? "") ? `/calendar/meetings/${url.searchParams.get("meeting")}` : null,
  };
}

export default function ProposalSent() {
  const d = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="sent-title" className="card space-y-3">
      <h1 id="sent-title">Proposal sent to {d.other.name}</h1>
      <p>
        You proposed <strong>{d.when}</strong>.
      </p>
      <blockquote className="whitespace-pre-line break-words border-s-4 border-stone-300 ps-3 text-sm">{d.text}</blockquote>
      <p>{d.other.name} can accept or decline it; once accepted, it shows on both your calendars.</p>
      <ul className="space-y-1">
        {d.meeting ? (
          <li>
            <Link to={d.meeting}>The meeting and its answer</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/messages/${d.other.id}`}>Open your conversation with {d.other.name}</Link>
        </li>
        <li>
          <a href={d.ics} download="ladder-meeting.ics">
            Download the calendar file (.ics)
          </a>
        </li>
        <li>
          <Link to={d.back}>Find another time</Link>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Proposal sent | Ladder");
