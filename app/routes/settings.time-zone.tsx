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
import { bidi, dirOf, useLanguage, useT, type Translate } from "~/lib/i18n";
import { isMessageId, pageMessages, translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { CALENDAR_MESSAGES, timeZoneForm } from "~/modules/calendar/forms.server";
import { WEEK_STARTS, type WeekStart } from "~/modules/calendar/week";
import { offsetLabel, timeZones } from "~/modules/calendar/zone";
import { calendarSettings, saveWeekStart, saveZone } from "~/modules/calendar/time-zone.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";

/** Each first day of the week by its message (profile.timeZone.day.<name>). */
const DAY_KEYS: Record<WeekStart, string> = { 0: "sunday", 1: "monday", 6: "saturday" };
const dayName = (t: Translate, day: WeekStart) => t(`profile.timeZone.day.${DAY_KEYS[day]}`);

/** The calendar's own words may be message ids (its forms' messages): put into the reader's words. */
const calendarWords = (t: Translate, text: string) => (isMessageId(text) ? t(text) : text);

/** Zones grouped by their region ("Africa", "America", ...); the IANA names stay as they are, the rest is "Other". */
function groupedZones(other: string): { region: string; zones: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const zone of timeZones()) {
    const region = zone.includes("/") ? zone.split("/")[0] : other;
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, zones]) => ({ region, zones }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const tz = await calendarSettings(getCtx(), user.id, request);
  return {
    zone: tz.zone,
    source: tz.source,
    offset: offsetLabel(tz.zone, Date.now()),
    groups: groupedZones(t("profile.timeZone.otherRegion")),
    weekStart: tz.weekStart,
    weekStarts: WEEK_STARTS.map((value) => ({ value, name: dayName(t, value) })),
    ...(await pageMessages(request, ["profile"])),
  };
}

type Failed = { form: "timeZone"; typed: string; error: string } | { form: "weekStart"; typed: string; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const read = await readForm(request, timeZoneForm, { maxBytes: 2_000 });
  const ctx = getCtx();
  if (!read.ok) {
    if (read.errors.weekStart) return data<Failed>({ form: "weekStart", typed: (read.values.weekStart ?? "").slice(0, 8), error: read.errors.weekStart }, { status: 400 });
    if (read.errors.timeZone) return data<Failed>({ form: "timeZone", typed: (read.values.timeZone ?? "").slice(0, 64), error: read.errors.timeZone }, { status: 400 });
    throw new Response(read.errors.intent ?? calendarWords(t, CALENDAR_MESSAGES.timeZone), { status: 400 });
  }
  if (read.data.intent === "week-start") {
    const { weekStart } = read.data;
    // A member without a saved zone keeps the one this page showed them (see saveWeekStart).
    const tz = await calendarSettings(ctx, user.id, request);
    await saveWeekStart(ctx, user.id, weekStart, tz.zone);
    return redirect("/settings/time-zone", { headers: { "Set-Cookie": await flashHeader("profile.timeZone.weekSaved", "success", { day: dayName(t, weekStart) }) } });
  }
  const typed = (read.values.timeZone ?? "").slice(0, 64);
  const zone = await saveZone(ctx, user.id, read.data.timeZone);
  if (!zone) return data<Failed>({ form: "timeZone", typed, error: calendarWords(t, CALENDAR_MESSAGES.timeZone) }, { status: 400 });
  return redirect("/settings/time-zone", { headers: { "Set-Cookie": await flashHeader("profile.timeZone.saved", "success", { zone }) } });
}

export default function TimeZoneSettings() {
  const { zone, source, offset, groups, weekStart, weekStarts } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as Failed | undefined;
  const failed = refused?.form === "timeZone" ? refused : undefined;
  const weekFailed = refused?.form === "weekStart" ? refused : undefined;
  const select = useRef<HTMLSelectElement>(null);
  const t = useT();
  // "GMT+2" kept whole inside a right-to-left sentence.
  const offsetText = dirOf(useLanguage()) === "rtl" ? bidi(offset) : offset;
  // With JavaScript, a member who never chose gets the browser's own zone preselected.
  useEffect(() => {
    if (source === "saved" || failed || !select.current) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const option = [...select.current.options].find((o) => o.value === browser || (browser === "Asia/Calcutta" && o.value === "Asia/Kolkata"));
    if (option) select.current.value = option.value;
  }, [source, failed]);
  return (
    <section aria-labelledby="tz-title" className="card space-y-3">
      <h1 id="tz-title">{t("profile.timeZone.title")}</h1>
      <p>
        {source === "saved" ? (
          <>
            {t("profile.timeZone.savedBefore")}{" "}
            <strong>
              <bdi>{zone}</bdi>
            </strong>{" "}
            {t("profile.timeZone.savedAfter", { offset: offsetText })}
          </>
        ) : (
          <>
            {t("profile.timeZone.unsetBefore")}{" "}
            <strong>
              <bdi>{zone}</bdi>
            </strong>{" "}
            {source === "guess" ? t("profile.timeZone.unsetAfterGuess", { offset: offsetText }) : t("profile.timeZone.unsetAfter", { offset: offsetText })}
          </>
        )}
      </p>
      <p className="text-sm text-stone-600">{t("profile.timeZone.keepsTimes")}</p>
      <Form method="post" className="space-y-3">
        {failed ? <ErrorSummary errors={{ timeZone: failed.error }} labels={{ timeZone: t("profile.timeZone.label") }} /> : null}
        <CsrfInput />
        <div className="space-y-1">
          <label htmlFor="timeZone" className="block font-medium">
            {t("profile.timeZone.label")}
          </label>
          <select
            ref={select}
            id="timeZone"
            name="timeZone"
            dir="ltr"
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
        <Button>{t("profile.timeZone.save")}</Button>
      </Form>
      <Form method="post" id="week-start" className="space-y-3" aria-labelledby="week-start-title">
        <h2 id="week-start-title">{t("profile.timeZone.weekTitle")}</h2>
        {weekFailed ? <ErrorSummary errors={{ weekStart: weekFailed.error }} labels={{ weekStart: t("profile.timeZone.weekTitle") }} /> : null}
        <CsrfInput />
        <input type="hidden" name="intent" value="week-start" />
        <fieldset className="space-y-1" aria-describedby={weekFailed ? "weekStart-error" : "weekStart-hint"}>
          <legend className="font-medium">{t("profile.timeZone.weekLegend")}</legend>
          <p id="weekStart-hint" className="text-sm text-stone-600">
            {t("profile.timeZone.weekHint")}
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
          {t("profile.timeZone.weekSave")}
        </button>
      </Form>
      <p>
        <Link to="/calendar">{t("profile.timeZone.back")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("profile.timeZone.pageTitle")));
