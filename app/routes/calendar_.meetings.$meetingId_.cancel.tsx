/**
 * /calendar/meetings/<id>/cancel: the confirmation page, and the POST that cancels the meeting
 * (either member, while it is proposed or accepted and has not ended; ONE conditional UPDATE in
 * cancelMeeting, which also tells the other member). Someone else's meeting: 404, nothing changes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { cancellable, cancelMeeting, getMeeting } from "~/modules/calendar/meetings.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no meeting of yours at this address.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const meeting = await getMeeting(ctx, user.id, params.meetingId ?? "");
  if (!meeting) throw new Response(NOT_FOUND, { status: 404 });
  const tz = await effectiveZone(ctx, user.id, request);
  return { meeting: meetingLine(tz.zone, meeting), canCancel: cancellable(meeting), accepted: meeting.status === "accepted" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 2_000 });
  const outcome = await cancelMeeting(getCtx(), user.id, params.meetingId ?? "");
  if (!outcome.ok && outcome.reason === "not_found") throw new Response(NOT_FOUND, { status: 404 });
  const meeting = outcome.meeting!;
  const back = `/calendar/meetings/${meeting.id}`;
  if (!outcome.ok) {
    const why = meeting.status === "declined" || meeting.status === "cancelled" ? `it was already ${meeting.status}` : "it has already ended";
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(`This meeting cannot be cancelled: ${why}. Nothing changed.`, "info") } });
  }
  const text = `You cancelled the meeting with ${meeting.other.name}. ${meeting.other.name} is told, and the time is free again.`;
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text, "success") } });
}

export default function CancelMeeting() {
  const { meeting, canCancel, accepted } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const back = `/calendar/meetings/${meeting.id}`;
  if (!canCancel) {
    return (
      <section aria-labelledby="cancel-title" className="card space-y-3">
        <h1 id="cancel-title">This meeting cannot be cancelled</h1>
        <p>Only a meeting that is proposed or accepted and has not ended can be cancelled.</p>
        <Link to={back}>Back to the meeting</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="cancel-title" className="card space-y-3">
      <h1 id="cancel-title">{`Cancel the meeting with ${meeting.with}?`}</h1>
      <p className="font-semibold">{`${meeting.date}, ${meeting.time}`}</p>
      <p>
        {`${accepted ? "It comes off both your calendars" : "It can no longer be accepted"}, and ${meeting.with} gets a notification. This cannot be undone; to meet after all, find a time again.`}
      </p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? "Cancelling…" : "Cancel the meeting"}
        </Button>
        <Link to={back}>Keep the meeting</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `Cancel the meeting with ${d.meeting.with} | Ladder` : "Cancel a meeting | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/calendar", label: "Your calendar" }]} />;
}
