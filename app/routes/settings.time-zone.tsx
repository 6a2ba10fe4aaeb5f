/**
 * /settings/time-zone: the member's IANA time zone, used by the calendar and "find a time", and
 * the day their week starts on (Saturday, Sunday or Monday; a second form, intent=week-start).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { CALENDAR_MESSAGES, timeZoneForm } from "~/modules/calendar/forms.server";
import { WEEK_START_NAMES, WEEK_STARTS } from "~/modules/calendar/week";
import { offsetLabel, timeZones } from "~/modules/calendar/zone";
import { calendarSettings, saveWeekStart, saveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

/** Zones grouped by their region ("Africa", "America", ...). */
function groupedZones(): { region: string; zones: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const zone of timeZones()) {
    const region = zone.includes("/") ? zone.split("/")[0] : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, zones]) => ({ region, zones }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const tz = await calendarSettings(getCtx(), user.id, request);
  return {
    zone: tz.zone,
    source: tz.source,
    offset: offsetLabel(tz.zone, Date.now()),
    groups: groupedZones(),
    weekStart: tz.weekStart,
    weekStarts: WEEK_STARTS.map((value) => ({ value, name: WEEK_START_NAMES[value] })),
  };
}

type Failed = { form: "timeZone"; typed: string; error: string } | { form: "weekStart"; typed: string; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, timeZoneForm, { maxBytes: 2_000 });
  const ctx = getCtx();
  if (!read.ok) {
    if (read.errors.weekStart) return data<Failed>({ form: "weekStart", typed: (read.values.weekStart ?? "").slice(0, 8), error: read.errors.weekStart }, { status: 400 });
    if (read.errors.timeZone) return data<Failed>({ form: "timeZone", typed: (read.values.timeZone ?? "").slice(0, 64), error: read.errors.timeZone }, { status: 400 });
    throw new Response(read.errors.intent ?? CALENDAR_MESSAGES.timeZone, { status: 400 });
  }
  if (read.data.intent === "week-start") {
    const { weekStart } = read.data;
    // A member without a saved zone keeps the one this page showed them (see saveWeekStart).
    const tz = await calendarSettings(ctx, user.id, request);
    await saveWeekStart(ctx, user.id, weekStart, tz.zone);
    return redirect("/settings/time-zone", { headers: { "Set-Cookie": await flashHeader(`Your week now starts on ${WEEK_START_NAMES[weekStart]}.`) } });
  }
  const typed = (read.values.timeZone ?? "").slice(0, 64);
  const zone = await saveZone(ctx, user.id, read.data.timeZone);
  if (!zone) return data<Failed>({ form: "timeZone", typed, error: CALENDAR_MESSAGES.timeZone }, { status: 400 });
  return redirect("/settings/time-zone", { headers: { "Set-Cookie": await flashHeader(`Your time zone is now ${zone}.`) } });
}

export default function TimeZoneSettings() {
  const { zone, source, offset, groups, weekStart, weekStarts } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as Failed | undefined;
  const failed = refused?.form === "timeZone" ? refused : undefined;
  const weekFailed = refused?.form === "weekStart" ? refused : undefined;
  const select = useRef<HTMLSelectElement>(null);
  // With JavaScript, a member who never chose gets the browser's own zone preselected.
  useEffect(() => {
    if (source === "saved" || failed || !select.current) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const option = [...select.current.options].find((o) => o.value === browser || (browser === "Asia/Calcutta" && o.value === "Asia/Kolkata"));
    if (option) select.current.value = option.value;
  }, [source, failed]);
  return (
    <section aria-labelledby="tz-title" className="card space-y-3">
      <h1 id="tz-title">Time zone</h1>
      <p>
        {source === "saved" ? (
          <>
            Your time zone is <strong>{zone}</strong> ({offset} now).
          </>
        ) : (
          <>
            You have not chosen a time zone. Ladder uses <strong>{zone}</strong> ({offset} now)
            {source === "guess" ? ", a guess from your browser's language settings" : ""} until you do.
          </>
        )}
      </p>
      <p className="text-sm text-stone-600">
        Your calendar keeps its clock times when you change zone: 09:00–10:00 stays 09:00–10:00 in the new zone.
      </p>
      <Form method="post" className="space-y-3">
        {failed ? <ErrorSummary errors={{ timeZone: failed.error }} labels={{ timeZone: "Time zone" }} /> : null}
        <CsrfInput />
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block font-medium">
            Time zone
          </label>
          <select
            ref={select}
            id="timeZone"
            name="timeZone"
            defaultValue={failed ? failed.typed : zone}
            aria-invalid={failed ? true : undefined}
            aria-describedby={failed ? "timeZone-error" : undefined}
            className="w-full max-w-xs rounded border border-stone-400 px-2 py-1.5"
          >
            {groups.map((g) => (
              <optgroup key={g.region} label={g.region}>
                {g.zones.map((z) => (
                  <option key={z}>{z}</option>
                ))}
              </optgroup>
            ))}
          </select>
          {failed ? (
            <p id="timeZone-error" className="text-sm font-medium text-red-800">
              {failed.error}
            </p>
          ) : null}
        </div>
        <Button>
          Save time zone
        </Button>
      </Form>
      <Form method="post" id="week-start" className="space-y-3" aria-labelledby="week-start-title">
        <h2 id="week-start-title">First day of the week</h2>
        {weekFailed ? <ErrorSummary errors={{ weekStart: weekFailed.error }} labels={{ weekStart: "First day of the week" }} /> : null}
        <CsrfInput />
        <input type="hidden" name="intent" value="week-start" />
        <fieldset className="space-y-1" aria-describedby={weekFailed ? "weekStart-error" : "weekStart-hint"}>
          <legend className="font-medium">Your calendar&apos;s week starts on</legend>
          <p id="weekStart-hint" className="text-sm text-stone-600">
            Where the weekend is Friday and Saturday, the week often starts on Sunday.
          </p>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {weekStarts.map((w) => (
              <label key={w.value} className="inline-flex min-h-6 items-center gap-1">
                <input type="radio" name="weekStart" value={w.value} defaultChecked={w.value === weekStart} /> {w.name}
              </label>
            ))}
          </div>
          {weekFailed ? (
            <p id="weekStart-error" className="text-sm font-medium text-red-800">
              {weekFailed.error}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="btn">
          Save first day
        </button>
      </Form>
      <p>
        <Link to="/calendar">Back to your calendar</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Time zone | Ladder");
