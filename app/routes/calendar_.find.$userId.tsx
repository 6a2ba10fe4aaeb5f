/**
 * /calendar/find/<userId>?week=YYYY-MM-DD&duration=30|45|60|90: the times of the viewer's week
 * (from their week-start day) when both members are available and neither is blocked
 * (connections only). Picking one sends the other member a proposal as a direct message and
 * records a proposed meeting they can accept or decline, after checking again that it is still
 * free. With no shared time, the viewer can ask them by message to add availability.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CalendarErrorBoundary } from "~/components/calendar/CalendarErrorBoundary";
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
import { savedLanguage } from "~/modules/accounts/index.server";
import { offsetLabel, timeIn, zoneDate } from "~/modules/calendar/zone";
import { calendarSettings } from "~/modules/calendar/time-zone.server";
import { sendMessage } from "~/modules/messages/messages.server";
import { flashHeader } from "~/services/flash.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";
import { bidi, useLanguage, useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";

function readQuery(url: URL, zone: string, weekStart: WeekStart, t: Translate): { week: Date; minutes: Duration } {
  const weekParam = url.searchParams.get("week");
  const durationParam = url.searchParams.get("duration");
  const week = weekParam === null || weekParam === "" ? weekStartOf(zoneDate(zone, Date.now()), weekStart) : weekOf(weekParam, weekStart);
  const minutes = durationParam === null ? 30 : parseDuration(durationParam);
  if (!week || minutes === null) throw new Response(t(CALENDAR_MESSAGES.brokenFindLink), { status: 400 });
  return { week, minutes };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const other = await requireConnection(ctx, user.id, params.userId, t, { withWaysBack: true });
  const tz = await calendarSettings(ctx, user.id, request);
  const { week, minutes } = readQuery(new URL(request.url), tz.zone, tz.weekStart, t);
  const result = await slotsWith(ctx, { me: user.id, other: other.id, viewerZone: tz.zone, week, minutes });
  const days: { label: string; slots: { iso: string; time: string }[] }[] = [];
  for (const start of result.starts.slice(0, SLOTS_SHOWN)) {
    const label = dateLabel(zoneDate(tz.zone, start), lang);
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
    label: weekLabel(week, lang),
    prev: isoDate(addDays(week, -7)),
    next: isoDate(addDays(week, 7)),
    minutes,
    days,
    total: result.starts.length,
    why: result.why,
    ...(await pageMessages(request, ["calendar"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const other = await requireConnection(ctx, user.id, params.userId, t, { withWaysBack: true });
  const tz = await calendarSettings(ctx, user.id, request);
  const read = await readForm(request, findTimeForm(tz.weekStart), { maxBytes: 2_000 });
  // A broken week or length is said before a missing time.
  if (!read.ok) return data({ error: read.errors.week ?? read.errors.duration ?? read.errors.start ?? t(CALENDAR_MESSAGES.chooseSlot) }, { status: 400 });
  const { week, minutes, slot: start } = read.data;
  // A proposal or a request is a direct message: it counts against the same per-member sending limit.
  const limit = await hit(ctx, `message-send:${user.id}`, LIMITS.messageSendPerMember);
  if (!limit.allowed) {
    return data(
      { error: t("calendar.find.rateLimited", { limit: LIMITS.messageSendPerMember.limit }) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const here = `/calendar/find/${other.id}?week=${isoDate(week)}&duration=${minutes}`;
  // (start is null only when asking)
  if (start === null) {
    // A message to the other member: in their language.
    const theirs = await savedLanguage(ctx, other.id);
    const findHref = `/calendar/find/${user.id}?week=${isoDate(week)}`;
    const text = askAvailabilityText({ otherName: other.name, weekLabel: weekLabel(week, theirs), findHref }, translator(theirs));
    const asked = await sendMessage(ctx, { senderId: user.id, receiverId: other.id, text });
    if (!asked.ok) return data({ error: t("calendar.find.askNotConnected") }, { status: 403 });
    const flash = await flashHeader("calendar.find.asked", "success", { name: other.name });
    return redirect(here, { headers: { "Set-Cookie": flash } });
  }
  const sent = await proposeSlot(ctx, { me: user.id, other: other.id, viewerZone: tz.zone, week, minutes, start, otherName: other.name });
  if (!sent.ok) {
    const error = t(sent.reason === "taken" ? "calendar.find.taken" : "calendar.find.proposeNotConnected");
    return data({ error }, { status: sent.reason === "taken" ? 400 : 403 });
  }
  const query = new URLSearchParams({ message: sent.messageId, meeting: sent.meetingId, start: new Date(start).toISOString(), minutes: String(minutes) });
  return redirect(`/calendar/find/${other.id}/sent?${query}`);
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

/** After a refused proposal the list must be fresh too (Remix skips revalidation after a 4xx by default). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? true : defaultShouldRevalidate;

/** Why no time was found (slots' `why`): calendar.find.why.<why>. */
const WHY = new Set(["me_none", "them_none", "no_overlap", "too_short", "passed"]);

export default function FindATime() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  // Zones read left to right inside an Arabic sentence.
  const ltr = useLanguage() === "en" ? (value: string) => value : bidi;
  const zoneText = d.zoneSource === "saved" ? "calendar.find.zone" : d.zoneSource === "guess" ? "calendar.find.zoneGuess" : "calendar.find.zoneDefault";
  const name = d.other.name;
  const base = `/calendar/find/${d.other.id}`;
  const shown = d.days.reduce((n, day) => n + day.slots.length, 0);
  return (
    <section aria-labelledby="find-title" className="space-y-4">
      <h1 id="find-title">{t("calendar.find.with", { name })}</h1>
      <p>
        {t(zoneText, { zone: ltr(d.zone) })}{" "}
        <Link to="/settings/time-zone">{t(d.zoneSource === "saved" ? "calendar.find.change" : "calendar.week.setZone")}</Link>
        {". "}
        {t("calendar.find.otherZone", { name, zone: ltr(d.otherZone) })}
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="week" value={d.week} />
        <div className="space-y-1">
          <label htmlFor="duration" className="block font-medium">
            {t("calendar.find.length")}
          </label>
          <select id="duration" name="duration" defaultValue={String(d.minutes)} className="rounded border border-stone-400 px-2 py-1.5">
            {DURATIONS.map((m) => (
              <option key={m} value={m}>
                {t("calendar.find.minutes", { minutes: m })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-quiet">
          {t("calendar.find.show")}
        </button>
      </Form>
      <nav aria-label={t("calendar.nav.weeks")} className="flex flex-wrap gap-x-4">
        <Link to={`${base}?week=${d.prev}&duration=${d.minutes}`}><Arrow to="back" /> {t("calendar.nav.previous")}</Link>
        <Link to={`${base}?week=${d.next}&duration=${d.minutes}`}>{t("calendar.nav.next")} <Arrow to="forward" /></Link>
      </nav>
      <h2>{t("calendar.week.of", { label: d.label })}</h2>
      {failed ? <ErrorSummary errors={{ form: failed.error }} /> : null}
      {d.days.length === 0 ? (
        <div className="space-y-2">
          <p>{t(`calendar.find.why.${WHY.has(d.why) ? d.why : "no_overlap"}`, { name })}</p>
          {d.why === "me_none" ? null : (
            <Form method="post" action={`${base}?week=${d.week}&duration=${d.minutes}`} className="space-y-1">
              <CsrfInput />
              <input type="hidden" name="intent" value="ask" />
              <input type="hidden" name="week" value={d.week} />
              <input type="hidden" name="duration" value={d.minutes} />
              <button type="submit" className="btn" disabled={busy}>
                {t("calendar.find.ask", { name })}
              </button>
              <p className="text-sm text-stone-600">{t("calendar.find.askNote")}</p>
            </Form>
          )}
        </div>
      ) : (
        <Form method="post" action={`${base}?week=${d.week}&duration=${d.minutes}`} className="space-y-3">
          <CsrfInput />
          <input type="hidden" name="week" value={d.week} />
          <input type="hidden" name="duration" value={d.minutes} />
          <p>
            {d.total > shown
              ? t("calendar.find.firstOf", { shown: SLOTS_SHOWN, total: d.total, minutes: d.minutes })
              : t("calendar.find.count", { total: d.total, minutes: d.minutes })}
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
            {t("calendar.find.send", { name })}
          </button>
          <p className="text-sm text-stone-600">{t("calendar.find.sendNote")}</p>
        </Form>
      )}
      <p>
        <Link to={`/calendar?week=${d.week}`}>{t("calendar.back.calendar")}</Link> ·{" "}
        <Link to={`/u/${d.other.id}`}>{t("calendar.find.profile", { name })}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("calendar.find.pageTitle", { name: args.data?.other.name ?? "" })));

/** Only the 403 for people who are not connected offers ways back: their profile (to connect) and your calendar (requireConnection). */
export function ErrorBoundary() {
  return <CalendarErrorBoundary />;
}
