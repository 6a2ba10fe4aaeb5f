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
import { CalendarErrorBoundary } from "~/components/calendar/CalendarErrorBoundary";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { calendarFailure } from "~/modules/calendar/failure.server";
import { CALENDAR_MESSAGES, meetingAnswerForm } from "~/modules/calendar/forms.server";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { answerMeeting, cancellable, getMeeting, otherName } from "~/modules/calendar/meetings.server";
import { isoDate } from "~/modules/calendar/week";
import { zoneDate } from "~/modules/calendar/zone";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { around } from "~/modules/calendar/words";

/** The error page of a meeting route, with the way back to the calendar. */
const failure = (t: Translate, status: number, id: string) => calendarFailure(status, t(id), [{ to: "/calendar", label: t("calendar.back.calendar") }]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const meeting = await getMeeting(ctx, user.id, params.meetingId ?? "");
  if (!meeting) throw failure(t, 404, "calendar.meeting.notFound");
  const tz = await effectiveZone(ctx, user.id, request);
  return {
    meeting: meetingLine(tz.zone, meeting, lang, t),
    statusText: t(`calendar.meeting.status.${meeting.status}`),
    canAnswer: meeting.invited && meeting.status === "proposed" && meeting.endsAt.getTime() > Date.now(),
    canCancel: cancellable(meeting),
    week: isoDate(zoneDate(tz.zone, meeting.startsAt.getTime())),
    ...(await pageMessages(request, ["calendar"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, meetingAnswerForm, { maxBytes: 2_000 });
  const t = await translatorFor(request);
  if (!read.ok) throw calendarFailure(400, read.errors.intent ?? t(CALENDAR_MESSAGES.answer), [{ to: "/calendar", label: t("calendar.back.calendar") }]);
  const answer = read.data.intent;
  const ctx = getCtx();
  const outcome = await answerMeeting(ctx, user.id, params.meetingId ?? "", answer);
  if (!outcome.ok && outcome.reason === "not_found") throw failure(t, 404, "calendar.meeting.notFound");
  if (!outcome.ok && outcome.reason === "not_invitee") throw failure(t, 403, "calendar.meeting.notInvitee");
  const meeting = outcome.meeting!;
  const back = `/calendar/meetings/${meeting.id}`;
  if (!outcome.ok) {
    const flash = await flashHeader("calendar.meeting.alreadyAnswered", "info", { status: meeting.status });
    return redirect(back, { headers: { "Set-Cookie": flash } });
  }
  const text = answer === "accepted" ? "calendar.meeting.accepted" : "calendar.meeting.declined";
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text, "success", { name: otherName(meeting, t) }) } });
}

export default function MeetingPage() {
  const { meeting, statusText, canAnswer, canCancel, week } = useLoaderData<typeof loader>();
  const t = useT();
  const [before, after] = around(t, "calendar.meeting.title", { name: meeting.with }, "name");
  return (
    <section aria-labelledby="meeting-title" className="card space-y-3">
      <h1 id="meeting-title">
        {before}
        <span dir="auto">{meeting.with}</span>
        {after}
      </h1>
      <p className="font-semibold">{t("calendar.when", { date: meeting.date, time: meeting.time })}</p>
      <p>
        {t(meeting.invited ? "calendar.meeting.proposedToYou" : "calendar.meeting.proposedByYou", { name: meeting.with })} <strong>{statusText}.</strong>
      </p>
      {canAnswer ? <MeetingAnswerForms id={meeting.id} about={t("calendar.answer.about", { name: meeting.with, date: meeting.date })} /> : null}
      <ul className="space-y-1">
        {canCancel ? (
          <li>
            <Link to={`/calendar/meetings/${meeting.id}/cancel`}>{t("calendar.meeting.cancel")}</Link>
          </li>
        ) : null}
        {meeting.status === "declined" || meeting.status === "cancelled" ? null : (
          <li>
            <a href={meeting.ics} download="ladder-meeting.ics">
              {t("calendar.meeting.download")}
            </a>
          </li>
        )}
        <li>
          <Link to={`/calendar?week=${week}`}>{t("calendar.meeting.calendarWeek")}</Link>
        </li>
        <li>
          <Link to={`/messages/${meeting.withId}`}>{t("calendar.meeting.conversation", { name: meeting.with })}</Link>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("calendar.meeting.pageTitle", { name: args.data?.meeting.with ?? "" })));

export function ErrorBoundary() {
  return <CalendarErrorBoundary />;
}
