/**
 * /calendar/meetings/<id>: one meeting proposed through "find a time", for its two members only
 * (404 for everyone else). The invitee accepts or declines it here (POST intent=accept|decline);
 * the answer is one conditional UPDATE, so of two answers at once exactly one counts. Either
 * member can cancel it while it is proposed or accepted and has not ended: a link to the
 * confirmation page /calendar/meetings/<id>/cancel (no JavaScript needed).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingAnswerForms } from "~/components/calendar/MeetingAnswerForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { meetingAnswerForm } from "~/modules/calendar/forms.server";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { answerMeeting, cancellable, getMeeting } from "~/modules/calendar/meetings.server";
import { isoDate } from "~/modules/calendar/week";
import { zoneDate } from "~/modules/calendar/zone";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no meeting of yours at this address.";
const STATUS_TEXT = {
  proposed: "Waiting for an answer",
  accepted: "Accepted: it is on both calendars",
  declined: "Declined",
  cancelled: "Cancelled",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const meeting = await getMeeting(ctx, user.id, params.meetingId ?? "");
  if (!meeting) throw new Response(NOT_FOUND, { status: 404 });
  const tz = await effectiveZone(ctx, user.id, request);
  return {
    meeting: meetingLine(tz.zone, meeting),
    statusText: STATUS_TEXT[meeting.status],
    canAnswer: meeting.invited && meeting.status === "proposed" && meeting.endsAt.getTime() > Date.now(),
    canCancel: cancellable(meeting),
    week: isoDate(zoneDate(tz.zone, meeting.startsAt.getTime())),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, meetingAnswerForm, { maxBytes: 2_000 });
  if (!read.ok) throw new Response(read.errors.intent, { status: 400 });
  const answer = read.data.intent;
  const ctx = getCtx();
  const outcome = await answerMeeting(ctx, user.id, params.meetingId ?? "", answer);
  if (!outcome.ok && outcome.reason === "not_found") throw new Response(NOT_FOUND, { status: 404 });
  if (!outcome.ok && outcome.reason === "not_invitee") throw new Response("Only the member this meeting was proposed to can accept or decline it.", { status: 403 });
  const meeting = outcome.meeting!;
  const back = `/calendar/meetings/${meeting.id}`;
  if (!outcome.ok) {
    const flash = await flashHeader(`This meeting was already ${meeting.status}; nothing changed.`, "info");
    return redirect(back, { headers: { "Set-Cookie": flash } });
  }
  const text = answer === "accepted" ? `You accepted the meeting with ${meeting.other.name}. It is on both your calendars.` : `You declined the meeting with ${meeting.other.name}.`;
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text) } });
}

export default function MeetingPage() {
  const { meeting, statusText, canAnswer, canCancel, week } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="meeting-title" className="card space-y-3">
      <h1 id="meeting-title">Meeting with {meeting.with}</h1>
      <p className="font-semibold">{`${meeting.date}, ${meeting.time}`}</p>
      <p>
        {meeting.invited ? `${meeting.with} proposed it to you.` : `You proposed it to ${meeting.with}.`} <strong>{statusText}.</strong>
      </p>
      {canAnswer ? <MeetingAnswerForms id={meeting.id} about={`with ${meeting.with}, ${meeting.date}`} /> : null}
      <ul className="space-y-1">
        {canCancel ? (
          <li>
            <Link to={`/calendar/meetings/${meeting.id}/cancel`}>Cancel the meeting</Link>
          </li>
        ) : null}
        {meeting.status === "declined" || meeting.status === "cancelled" ? null : (
          <li>
            <a href={meeting.ics} download="ladder-meeting.ics">
              Download the calendar file (.ics)
            </a>
          </li>
        )}
        <li>
          <Link to={`/calendar?week=${week}`}>Your calendar for that week</Link>
        </li>
        <li>
          <Link to={`/messages/${meeting.withId}`}>Your conversation with {meeting.with}</Link>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `Meeting with ${d.meeting.with} | Ladder` : "Meeting | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/calendar", label: "Your calendar" }]} />;
}
