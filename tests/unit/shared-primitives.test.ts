/** The primitives every area shares (app/lib): ids, HTML escaping, file slugs and LIKE patterns. */
import { describe, expect, it } from "vitest";
import { escapeHtml } from "~/lib/html";
import { isUuid, uuidOf } from "~/lib/ids";
import { likePattern } from "~/lib/like-pattern";
import { fileSlug } from "~/lib/slug";

describe("shared primitives", () => {
  it("takes a UUID in either case and refuses anything PostgreSQL would not read as one", () => {
    expect(isUuid("0b6f9f3e-2c1a-4d5e-9f00-123456789abc")).toBe(true);
    expect(isUuid("0B6F9F3E-2C1A-4D5E-9F00-123456789ABC")).toBe(true);
    expect(isUuid("0b6f9f3e2c1a4d5e9f00123456789abc")).toBe(false);
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid("0b6f9f3e-2c1a-4d5e-9f00-123456789abc\n")).toBe(false);
    expect(isUuid("")).toBe(false);
  });

  it("reads an id from a URL or a form as Ladder stores it: trimmed and lower-cased, or null", () => {
    expect(uuidOf(" 0B6F9F3E-2C1A-4D5E-9F00-123456789ABC ")).toBe("0b6f9f3e-2c1a-4d5e-9f00-123456789abc");
    expect(uuidOf("not-an-id")).toBeNull();
    expect(uuidOf(undefined)).toBeNull();
    expect(uuidOf(["0b6f9f3e-2c1a-4d5e-9f00-123456789abc"])).toBeNull();
  });

  it("escapes the five characters that matter in HTML text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    expect(escapeHtml("plain text")).toBe("plain text");
  });

  it("makes a LIKE pattern that takes the searcher's own % _ and \\ literally", () => {
    expect(likePattern("Amal")).toBe("%amal%");
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });

  it("slugs a title to ASCII for a file name, with the area's fallback when nothing is left", () => {
    expect(fileSlug("Négocier un salaire: 5 étapes!", "chat")).toBe("negocier-un-salaire-5-etapes");
    expect(fileSlug("عمل عن بعد", "applicant")).toBe("applicant");
    expect(fileSlug("word ".repeat(40), "chat").length).toBeLessThanOrEqual(60);
    expect(fileSlug("word ".repeat(40), "chat").endsWith("-")).toBe(false);
  });
});
