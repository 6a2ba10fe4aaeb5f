/** The communities' pure rules (app/modules/communities/rules.ts): names, descriptions, banner keys, list rows. */
import { describe, expect, it } from "vitest";
import {
  DESCRIPTION_MAX,
  descriptionProblem,
  directoryStatus,
  isBannerKey,
  NAME_MAX,
  nameProblem,
  normaliseDescription,
  normaliseName,
  summaryOf,
} from "../../app/modules/communities/rules";

describe("community names", () => {
  it("are trimmed and their inner runs of spaces made one", () => {
    expect(normaliseName("  Cairo   Software  Engineers ")).toBe("Cairo Software Engineers");
  });

  it("must not be empty, and have 3 to 80 characters counted as letters, not bytes", () => {
    expect(nameProblem("")?.id).toBe("communities.form.nameRequired");
    expect(nameProblem("AB")).toEqual({ id: "communities.form.nameTooShort", values: { min: 3 } });
    expect(nameProblem("ABC")).toBeNull();
    expect(nameProblem("x".repeat(NAME_MAX))).toBeNull();
    expect(nameProblem("x".repeat(NAME_MAX + 1))).toEqual({ id: "communities.form.nameTooLong", values: { max: 80, length: 81 } });
    expect(nameProblem("ह".repeat(80))).toBeNull();
    expect(nameProblem("😀".repeat(80))).toBeNull();
  });

  it("are one line without control characters or bidi overrides", () => {
    expect(nameProblem("Two\nlines")?.id).toBe("communities.form.nameOneLine");
    expect(nameProblem("Tab\there")?.id).toBe("communities.form.nameOneLine");
    expect(nameProblem("gpj.\u202eexe")?.id).toBe("communities.form.nameOneLine");
  });
});

describe("community descriptions", () => {
  it("keep line breaks (written as \\n) and tabs, and are trimmed", () => {
    expect(normaliseDescription("  First\r\nSecond\rThird\t! ")).toBe("First\nSecond\nThird\t!");
    expect(descriptionProblem("First\nSecond\tThird")).toBeNull();
  });

  it("refuse other control characters and bidi overrides, and more than 2,000 characters", () => {
    expect(descriptionProblem("bell\u0007")?.id).toBe("communities.form.descriptionControls");
    expect(descriptionProblem("\u202eoverride")?.id).toBe("communities.form.descriptionControls");
    expect(descriptionProblem("x".repeat(DESCRIPTION_MAX))).toBeNull();
    expect(descriptionProblem("x".repeat(DESCRIPTION_MAX + 1))).toEqual({ id: "communities.form.descriptionTooLong", values: { max: 2000, length: 2001 } });
  });
});

describe("banner keys", () => {
  it("are only the keys the app makes for banners", () => {
    expect(isBannerKey(`banner-${"a1".repeat(16)}.webp`)).toBe(true);
    expect(isBannerKey(`avatar-${"a1".repeat(16)}.webp`)).toBe(false);
    expect(isBannerKey(`banner-${"a1".repeat(16)}.png`)).toBe(false);
    expect(isBannerKey("https://evil.example/banner.webp")).toBe(false);
    expect(isBannerKey("../banner-x.webp")).toBe(false);
    expect(isBannerKey(null)).toBe(false);
  });
});

describe("directory rows", () => {
  it("say member for an approved membership, pending for a request, none otherwise", () => {
    expect(directoryStatus("approved")).toBe("member");
    expect(directoryStatus("pending")).toBe("pending");
    expect(directoryStatus(null)).toBe("none");
  });

  it("show the first non-empty line of the description, cut on a word with an ellipsis", () => {
    expect(summaryOf("\n\n  First line  \nSecond")).toBe("First line");
    expect(summaryOf(null)).toBe("");
    const long = "word ".repeat(60);
    const summary = summaryOf(long, 30);
    expect(summary.endsWith("…")).toBe(true);
    expect([...summary].length).toBeLessThanOrEqual(31);
    expect(summary).toBe("word word word word word word…");
    expect(summaryOf("x".repeat(40), 30)).toBe(`${"x".repeat(30)}…`);
  });
});
