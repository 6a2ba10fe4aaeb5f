/**
 * /calendar/find/<userId>?week=YYYY-MM-DD&duration=30|45|60|90: the times of the viewer's week
 * (from their week-start day) when both members are available and neither is blocked
 * (connections only). Picking one sends the other member a proposal as a direct message and
 * records a proposed meeting they can accept or decline, after checking again that it is still
 * free. With no shared time, the viewer can ask them by message to add availability.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { askAvailabilityText, proposeSlot, slotsWith } from "~/modules/calendar/calendar.server";
import { requireConnection } from "~/modules/calendar/find.server";
import { CALENDAR_MESSAGES, findTimeForm, weekOf } from "~/modules/calendar/forms.server";
import { DURATIONS, parseDuration, SLOTS_SHOWN, type Duration } from "~/modules/calendar/slots";
import { MINUTE_MS } from "~/modules/calendar/time";
import { addDays, dateLabel, isoDate, weekLabel, weekStartOf, type WeekStart } from "~/modules/calendar/week";
import { offsetLabel, timeIn, zoneDate } from "~/modules/calendar/zone";
import { calendarSettings } from "~/modules/calendar/time-zone.server";
import { sendMessage } from "~/modules/messages/messages.server";
import { flashHeader } from "~/services/flash.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

function readQuery(url: URL, zone: string, weekStart: WeekStart): { week: Date; minutes: Duration } {
  const weekParam = url.searchParams.get("week");
  const durationParam = url.searchParams.get("duration");
  const week = weekParam === null || weekParam === "" ? weekStartOf(zoneDate(zone, Date.now()), weekStart) : weekOf(weekParam, weekStart);
  const minutes = durationParam === null ? 30 : parseDuration(durationParam);
  if (!week || minutes === null) throw new Response(CALENDAR_MESSAGES.brokenFindLink, { status: 400 });
  return { week, minutes };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const other = await requireConnection(ctx, user.id, params.userId);
  const tz = await calendarSettings(ctx, user.id, request);
  const { week, minutes } = readQuery(new URL(request.url), tz.zone, tz.weekStart);
  const result = await slotsWith(ctx, { me: user.id, other: other.id, viewerZone: tz.zone, week, minutes });
  const days: { label: string; slots: { iso: string; time: string }[] }[] = [];
  for (const start of result.starts.slice(0, SLOTS_SHOWN)) {
    const label = dateLabel(zoneDate(tz.zone, start));
    if (days[days.length - 1]?.label !== label) days.push({ label, slots: [] });
    days[days.length - 1].slots.push({
      iso: new Date(start).toISOString(),
      time: `${timeIn(tz.zone, start)}–${timeIn(tz.zone, start + minutes * MINUTE_MS)} ${offsetLabel(tz.zone, start)}`,
    });
  }
  return {
    other,
    zone: tz.zone,
    zoneSource: tz.source,
    otherZone: result.otherZone,
    week: isoDate(week),
    label: weekLabel(week),
    prev: isoDate(addDays(week, -7)),
    next: isoDate(addDays(week, 7)),
    minutes,
    days,
    total: result.starts.length,
    why: result.why,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const other = await requireConnection(ctx, user.id, params.userId);
  const tz = await calendarSettings(ctx, user.id, request);
  const read = await readForm(request, findTimeForm(tz.weekStart), { maxBytes: 2_000 });
  // A broken week or length is said before a missing time.
  if (!read.ok) return data({ error: read.errors.week ?? read.errors.duration ?? read.errors.start ?? CALENDAR_MESSAGES.chooseSlot }, { status: 400 });
  const { week, minutes, slot: start } = read.data;
  // A proposal or a request is a direct message: it counts against the same per-member sending limit.
  const limit = await hit(ctx, `message-send:${user.id}`, LIMITS.messageSendPerMember);
  if (!limit.allowed) {
    return data(
      { error: `You have sent ${LIMITS.messageSendPerMember.limit} messages in the last minute, the most Ladder allows. Please wait a minute and send again.` },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const here = `/calendar/find/${other.id}?week=${isoDate(week)}&duration=${minutes}`;
  // (start is null only when asking)
  if (start === null) {
    const text = askAvailabilityText({ otherName: other.name, weekLabel: weekLabel(week), findHref: `/calendar/find/${user.id}?week=${isoDate(week)}` });
    const asked = await sendMessage(ctx, { senderId: user.id, receiverId: other.id, text });
    if (!asked.ok) return data({ error: "Ladder could not send the message: you are no longer connected to this member." }, { status: 403 });
    const flash = await flashHeader(`Message sent: you asked ${other.name} to add the times they are available.`);
    return redirect(here, { headers: { "Set-Cookie": flash } });
  }
  const sent = await proposeSlot(ctx, { me: user.id, other: other.id, viewerZone: tz.zone, week, minutes, start, otherName: other.name });
  if (!sent.ok) {
    const error =
      sent.reason === "taken"
        ? "That time is no longer free for both of you (or has passed). Choose another from the list."
        : "Ladder could not send the proposal: you are no longer connected to this member.";
    return data({ error }, { status: sent.reason === "taken" ? 400 : 403 });
  }
  const query = new URLSearchParams({ message: sent.messageId, meeting: sent.meetingId, start: new Date(start).toISOString(), minutes: String(minutes) });
  return redirect(`/calendar/find/${other.id}/sent?${query}`);
}

/** The root's headers; a 429 of the action keeps its Retry-After on the page's response. */
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  const retry = actionHeaders.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

/** After a refused proposal the list must be fresh too (Remix skips revalidation after a 4xx by default). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? true : defaultShouldRevalidate;

const WHY: Record<string, (name: string) => string> = {
  me_none: () => "You have marked no available time that week. Add some on your calendar first.",
  them_none: (name) => `${name} has marked no available time that week.`,
  no_overlap: (name) => `Your available times and ${name}'s do not meet that week (or one of you is blocked then).`,
  too_short: (name) => `You and ${name} are both free that week, but never for long enough at once. Try a shorter meeting.`,
  passed: () => "The times you were both free that week have already passed.",
};

export default function FindATime() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const base = `/calendar/find/${d.other.id}`;
  return (
    <section aria-labelledby="find-title" className="space-y-4">
      <h1 id="find-title">Find a time with {d.other.name}</h1>
      <p>
        {`Times are in your time zone, ${d.zone}${
          d.zoneSource === "saved" ? "" : d.zoneSource === "guess" ? " (a guess from your browser's language settings)" : " (you have not chosen one)"
        }. `}
        <Link to="/settings/time-zone">{d.zoneSource === "saved" ? "Change" : "Set your time zone"}</Link>
        {`. ${d.other.name}'s time zone: ${d.otherZone}.`}
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="week" value={d.week} />
        <div className="space-y-1">
          <label htmlFor="duration" className="block font-medium">
            Length
          </label>
          <select id="duration" name="duration" defaultValue={String(d.minutes)} className="rounded border border-stone-400 px-2 py-1.5">
            {DURATIONS.map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-quiet">
          Show times
        </button>
      </Form>
      <nav aria-label="Weeks" className="flex flex-wrap gap-x-4">
        <Link to={`${base}?week=${d.prev}&duration=${d.minutes}`}><Arrow to="back" /> Previous week</Link>
        <Link to={`${base}?week=${d.next}&duration=${d.minutes}`}>Next week <Arrow to="forward" /></Link>
      </nav>
      <h2>Week of {d.label}</h2>
      {failed ? <ErrorSummary errors={{ form: failed.error }} /> : null}
      {d.days.length === 0 ? (
        <div className="space-y-2">
          <p>{(WHY[d.why] ?? WHY.no_overlap)(d.other.name)}</p>
          {d.why === "me_none" ? null : (
            <Form method="post" action={`${base}?week=${d.week}&duration=${d.minutes}`} className="space-y-1">
              <CsrfInput />
              <input type="hidden" name="intent" value="ask" />
              <input type="hidden" name="week" value={d.week} />
              <input type="hidden" name="duration" value={d.minutes} />
              <button type="submit" className="btn" disabled={busy}>
                Ask {d.other.name} to add availability
              </button>
              <p className="text-sm text-stone-600">Sends them a message with a link to find a time with you.</p>
            </Form>
          )}
        </div>
      ) : (
        <Form method="post" action={`${base}?week=${d.week}&duration=${d.minutes}`} className="space-y-3">
          <CsrfInput />
          <input type="hidden" name="week" value={d.week} />
          <input type="hidden" name="duration" value={d.minutes} />
          <p>
            {d.total > d.days.reduce((n, day) => n + day.slots.length, 0)
              ? `The first ${SLOTS_SHOWN} of ${d.total} times when you are both free for ${d.minutes} minutes:`
              : `${d.total === 1 ? "One time" : `${d.total} times`} when you are both free for ${d.minutes} minutes:`}
          </p>
          {d.days.map((day) => (
            <fieldset key={day.label} className="space-y-1">
              <legend className="font-semibold">{day.label}</legend>
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {day.slots.map((s) => (
                  <li key={s.iso}>
                    <label>
                      <input type="radio" name="start" value={s.iso} required /> {s.time}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
          <button type="submit" className="btn" disabled={busy}>
            Send {d.other.name} this time
          </button>
          <p className="text-sm text-stone-600">
            They get a message with the time in both your zones and can accept or decline it; you get a calendar file.
          </p>
        </Form>
      )}
      <p>
        <Link to={`/calendar?week=${d.week}`}>Your calendar</Link> · <Link to={`/u/${d.other.id}`}>{d.other.name}&apos;s profile</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `Find a time with ${d.other.name} | Ladder` : "Find a time | Ladder");

/** Only the 403 for people who are not connected offers ways back: their profile (to connect) and your calendar. */
export function ErrorBoundary() {
  const { userId } = useParams();
  return (
    <RouteErrorBoundary
      back={[
        { to: `/u/${userId}`, label: "Open their profile" },
        { to: "/calendar", label: "Your calendar" },
      ]}
      backOnlyForStatus={403}
    />
  );
}
