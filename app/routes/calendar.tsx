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
import { addDays, dateLabel, isoDate, WEEK_START_NAMES, weekLabel, weekStartOf, windowDays } from "~/modules/calendar/week";
import { offsetLabel, wallToInstant, zoneDate } from "~/modules/calendar/zone";
import { calendarSettings } from "~/modules/calendar/time-zone.server";
import { listNetwork } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

const CONNECTIONS_SHOWN = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const url = new URL(request.url);
  const tz = await calendarSettings(ctx, user.id, request);
  const today = weekStartOf(zoneDate(tz.zone, Date.now()), tz.weekStart);
  const param = url.searchParams.get("week");
  const week = param === null ? today : weekOf(param, tz.weekStart);
  if (!week) throw new Response(CALENDAR_MESSAGES.brokenWeek, { status: 400 });
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
    label: dateLabel(date),
    // The zone's offset at noon of that day (it changes with daylight saving time).
    offset: offsetLabel(tz.zone, wallToInstant(tz.zone, date, 12 * 60)),
    blocks: blocks.filter((b) => b.index === index).map((b) => ({ id: b.id, time: rangeLabel(b), blocked: b.isBlocked })),
    meetings: meetings
      .filter((m) => Math.floor((zoneDate(tz.zone, Math.max(m.startsAt.getTime(), window.start)).getTime() - week.getTime()) / DAY_MS) === index)
      .map((m) => meetingLine(tz.zone, m)),
  }));
  return {
    week: isoDate(week),
    label: weekLabel(week),
    weekStartName: WEEK_START_NAMES[tz.weekStart],
    prev: isoDate(addDays(week, -7)),
    next: isoDate(addDays(week, 7)),
    isThisWeek: week.getTime() === today.getTime(),
    thisWeek: isoDate(today),
    zone: tz.zone,
    zoneSource: tz.source,
    days,
    empty: blocks.length === 0,
    invited: invited.rows.map((m) => meetingLine(tz.zone, m)),
    sent: sent.rows.map((m) => meetingLine(tz.zone, m)),
    morePending: Boolean(invited.next || sent.next),
    connections: connections.rows.map((c) => ({ id: c.userId, name: displayName(c.name) })),
    moreConnections: Boolean(connections.next),
  };
}

type AddFields = { day: string; start: string; end: string; kind: string };
type ActionResult = { intent: "add"; values: AddFields; errors: Record<string, string> } | { intent: "copy"; errors: { form: string } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
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
    const removed = await removeBlock(ctx, user.id, form.id);
    if (!removed) throw new Response("There is no such block in your calendar. It may have been removed already.", { status: 404 });
    const shown = weekStartOf(removed.date, tz.weekStart);
    return redirect(`/calendar?week=${isoDate(shown)}`, { headers: { "Set-Cookie": await flashHeader(`Removed ${removed.label}.`) } });
  }
  const week = form.week;
  const back = `/calendar?week=${isoDate(week)}`;
  if (form.intent === "copy") {
    const copied = await copyPreviousWeek(ctx, user.id, week);
    if (!copied.ok) {
      const message =
        copied.reason === "not_empty"
          ? "This week already has blocks, so last week was not copied. Remove them first if you want last week's instead."
          : `The week before (${weekLabel(addDays(week, -7))}) has no blocks to copy.`;
      return data<ActionResult>({ intent: "copy", errors: { form: message } }, { status: 400 });
    }
    const n = copied.copied;
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(`Copied ${n} block${n === 1 ? "" : "s"} from last week.`) } });
  }
  // The form's day is the day's place in the week shown; storage keeps it on its Monday week.
  const day = windowDays(week)[form.dayOfWeek];
  const added = await addBlock(ctx, { userId: user.id, week: day.week, dayOfWeek: day.dayOfWeek, range: form.range, isBlocked: form.isBlocked, zone: tz.zone });
  if (!added.ok) {
    const other = `${rangeLabel(added.overlap)} (${added.overlap.isBlocked ? "blocked" : "available"})`;
    const message = `This overlaps ${other} on ${dateLabel(day.date)}. Blocks may touch (10:00–11:00 after 09:00–10:00) but not overlap.`;
    const values = { day: String(form.dayOfWeek), start: read.values.start ?? "", end: read.values.end ?? "", kind: form.isBlocked ? "blocked" : "available" };
    return data<ActionResult>({ intent: "add", values, errors: { start: message } }, { status: 400 });
  }
  const what = `${rangeLabel(form.range)} on ${dateLabel(day.date)} (${form.isBlocked ? "blocked" : "available"})`;
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(`Added ${what}.`) } });
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
  return (
    <section aria-labelledby="calendar-title" className="space-y-4">
      <h1 id="calendar-title">Your calendar</h1>
      <p>
        {`Times are in ${d.zone}${
          d.zoneSource === "guess" ? ", a guess from your browser's language settings" : d.zoneSource === "default" ? ", because you have not chosen a time zone" : ""
        }. `}
        <Link to="/settings/time-zone">{d.zoneSource === "saved" ? "Change your time zone" : "Set your time zone"}</Link>
        {`. Your week starts on ${d.weekStartName}. `}
        <Link to="/settings/time-zone#week-start">Change the first day</Link>
      </p>
      {d.invited.length > 0 || d.sent.length > 0 ? (
        <section aria-labelledby="pending-title" className="card space-y-2">
          <h2 id="pending-title">Meetings waiting for an answer</h2>
          {d.invited.length > 0 ? (
            <ul aria-label="Proposed to you" className="space-y-2">
              {d.invited.map((m) => (
                <li key={m.id} className="space-y-1">
                  <p>{`${m.with} proposes ${m.date}, ${m.time}.`}</p>
                  <MeetingAnswerForms id={m.id} about={`with ${m.with}, ${m.date}`} />
                </li>
              ))}
            </ul>
          ) : null}
          {d.sent.length > 0 ? (
            <ul aria-label="Proposed by you" className="space-y-1">
              {d.sent.map((m) => (
                <li key={m.id}>
                  {`You proposed ${m.date}, ${m.time} to ${m.with}: `}
                  <Link to={`/calendar/meetings/${m.id}`}>waiting for their answer</Link>.
                </li>
              ))}
            </ul>
          ) : null}
          {d.morePending ? <Link to="/calendar/meetings">All meetings waiting for an answer</Link> : null}
        </section>
      ) : null}
      <nav aria-label="Weeks" className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <Link to={`/calendar?week=${d.prev}`}><Arrow to="back" /> Previous week</Link>
        {d.isThisWeek ? null : <Link to={`/calendar?week=${d.thisWeek}`}>This week</Link>}
        <Link to={`/calendar?week=${d.next}`}>Next week <Arrow to="forward" /></Link>
      </nav>
      <h2>Week of {d.label}</h2>
      {failed?.intent === "copy" ? <ErrorSummary errors={failed.errors} /> : null}
      {d.empty ? <p className="text-stone-600">No blocks this week yet. Add one below, or copy last week.</p> : null}
      <ul aria-label="Days" className="space-y-2">
        {d.days.map((day) => (
          <li key={day.dow} id={`day-${day.dow}`} className="rounded border border-stone-200 bg-white p-3">
            <h3 className="text-base font-semibold">{day.label}</h3>
            {day.meetings.length > 0 ? (
              <ul aria-label={`Meetings on ${day.label}`} className="space-y-1">
                {day.meetings.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-x-3">
                    <span>
                      {m.time} · <strong>Meeting with {m.with}</strong>
                    </span>
                    <a href={m.ics} download="ladder-meeting.ics" className="inline-block py-0.5">
                      .ics<span className="sr-only"> file of the meeting with {m.with}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            {day.blocks.length === 0 ? (
              <p className="text-sm text-stone-600">Nothing marked.</p>
            ) : (
              <ul aria-label={day.label} className="space-y-1">
                {day.blocks.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center gap-x-3">
                    <span>
                      {b.time} {day.offset} · <strong>{b.blocked ? "Blocked" : "Available"}</strong>
                    </span>
                    <Form method="post" className="inline">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="id" value={b.id} />
                      <button type="submit" className="btn-quiet text-sm">
                        Remove<span className="sr-only">
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
        <h2 id="add-title">Add a time</h2>
        {add ? <ErrorSummary errors={add.errors} labels={{ day: "Day", start: "Start", end: "End", kind: "Kind" }} /> : null}
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="week" value={d.week} />
        <div className="flex flex-wrap gap-3">
          <div className="space-y-1">
            <label htmlFor="day" className="block font-medium">
              Day
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
          <TimeSelect name="start" label={`Start (${d.zone})`} choices={START_CHOICES} value={values.start.slice(0, 5)} error={add?.errors.start} />
          <TimeSelect name="end" label={`End (${d.zone})`} choices={END_CHOICES} value={values.end.slice(0, 5)} error={add?.errors.end} />
        </div>
        <fieldset className="space-y-1" aria-describedby={add?.errors.kind ? "kind-error" : undefined}>
          <legend className="font-medium">Kind</legend>
          <label className="me-4">
            <input type="radio" name="kind" value="available" defaultChecked={values.kind === "available"} /> Available
          </label>
          <label>
            <input type="radio" name="kind" value="blocked" defaultChecked={values.kind === "blocked"} /> Blocked
          </label>
          {add?.errors.kind ? (
            <p id="kind-error" className="text-sm font-medium text-red-800">
              {add.errors.kind}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="btn" disabled={busy}>
          Add
        </button>
      </Form>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="copy" />
        <input type="hidden" name="week" value={d.week} />
        <button type="submit" className="btn-quiet">
          Copy last week&apos;s blocks
        </button>
        <span className="text-sm text-stone-600">Only into an empty week.</span>
      </Form>
      <section aria-labelledby="find-title" className="space-y-2">
        <h2 id="find-title">Find a time with a connection</h2>
        {d.connections.length === 0 ? (
          <p className="text-stone-600">
            You have no connections yet. <Link to="/people">Find people</Link>
          </p>
        ) : (
          <ul aria-label="Your connections" className="space-y-1">
            {d.connections.map((c) => (
              <li key={c.id}>
                <Link to={`/calendar/find/${c.id}?week=${d.week}`}>Find a time with {c.name}</Link>
              </li>
            ))}
          </ul>
        )}
        {d.moreConnections ? (
          <p className="text-sm">
            More in <Link to="/network">your network</Link>: open a profile and choose &ldquo;Find a time&rdquo;.
          </p>
        ) : null}
      </section>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your calendar | Ladder");
