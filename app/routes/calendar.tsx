/**
 * /calendar?week=YYYY-MM-DD: the member's own week, from the day it starts on for them (Saturday,
 * Sunday or Monday; decision 029), blocked and available time per day in their time zone, their
 * accepted meetings, and the proposed meetings waiting for an answer. Add, remove and "copy last
 * week" post here.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { addBlock, copyPreviousWeek, listWindow, removeBlock } from "~/modules/calendar/calendar.server";
import { CALENDAR_MESSAGES, calendarForm, weekOf } from "~/modules/calendar/forms.server";
import { MeetingAnswerForms } from "~/components/calendar/MeetingAnswerForms";
import { meetingLine } from "~/modules/calendar/meeting-line";
import { acceptedBetween, pendingMeetings, PENDING_SHOWN } from "~/modules/calendar/meetings.server";
import { weekWindow } from "~/modules/calendar/slots";
import { DAY_MS, END_CHOICES, rangeLabel, START_CHOICES } from "~/modules/calendar/time";
import { addDays, dateLabel, isoDate, weekdayName, weekLabel, weekStartOf, windowDays } from "~/modules/calendar/week";
import { offsetLabel, wallToInstant, zoneDate } from "~/modules/calendar/zone";
import { calendarSettings } from "~/modules/calendar/time-zone.server";
import { listNetwork } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";
import { bidi, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";

const CONNECTIONS_SHOWN = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const tz = await calendarSettings(ctx, user.id, request);
  const today = weekStartOf(zoneDate(tz.zone, Date.now()), tz.weekStart);
  const param = url.searchParams.get("week");
  const week = param === null ? today : weekOf(param, tz.weekStart);
  if (!week) throw new Response(t(CALENDAR_MESSAGES.brokenWeek), { status: 400 });
  const window = weekWindow(tz.zone, week);
  const [blocks, connections, meetings, invited, sent] = await Promise.all([
    listWindow(ctx, user.id, week),
    listNetwork(ctx, user.id, "connections", { pageSize: CONNECTIONS_SHOWN }),
    acceptedBetween(ctx, user.id, new Date(window.start), new Date(window.end)),
    pendingMeetings(ctx, user.id, "invited", { pageSize: PENDING_SHOWN }),
    pendingMeetings(ctx, user.id, "sent", { pageSize: PENDING_SHOWN }),
  ]);
  const days = windowDays(week).map(({ index, date }) => ({
    dow: index,
    label: dateLabel(date, lang),
    // The zone's offset at noon of that day (it changes with daylight saving time).
    offset: offsetLabel(tz.zone, wallToInstant(tz.zone, date, 12 * 60)),
    blocks: blocks.filter((b) => b.index === index).map((b) => ({ id: b.id, time: rangeLabel(b), blocked: b.isBlocked })),
    meetings: meetings
      .filter((m) => Math.floor((zoneDate(tz.zone, Math.max(m.startsAt.getTime(), window.start)).getTime() - week.getTime()) / DAY_MS) === index)
      .map((m) => meetingLine(tz.zone, m, lang, t)),
  }));
  return {
    week: isoDate(week),
    label: weekLabel(week, lang),
    weekStartName: weekdayName(tz.weekStart, lang),
    prev: isoDate(addDays(week, -7)),
    next: isoDate(addDays(week, 7)),
    isThisWeek: week.getTime() === today.getTime(),
    thisWeek: isoDate(today),
    zone: tz.zone,
    zoneSource: tz.source,
    days,
    empty: blocks.length === 0,
    invited: invited.rows.map((m) => meetingLine(tz.zone, m, lang, t)),
    sent: sent.rows.map((m) => meetingLine(tz.zone, m, lang, t)),
    morePending: Boolean(invited.next || sent.next),
    connections: connections.rows.map((c) => ({ id: c.userId, name: displayName(c.name) })),
    moreConnections: Boolean(connections.next),
    ...(await pageMessages(request, ["calendar"])),
  };
}

type AddFields = { day: string; start: string; end: string; kind: string };
type ActionResult = { intent: "add"; values: AddFields; errors: Record<string, string> } | { intent: "copy"; errors: { form: string } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const tz = await calendarSettings(ctx, user.id, request);
  const read = await readForm(request, calendarForm(tz.weekStart), { maxBytes: 4_000 });
  if (!read.ok) {
    // A broken week is said above the week (whichever form sent it), before any field of the add form.
    if (read.errors.week) return data<ActionResult>({ intent: "copy", errors: { form: read.errors.week } }, { status: 400 });
    if (read.errors.intent) throw new Response(read.errors.intent, { status: 400 });
    const typed = (name: keyof AddFields) => (read.values[name] ?? "").slice(0, 40);
    const values = { day: typed("day"), start: typed("start"), end: typed("end"), kind: typed("kind") };
    return data<ActionResult>({ intent: "add", values, errors: read.errors }, { status: 400 });
  }
  const form = read.data;
  if (form.intent === "remove") {
    const removed = await removeBlock(ctx, user.id, form.id, lang);
    if (!removed) throw new Response(t("calendar.remove.notFound"), { status: 404 });
    const shown = weekStartOf(removed.date, tz.weekStart);
    const flash = await flashHeader("calendar.remove.done", "success", { label: removed.label });
    return redirect(`/calendar?week=${isoDate(shown)}`, { headers: { "Set-Cookie": flash } });
  }
  const week = form.week;
  const back = `/calendar?week=${isoDate(week)}`;
  if (form.intent === "copy") {
    const copied = await copyPreviousWeek(ctx, user.id, week);
    if (!copied.ok) {
      const message =
        copied.reason === "not_empty" ? t("calendar.copy.notEmpty") : t("calendar.copy.nothing", { week: weekLabel(addDays(week, -7), lang) });
      return data<ActionResult>({ intent: "copy", errors: { form: message } }, { status: 400 });
    }
    const n = copied.copied;
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("calendar.copy.done", "success", { count: n }) } });
  }
  // The form's day is the day's place in the week shown; storage keeps it on its Monday week.
  const day = windowDays(week)[form.dayOfWeek];
  const added = await addBlock(ctx, { userId: user.id, week: day.week, dayOfWeek: day.dayOfWeek, range: form.range, isBlocked: form.isBlocked, zone: tz.zone });
  if (!added.ok) {
    const overlap = { range: rangeLabel(added.overlap), kind: added.overlap.isBlocked ? "blocked" : "available", day: dateLabel(day.date, lang) };
    const message = t("calendar.add.overlap", overlap);
    const values = { day: String(form.dayOfWeek), start: read.values.start ?? "", end: read.values.end ?? "", kind: form.isBlocked ? "blocked" : "available" };
    return data<ActionResult>({ intent: "add", values, errors: { start: message } }, { status: 400 });
  }
  const what = { range: rangeLabel(form.range), day: dateLabel(day.date, lang), kind: form.isBlocked ? "blocked" : "available" };
  return redirect(back, { headers: { "Set-Cookie": await flashHeader("calendar.add.done", "success", what) } });
}

function TimeSelect({ name, label, choices, value, error }: { name: string; label: string; choices: string[]; value: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} className="rounded border border-stone-400 px-2 py-1.5">
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export default function Calendar() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const add = failed?.intent === "add" ? failed : null;
  const values = add?.values ?? { day: "0", start: "09:00", end: "10:00", kind: "available" };
  const t = useT();
  // Zones read left to right inside an Arabic sentence.
  const zone = useLanguage() === "en" ? d.zone : bidi(d.zone);
  const zoneText = d.zoneSource === "guess" ? "calendar.week.zoneGuess" : d.zoneSource === "default" ? "calendar.week.zoneDefault" : "calendar.week.zone";
  return (
    <section aria-labelledby="calendar-title" className="space-y-4">
      <h1 id="calendar-title">{t("calendar.title")}</h1>
      <p>
        {t(zoneText, { zone })}{" "}
        <Link to="/settings/time-zone">{t(d.zoneSource === "saved" ? "calendar.week.changeZone" : "calendar.week.setZone")}</Link>
        {". "}
        {t("calendar.week.startsOn", { day: d.weekStartName })}{" "}
        <Link to="/settings/time-zone#week-start">{t("calendar.week.changeFirstDay")}</Link>
      </p>
      {d.invited.length > 0 || d.sent.length > 0 ? (
        <section aria-labelledby="pending-title" className="card space-y-2">
          <h2 id="pending-title">{t("calendar.pending.title")}</h2>
          {d.invited.length > 0 ? (
            <ul aria-label={t("calendar.pending.toYou")} className="space-y-2">
              {d.invited.map((m) => (
                <li key={m.id} className="space-y-1">
                  <p>{t("calendar.pending.proposes", { name: m.with, date: m.date, time: m.time })}</p>
                  <MeetingAnswerForms id={m.id} about={t("calendar.answer.about", { name: m.with, date: m.date })} />
                </li>
              ))}
            </ul>
          ) : null}
          {d.sent.length > 0 ? (
            <ul aria-label={t("calendar.pending.byYou")} className="space-y-1">
              {d.sent.map((m) => (
                <li key={m.id}>
                  {t("calendar.pending.youProposed", { date: m.date, time: m.time, name: m.with })}{" "}
                  <Link to={`/calendar/meetings/${m.id}`}>{t("calendar.pending.waiting")}</Link>.
                </li>
              ))}
            </ul>
          ) : null}
          {d.morePending ? <Link to="/calendar/meetings">{t("calendar.pending.all")}</Link> : null}
        </section>
      ) : null}
      <nav aria-label={t("calendar.nav.weeks")} className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link to={`/calendar?week=${d.prev}`}><Arrow to="back" /> {t("calendar.nav.previous")}</Link>
        {d.isThisWeek ? null : <Link to={`/calendar?week=${d.thisWeek}`}>{t("calendar.nav.thisWeek")}</Link>}
        <Link to={`/calendar?week=${d.next}`}>{t("calendar.nav.next")} <Arrow to="forward" /></Link>
      </nav>
      <h2>{t("calendar.week.of", { label: d.label })}</h2>
      {failed?.intent === "copy" ? <ErrorSummary errors={failed.errors} /> : null}
      {d.empty ? <p className="text-stone-600">{t("calendar.week.empty")}</p> : null}
      <ul aria-label={t("calendar.day.list")} className="space-y-2">
        {d.days.map((day) => (
          <li key={day.dow} id={`day-${day.dow}`} className="rounded border border-stone-200 bg-white p-3">
            <h3 className="text-base font-semibold">{day.label}</h3>
            {day.meetings.length > 0 ? (
              <ul aria-label={t("calendar.day.meetingsOn", { day: day.label })} className="space-y-1">
                {day.meetings.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-x-3">
                    <span>
                      {m.time} · <strong>{t("calendar.meeting.title", { name: m.with })}</strong>
                    </span>
                    <a href={m.ics} download="ladder-meeting.ics" className="inline-block py-0.5">
                      .ics<span className="sr-only"> {t("calendar.day.icsFile", { name: m.with })}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {day.blocks.length === 0 ? (
              <p className="text-sm text-stone-600">{t("calendar.day.nothing")}</p>
            ) : (
              <ul aria-label={day.label} className="space-y-1">
                {day.blocks.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center gap-x-3">
                    <span>
                      {b.time} {day.offset} · <strong>{t(b.blocked ? "calendar.kind.blocked" : "calendar.kind.available")}</strong>
                    </span>
                    <Form method="post" className="inline">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={b.id} />
                      <button type="submit" className="btn-quiet text-sm">
                        {t("calendar.day.remove")}
                        <span className="sr-only">
                          {" "}
                          {b.time} {day.label}
                        </span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <Form method="post" className="card space-y-3" aria-labelledby="add-title">
        <h2 id="add-title">{t("calendar.add.title")}</h2>
        {add ? (
          <ErrorSummary
            errors={add.errors}
            labels={{ day: t("calendar.add.day"), start: t("calendar.add.start"), end: t("calendar.add.end"), kind: t("calendar.add.kind") }}
          />
        ) : null}
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="week" value={d.week} />
        <div className="flex flex-wrap gap-3">
          <div className="space-y-1">
            <label htmlFor="day" className="block font-medium">
              {t("calendar.add.day")}
            </label>
            <select id="day" name="day" defaultValue={values.day} className="rounded border border-stone-400 px-2 py-1.5">
              {d.days.map((day) => (
                <option key={day.dow} value={day.dow}>
                  {day.label}
                </option>
              ))}
            </select>
            {add?.errors.day ? <p className="text-sm font-medium text-red-800">{add.errors.day}</p> : null}
          </div>
          <TimeSelect name="start" label={t("calendar.add.startIn", { zone })} choices={START_CHOICES} value={values.start.slice(0, 5)} error={add?.errors.start} />
          <TimeSelect name="end" label={t("calendar.add.endIn", { zone })} choices={END_CHOICES} value={values.end.slice(0, 5)} error={add?.errors.end} />
        </div>
        <fieldset className="space-y-1" aria-describedby={add?.errors.kind ? "kind-error" : undefined}>
          <legend className="font-medium">{t("calendar.add.kind")}</legend>
          <label className="me-4">
            <input type="radio" name="kind" value="available" defaultChecked={values.kind === "available"} /> {t("calendar.kind.available")}
          </label>
          <label>
            <input type="radio" name="kind" value="blocked" defaultChecked={values.kind === "blocked"} /> {t("calendar.kind.blocked")}
          </label>
          {add?.errors.kind ? (
            <p id="kind-error" className="text-sm font-medium text-red-800">
              {add.errors.kind}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="btn" disabled={busy}>
          {t("calendar.add.submit")}
        </button>
      </Form>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="copy" />
        <input type="hidden" name="week" value={d.week} />
        <button type="submit" className="btn-quiet">
          {t("calendar.copy.submit")}
        </button>
        <span className="text-sm text-stone-600">{t("calendar.copy.note")}</span>
      </Form>
      <section aria-labelledby="find-title" className="space-y-2">
        <h2 id="find-title">{t("calendar.connections.title")}</h2>
        {d.connections.length === 0 ? (
          <p className="text-stone-600">
            {t("calendar.connections.none")} <Link to="/people">{t("calendar.connections.findPeople")}</Link>
          </p>
        ) : (
          <ul aria-label={t("calendar.connections.list")} className="space-y-1">
            {d.connections.map((c) => (
              <li key={c.id}>
                <Link to={`/calendar/find/${c.id}?week=${d.week}`}>{t("calendar.find.with", { name: c.name })}</Link>
              </li>
            ))}
          </ul>
        )}
        {d.moreConnections ? (
          <p className="text-sm">
            {t("calendar.connections.moreBefore")} <Link to="/network">{t("calendar.connections.moreLink")}</Link>
            {t("calendar.connections.moreAfter")}
          </p>
        ) : null}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("calendar.pageTitle")));
