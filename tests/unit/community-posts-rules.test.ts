/** Community posts' pure rules: the join control, an event's day and time in a zone, its length, title, link and the links of a post's text. */
import { describe, expect, it } from "vitest";
import { momentInputs, parseClock, parseDay, readMoment } from "../../app/modules/communities/event-time";
import { linkParts } from "../../app/modules/communities/links.server";
import { eventMinutes, eventTitle, isWebAddress, joinControl } from "../../app/modules/communities/post-rules";

describe("the community page's membership control", () => {
  it("asks a visitor to sign in, and a member with no membership to ask", () => {
    expect(joinControl(null)).toBe("signIn");
    expect(joinControl({ membership: null, banned: false })).toBe("ask");
  });
  it("offers a pending member to withdraw and an approved member to leave", () => {
    expect(joinControl({ membership: "pending", banned: false })).toBe("withdraw");
    expect(joinControl({ membership: "approved", banned: false })).toBe("leave");
  });
  it("tells a banned member they cannot ask", () => {
    expect(joinControl({ membership: null, banned: true })).toBe("banned");
  });
});

describe("an event's day and time as typed", () => {
  it("reads real days and clock times only", () => {
    expect(parseDay("2027-03-14")?.toISOString()).toBe("2027-03-14T00:00:00.000Z");
    for (const bad of ["2027-02-30", "27-03-14", "2027-3-14", "2027-03-14x", "1999-12-31", "", "yyyy-mm-dd"]) expect(parseDay(bad), bad).toBeNull();
    expect(parseClock("18:30")).toBe(1110);
    expect(parseClock("00:00:00")).toBe(0);
    for (const bad of ["24:00", "7:30", "18:60", "18:30:15", "", "ab:cd"]) expect(parseClock(bad), bad).toBeNull();
  });

  it("is read in the member's zone, summer time included", () => {
    const cairo = readMoment("2027-03-14", "18:30", "Africa/Cairo");
    expect(cairo).toEqual({ ok: true, at: new Date("2027-03-14T16:30:00.000Z") });
    const kolkata = readMoment("2027-03-14", "18:30", "Asia/Kolkata");
    expect(kolkata).toEqual({ ok: true, at: new Date("2027-03-14T13:00:00.000Z") });
    const london = readMoment("2027-07-01", "09:00", "Europe/London");
    expect(london).toEqual({ ok: true, at: new Date("2027-07-01T08:00:00.000Z") });
  });

  it("is no moment when both fields are empty, and names each missing or wrong field", () => {
    expect(readMoment("", "", "UTC")).toEqual({ ok: true, at: null });
    expect(readMoment("2027-03-14", "", "UTC")).toEqual({ ok: false, problems: { time: "timeMissing" } });
    expect(readMoment("", "10:00", "UTC")).toEqual({ ok: false, problems: { day: "dayMissing" } });
    expect(readMoment("2027-02-30", "25:00", "UTC")).toEqual({ ok: false, problems: { day: "dayInvalid", time: "timeInvalid" } });
  });

  it("is shown again in the inputs of the member's zone", () => {
    expect(momentInputs("Asia/Kolkata", new Date("2027-03-14T20:00:00.000Z"))).toEqual({ day: "2027-03-15", time: "01:30" });
  });
});

describe("an event in lists and calendar files", () => {
  it("lasts until its end, or an hour without one", () => {
    const start = new Date("2027-03-14T16:00:00.000Z");
    expect(eventMinutes(start, new Date("2027-03-14T18:30:00.000Z"))).toBe(150);
    expect(eventMinutes(start, null)).toBe(60);
  });
  it("is titled by its first line, cut with an ellipsis", () => {
    expect(eventTitle("  Alumni evening\nBring a friend")).toBe("Alumni evening");
    const long = eventTitle("x".repeat(200));
    expect([...long]).toHaveLength(80);
    expect(long.endsWith("…")).toBe(true);
  });
  it("takes only http(s) addresses with a host as its online link", () => {
    expect(isWebAddress("https://meet.example.com/abc")).toBe(true);
    for (const bad of ["javascript:alert(1)", "meet.example.com", "ftp://example.com", "https://", "mailto:a@b.c"]) expect(isWebAddress(bad), bad).toBe(false);
  });
});

describe("a post's text with its links", () => {
  it("makes bare http(s) addresses links and leaves everything else as text", () => {
    expect(linkParts("See https://example.com/a?b=1, and example.org.")).toEqual(["See ", { href: "https://example.com/a?b=1", text: "https://example.com/a?b=1" }, ", and example.org."]);
  });
  it("never makes HTML or other schemes into anything but text", () => {
    const text = '<a href="javascript:alert(1)">x</a> <script>alert(1)</script> javascript:alert(1) mailto:a@example.com';
    expect(linkParts(text)).toEqual([text]);
  });
  it("keeps line breaks and an empty text", () => {
    expect(linkParts("one\ntwo")).toEqual(["one\ntwo"]);
    expect(linkParts("")).toEqual([]);
  });
});

describe("a community event's calendar file", () => {
  it("carries the place as an escaped LOCATION and the link as a URL, and neither line when there is none", async () => {
    const { buildIcs } = await import("../../app/modules/calendar/ics");
    const base = { uid: "e@ladder", now: 0, start: Date.UTC(2030, 2, 14, 16, 30), minutes: 90, summary: "Resume clinic", description: "Bring a CV" };
    const file = buildIcs({ ...base, location: "Library, room 2\nEND:VEVENT", url: "https://meet.example.com/a,b\r\nX", product: "Communities" });
    expect(file).toContain("PRODID:-//Ladder//Communities//EN\r\n");
    expect(file).toContain("LOCATION:Library\\, room 2\\nEND:VEVENT\r\n");
    expect(file).toContain("URL:https://meet.example.com/a,bX\r\n");
    expect(file).toContain("DTEND:20300314T180000Z\r\n");
    expect(file.match(/^END:VEVENT/gm)).toHaveLength(1);
    const plain = buildIcs(base);
    expect(plain).not.toContain("LOCATION:");
    expect(plain).not.toContain("URL:");
    expect(plain).toContain("PRODID:-//Ladder//Find a time//EN");
  });
});
