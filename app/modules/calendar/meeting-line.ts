/** A meeting as the pages show it: its date and time on the reader's clock, the other member, its .ics link. */
import type { Language, Translate } from "~/lib/i18n";
import type { Meeting } from "./meetings.server";
import { MINUTE_MS } from "./time";
import { dateLabel } from "./week";
import { offsetLabel, timeIn, zoneDate } from "./zone";

export interface MeetingLine {
  id: string;
  with: string;
  withId: string;
  date: string;
  time: string;
  status: Meeting["status"];
  invited: boolean;
  ics: string;
}

/** In the reader's language `lang`; `t` names a member whose account is gone. */
export function meetingLine(zone: string, m: Meeting, lang: Language = "en", t?: Translate): MeetingLine {
  const start = m.startsAt.getTime();
  const minutes = Math.round((m.endsAt.getTime() - start) / MINUTE_MS);
  return {
    id: m.id,
    with: m.other.gone && t ? t("calendar.meeting.formerMember") : m.other.name,
    withId: m.other.id,
    date: dateLabel(zoneDate(zone, start), lang),
    time: `${timeIn(zone, start)}–${timeIn(zone, m.endsAt.getTime())} ${offsetLabel(zone, start)}`,
    status: m.status,
    invited: m.invited,
    // The find-a-time .ics (connections only), so a meeting's file is the proposal's file.
    ics: `/calendar/find/${m.other.id}/ics?${new URLSearchParams({ start: m.startsAt.toISOString(), minutes: String(minutes) })}`,
  };
}
