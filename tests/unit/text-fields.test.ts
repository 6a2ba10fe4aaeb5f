import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isMultiLine, isSingleLine, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { multiLine, singleLine } from "~/lib/text-fields.server";

describe("single-line text", () => {
  it("accepts names in any script, with punctuation and emoji", () => {
    for (const name of ["Amira Haddad", "ليلى حداد", "Zoë O'Neil-Smith", "José 🚀", "李小龍"]) expect(isSingleLine(name)).toBe(true);
  });

  it.each([
    ["a bare CR", "Eve\rEND:VEVENT"],
    ["a LF", "Eve\nURL:x"],
    ["a tab", "Eve\tX"],
    ["NUL", "Eve\u0000"],
    ["ESC", "Eve\u001b[31m"],
    ["DEL", "Eve\u007f"],
    ["a C1 control", "Eve\u0085"],
    ["a right-to-left override", "gpj\u202Eexe"],
    ["a left-to-right embedding", "a\u202Ab"],
    ["an isolate", "a\u2066b\u2069"],
  ])("refuses %s", (_why, value) => {
    expect(isSingleLine(value)).toBe(false);
  });

  it("refuses them in a zod schema with the message shown beside the field, and lets null through", () => {
    const schema = singleLine(z.string().trim().min(1, "Enter your name."));
    const result = schema.safeParse("Eve\rURL:x");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(SINGLE_LINE_MESSAGE);
    expect(schema.safeParse("  Eve  ").data).toBe("Eve");
    expect(schema.safeParse("").error?.issues[0].message).toBe("Enter your name.");
    expect(singleLine(z.string().transform((v) => v || null)).safeParse("").data).toBeNull();
  });
});

describe("multi-line text", () => {
  it("writes every line ending as \\n", () => {
    expect(normaliseLineEndings("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
  });

  it("keeps line breaks and tabs, and refuses other control characters", () => {
    expect(isMultiLine("Dear team,\n\tThanks")).toBe(true);
    expect(isMultiLine("a\u0000b")).toBe(false);
    expect(isMultiLine("a\u001bb")).toBe(false);
    expect(isMultiLine("a\rb")).toBe(false);
  });

  it("normalises before the schema's own rules run, so a CRLF counts as one character", () => {
    const schema = multiLine(z.string().max(3, "Too long."));
    expect(schema.safeParse("a\r\nb").data).toBe("a\nb");
    expect(schema.safeParse("a\r\u0007").error?.issues[0].message).toMatch(/no control characters/);
    expect(multiLine(z.string().default("")).safeParse(undefined).data).toBe("");
  });
});
