/**
 * The feed's pure rules (issue 17): topics and their labels, the filters of /feed as they travel in
 * its address, a long post clipped on a card, stored image names, the "post anonymously" box, and
 * the feed's cursors (a "Top this week" cursor keeps its week; a draft image's token is one
 * member's alone).
 */
import { describe, expect, it } from "vitest";
import { readCatalogs } from "~/lib/i18n.server";
import { feedCursor, topCursor } from "~/modules/feed/feed-cursor.server";
import { draftImageKey, draftImageToken } from "~/modules/feed/image.server";
import {
  CARD_LINES_MAX,
  CARD_TEXT_MAX,
  clipText,
  feedHref,
  filterText,
  hasFilters,
  isFeedImageKey,
  isTicked,
  isTopic,
  NO_FILTERS,
  readFilters,
  TOPICS,
  topicLabelId,
} from "~/modules/feed/rules";

const id = "0b7c5c1e-3f1a-4c2b-9d7e-1a2b3c4d5e6f";
const read = (query: string) => readFilters(new URLSearchParams(query));

describe("topics", () => {
  it("are the spec's four values, each with a readable label in English, Arabic and Hindi", () => {
    expect(TOPICS).toEqual(["company_culture", "workplace_issues", "career_advice", "general"]);
    const catalogs = readCatalogs();
    for (const topic of TOPICS) {
      for (const lang of ["en", "ar", "hi"] as const) expect(catalogs[lang].feed[topicLabelId(topic).replace("feed.", "")], `${topic} in ${lang}`).toMatch(/\S/);
    }
    expect(isTopic("general")).toBe(true);
    expect(isTopic("gossip")).toBe(false);
    expect(isTopic(undefined)).toBe(false);
  });
});

describe("the feed's filters in its address", () => {
  it("reads topic, company, industry and the sort; unknown values are no filter", () => {
    expect(read("")).toEqual(NO_FILTERS);
    expect(read("topic=career_advice&company=%20Acme%20%20Corp%20&industry=Banking&sort=top")).toEqual({ topic: "career_advice", company: "Acme Corp", industry: "Banking", sort: "top" });
    expect(read("topic=gossip&sort=best&company=%20%20")).toEqual(NO_FILTERS);
  });

  it("keeps a filter's text on one line and at most 100 characters", () => {
    expect(filterText("Acme\nCorp\t ", 100)).toBe("Acme Corp");
    expect(filterText("x".repeat(150), 100)).toHaveLength(100);
    expect(filterText("   ", 100)).toBeNull();
    expect(filterText(null, 100)).toBeNull();
    expect(read(`company=${"é".repeat(120)}`).company).toBe("é".repeat(100));
  });

  it("writes the address back with defaults left out and the page cursor last; it reads back the same", () => {
    expect(feedHref(NO_FILTERS)).toBe("/feed");
    const filters = { topic: "general" as const, company: "Acme & Sons", industry: null, sort: "top" as const };
    const href = feedHref(filters, "abc.def");
    expect(href).toBe("/feed?sort=top&topic=general&company=Acme+%26+Sons&after=abc.def");
    expect(readFilters(new URL(href, "http://x").searchParams)).toEqual(filters);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, sort: "top" })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, industry: "Banking" })).toBe(true);
  });
});

describe("a post on a card", () => {
  it("is shown whole when short", () => {
    expect(clipText("Short and sweet")).toEqual({ text: "Short and sweet", clipped: false });
    expect(clipText("a\nb\nc")).toEqual({ text: "a\nb\nc", clipped: false });
  });

  it("is cut on a space near the limit, or at most a few lines, with an ellipsis", () => {
    const long = "word ".repeat(200);
    const clipped = clipText(long);
    expect(clipped.clipped).toBe(true);
    expect([...clipped.text].length).toBeLessThanOrEqual(CARD_TEXT_MAX + 1);
    expect(clipped.text.endsWith("word…")).toBe(true);
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i}`).join("\n");
    expect(clipText(lines)).toEqual({ text: Array.from({ length: CARD_LINES_MAX }, (_, i) => `line ${i}`).join("\n") + "…", clipped: true });
    // No space to cut on: cut at the limit, never inside a character made of two code units.
    const emoji = "😀".repeat(500);
    expect(clipText(emoji).text).toBe(`${"😀".repeat(CARD_TEXT_MAX)}…`);
  });
});

describe("stored images and the anonymous box", () => {
  it("accepts only the names the app makes", () => {
    expect(isFeedImageKey("feed-0123456789abcdef0123456789abcdef.webp")).toBe(true);
    for (const key of ["banner-0123456789abcdef0123456789abcdef.webp", "feed-0123.webp", "feed-0123456789abcdef0123456789abcdef.png", "../feed-0123456789abcdef0123456789abcdef.webp", null, undefined]) {
      expect(isFeedImageKey(key)).toBe(false);
    }
  });

  it("reads a ticked box as on, and anything else as off", () => {
    for (const value of ["on", "true", "1"]) expect(isTicked(value)).toBe(true);
    for (const value of ["off", "", undefined, null, "yes"]) expect(isTicked(value)).toBe(false);
  });
});

describe("the feed's cursors", () => {
  it("round-trip a newest-first position and a top position with its week; a cursor of one kind is refused by the other", () => {
    const position = { at: Date.UTC(2030, 5, 15), id };
    expect(feedCursor.from(feedCursor.to(position, "feed"), "feed")).toEqual(position);
    const top = { likes: 42, id, since: Date.UTC(2030, 5, 8) };
    const raw = topCursor.to(top, "feed-top");
    expect(topCursor.from(raw, "feed-top")).toEqual(top);
    expect(feedCursor.from(raw, "feed")).toBeNull();
    expect(topCursor.from(feedCursor.to(position, "feed"), "feed-top")).toBeNull();
    expect(topCursor.from(null, "feed-top")).toBeUndefined();
    expect(topCursor.from("broken", "feed-top")).toBeNull();
  });

  it("signs a draft image for one member: another member's form cannot hand it back", () => {
    const key = "feed-0123456789abcdef0123456789abcdef.webp";
    const token = draftImageToken(key, "member-a");
    expect(draftImageKey(token, "member-a")).toBe(key);
    expect(draftImageKey(token, "member-b")).toBeNull();
    expect(draftImageKey(null, "member-a")).toBeNull();
    expect(draftImageKey("made.up", "member-a")).toBeNull();
  });
});
