/**
 * /calendar/meetings: every proposed meeting still waiting for an answer, proposed to you (with
 * Accept and Decline) and by you. Two keyset lists on (starts_at, id), 20 a page each; the
 * cursors are plain (`<ms>.<id>`), since both queries are the member's own.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingAnswerForms } from "~/components/calendar/MeetingAnswerForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isUuid } from "~/lib/ids";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { pendingMeetings, type PendingPosition } from "~/modules/calendar/meetings.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { pageMeta } from "~/lib/meta";

/** undefined: no cursor; null: a broken one (400). */
function cursorOf(raw: string | null): PendingPosition | null | undefined {
  if (raw === null || raw === "") return undefined;
  const [at, id, extra] = raw.split(".");
  const ms = Number(at);
  if (extra !== undefined || !id || !isUuid(id) || !Number.isSafeInteger(ms) || ms < 0 || String(ms) !== at) return null;
  return { at: ms, id: id.toLowerCase() };
}
const cursorText = (p: PendingPosition) => `${p.at}.${p.id}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const invitedAfter = cursorOf(url.searchParams.get("invited"));
  const sentAfter = cursorOf(url.searchParams.get("sent"));
  if (invitedAfter === null || sentAfter === null) throw new Response("This page link is broken. Open the list again from your calendar.", { status: 400 });
  const ctx = getCtx();
  const [tz, invited, sent] = await Promise.all([
    effectiveZone(ctx, user.id, request),
    pendingMeetings(ctx, user.id, "invited", { after: invitedAfter }),
    pendingMeetings(ctx, user.id, "sent", { after: sentAfter }),
  ]);
  const link = (side: "invited" | "sent", next: PendingPosition) => {
    const query = new URLSearchParams(url.searchParams);
    query.set(side, cursorText(next));
    return `/calendar/meetings?${query}`;
  };
  return {
    invited: invited.rows.map((m) => meetingLine(tz.zone, m)),
    sent: sent.rows.map((m) => meetingLine(tz.zone, m)),
    moreInvited: invited.next ? link("invited", invited.next) : null,
    moreSent: sent.next ? link("sent", sent.next) : null,
    paged: Boolean(invitedAfter || sentAfter),
  };
}

export default function PendingMeetings() {
  const d = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="meetings-title" className="space-y-4">
      <h1 id="meetings-title">Meetings waiting for an answer</h1>
      <section aria-labelledby="invited-title" className="card space-y-2">
        <h2 id="invited-title">Proposed to you</h2>
        {d.invited.length === 0 ? <p className="text-stone-600">None waiting.</p> : null}
        <ul className="space-y-3">
          {d.invited.map((m) => (
            <li key={m.id} className="space-y-1">
              <p>
                <Link to={`/calendar/meetings/${m.id}`}>{`${m.date}, ${m.time}`}</Link>{" "}
                with <strong>{m.with}</strong>
              </p>
              <MeetingAnswerForms id={m.id} about={`with ${m.with}, ${m.date}`} />
            </li>
          ))}
        </ul>
        {d.moreInvited ? <Link to={d.moreInvited}>Later ones proposed to you</Link> : null}
      </section>
      <section aria-labelledby="sent-title" className="card space-y-2">
        <h2 id="sent-title">Proposed by you</h2>
        {d.sent.length === 0 ? <p className="text-stone-600">None waiting.</p> : null}
        <ul className="space-y-1">
          {d.sent.map((m) => (
            <li key={m.id}>
              <Link to={`/calendar/meetings/${m.id}`}>{`${m.date}, ${m.time}`}</Link>{" "}
              with <strong>{m.with}</strong>
            </li>
          ))}
        </ul>
        {d.moreSent ? <Link to={d.moreSent}>Later ones proposed by you</Link> : null}
      </section>
      <p>
        {d.paged ? (
          <>
            <Link to="/calendar/meetings">Back to the first ones</Link> ·{" "}
          </>
        ) : null}
        <Link to="/calendar">Your calendar</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Meetings waiting for an answer | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/calendar/meetings", label: "Meetings waiting for an answer" }]} />;
}
