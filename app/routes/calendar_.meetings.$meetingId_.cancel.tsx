/**
 * /calendar/meetings/<id>/cancel: the confirmation page, and the POST that cancels the meeting
 * (either member, while it is proposed or accepted and has not ended; ONE conditional UPDATE in
 * cancelMeeting, which also tells the other member). Someone else's meeting: 404, nothing changes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { CalendarErrorBoundary } from "~/components/calendar/CalendarErrorBoundary";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { calendarFailure } from "~/modules/calendar/failure.server";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { cancellable, cancelMeeting, getMeeting, otherName } from "~/modules/calendar/meetings.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";

/** Someone else's meeting (or none): the error page, with the way back to the calendar. */
const notFound = (t: Translate) => calendarFailure(404, t("calendar.meeting.notFound"), [{ to: "/calendar", label: t("calendar.back.calendar") }]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const meeting = await getMeeting(ctx, user.id, params.meetingId ?? "");
  if (!meeting) throw notFound(t);
  const tz = await effectiveZone(ctx, user.id, request);
  return {
    meeting: meetingLine(tz.zone, meeting, lang, t),
    canCancel: cancellable(meeting),
    accepted: meeting.status === "accepted",
    ...(await pageMessages(request, ["calendar"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 2_000 });
  const outcome = await cancelMeeting(getCtx(), user.id, params.meetingId ?? "");
  const t = await translatorFor(request);
  if (!outcome.ok && outcome.reason === "not_found") throw notFound(t);
  const meeting = outcome.meeting!;
  const back = `/calendar/meetings/${meeting.id}`;
  if (!outcome.ok) {
    const already = meeting.status === "declined" || meeting.status === "cancelled";
    const flash = already
      ? await flashHeader("calendar.cancel.refusedAlready", "info", { status: meeting.status })
      : await flashHeader("calendar.cancel.refusedEnded", "info");
    return redirect(back, { headers: { "Set-Cookie": flash } });
  }
  return redirect(back, { headers: { "Set-Cookie": await flashHeader("calendar.cancel.done", "success", { name: otherName(meeting, t) }) } });
}

export default function CancelMeeting() {
  const { meeting, canCancel, accepted } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const back = `/calendar/meetings/${meeting.id}`;
  if (!canCancel) {
    return (
      <section aria-labelledby="cancel-title" className="card space-y-3">
        <h1 id="cancel-title">{t("calendar.cancel.cannotTitle")}</h1>
        <p>{t("calendar.cancel.cannotText")}</p>
        <Link to={back}>{t("calendar.cancel.back")}</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="cancel-title" className="card space-y-3">
      <h1 id="cancel-title">{t("calendar.cancel.title", { name: meeting.with })}</h1>
      <p className="font-semibold">{t("calendar.when", { date: meeting.date, time: meeting.time })}</p>
      <p>{t(accepted ? "calendar.cancel.warnAccepted" : "calendar.cancel.warnProposed", { name: meeting.with })}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? t("calendar.cancel.cancelling") : t("calendar.meeting.cancel")}
        </Button>
        <Link to={back}>{t("calendar.cancel.keep")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("calendar.cancel.pageTitle", { name: args.data?.meeting.with ?? "" })));

export function ErrorBoundary() {
  return <CalendarErrorBoundary />;
}
