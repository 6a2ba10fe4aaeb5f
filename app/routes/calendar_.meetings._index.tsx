/**
 * /calendar/meetings: every proposed meeting still waiting for an answer, proposed to you (with
 * Accept and Decline) and by you. Two keyset lists on (starts_at, id), 20 a page each; the
 * cursors are plain (`<ms>.<id>`), since both queries are the member's own.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingAnswerForms } from "~/components/calendar/MeetingAnswerForms";
import { CalendarErrorBoundary } from "~/components/calendar/CalendarErrorBoundary";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isUuid } from "~/lib/ids";
import { calendarFailure } from "~/modules/calendar/failure.server";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { pendingMeetings, type PendingPosition } from "~/modules/calendar/meetings.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { around } from "~/modules/calendar/words";

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
  const lang = await languageOf(request);
  const t = translator(lang);
  if (invitedAfter === null || sentAfter === null) {
    throw calendarFailure(400, t("calendar.pending.brokenLink"), [{ to: "/calendar/meetings", label: t("calendar.pending.title") }]);
  }
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
    invited: invited.rows.map((m) => meetingLine(tz.zone, m, lang, t)),
    sent: sent.rows.map((m) => meetingLine(tz.zone, m, lang, t)),
    moreInvited: invited.next ? link("invited", invited.next) : null,
    moreSent: sent.next ? link("sent", sent.next) : null,
    paged: Boolean(invitedAfter || sentAfter),
    ...(await pageMessages(request, ["calendar"])),
  };
}

/** "with <strong>Dina Saleh</strong>", the name where the language puts it. */
function WithName({ name }: { name: string }) {
  const [before, after] = around(useT(), "calendar.pending.with", { name }, "name");
  return (
    <>
      {before}
      <strong dir="auto">{name}</strong>
      {after}
    </>
  );
}

export default function PendingMeetings() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="meetings-title" className="space-y-4">
      <h1 id="meetings-title">{t("calendar.pending.title")}</h1>
      <section aria-labelledby="invited-title" className="card space-y-2">
        <h2 id="invited-title">{t("calendar.pending.toYou")}</h2>
        {d.invited.length === 0 ? <p className="text-stone-600">{t("calendar.pending.none")}</p> : null}
        <ul className="space-y-3">
          {d.invited.map((m) => (
            <li key={m.id} className="space-y-1">
              <p>
                <Link to={`/calendar/meetings/${m.id}`}>{t("calendar.when", { date: m.date, time: m.time })}</Link> <WithName name={m.with} />
              </p>
              <MeetingAnswerForms id={m.id} about={t("calendar.answer.about", { name: m.with, date: m.date })} />
            </li>
          ))}
        </ul>
        {d.moreInvited ? <Link to={d.moreInvited}>{t("calendar.pending.laterToYou")}</Link> : null}
      </section>
      <section aria-labelledby="sent-title" className="card space-y-2">
        <h2 id="sent-title">{t("calendar.pending.byYou")}</h2>
        {d.sent.length === 0 ? <p className="text-stone-600">{t("calendar.pending.none")}</p> : null}
        <ul className="space-y-1">
          {d.sent.map((m) => (
            <li key={m.id}>
              <Link to={`/calendar/meetings/${m.id}`}>{t("calendar.when", { date: m.date, time: m.time })}</Link> <WithName name={m.with} />
            </li>
          ))}
        </ul>
        {d.moreSent ? <Link to={d.moreSent}>{t("calendar.pending.laterByYou")}</Link> : null}
      </section>
      <p>
        {d.paged ? (
          <>
            <Link to="/calendar/meetings">{t("calendar.pending.first")}</Link> ·{" "}
          </>
        ) : null}
        <Link to="/calendar">{t("calendar.back.calendar")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("calendar.pending.pageTitle")));

export function ErrorBoundary() {
  return <CalendarErrorBoundary />;
}
