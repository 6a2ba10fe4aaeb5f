import { describe, expect, it } from "vitest";
import { offlineReply } from "../../app/modules/coach/offline-coach";
import { dayStartUtc, nextResetUtc, quotaLine, quotaReachedSentence } from "../../app/modules/coach/quota.server";
import {
  conversationForPrompt,
  PROMPT_MESSAGE_MAX,
  PROMPT_MESSAGES,
  PROMPT_TOTAL_MAX,
  systemPrompt,
  textOf,
  titleFromMessage,
} from "../../app/modules/coach/rules";
import type { MessagePart } from "../../db/schema";

describe("titleFromMessage", () => {
  it("uses the first non-empty line of the first message", () => {
    expect(titleFromMessage("\n\n  How do I   ask for a raise?  \nDetails follow")).toBe("How do I ask for a raise?");
  });
  it("cuts a long line to 80 characters with an ellipsis", () => {
    const title = titleFromMessage("a".repeat(200));
    expect([...title]).toHaveLength(80);
    expect(title.endsWith("…")).toBe(true);
  });
  it("keeps a line of exactly 80 characters whole", () => {
    expect(titleFromMessage("b".repeat(80))).toBe("b".repeat(80));
  });
  it("does not split a character made of two UTF-16 units", () => {
    const title = titleFromMessage("😀".repeat(100));
    expect(title).toBe(`${"😀".repeat(79)}…`);
  });
  it("names a chat without words 'New chat'", () => {
    expect(titleFromMessage("   \n  ")).toBe("New chat");
  });
});

describe("systemPrompt", () => {
  it("makes the model a career coach and gives it the member's profile", () => {
    const prompt = systemPrompt({
      name: "Ana",
      headline: "Nurse moving into health tech",
      goals: "A product role within a year",
      strengths: "Calm under pressure",
      interests: "Patient safety",
      experience: [{ title: "Ward nurse", company: "City Hospital", startDate: "2018" }],
      professional_skills: ["Triage", "Excel"],
    });
    expect(prompt).toContain("career coach");
    expect(prompt).toContain("- Headline: Nurse moving into health tech");
    expect(prompt).toContain("- Goals: A product role within a year");
    expect(prompt).toContain("- Strengths: Calm under pressure");
    expect(prompt).toContain("- Interests: Patient safety");
    expect(prompt).toContain("- Experience: Ward nurse at City Hospital (2018 – now)");
    expect(prompt).toContain("- Skills: Triage, Excel");
  });
  it("says when the profile is empty and leaves out empty fields", () => {
    const prompt = systemPrompt({ name: null, headline: null, goals: "", strengths: null, interests: null, experience: null, professional_skills: null });
    expect(prompt).toContain("has not filled in their profile");
    expect(prompt).not.toContain("- Headline");
  });
  it("bounds each profile field", () => {
    const prompt = systemPrompt({ name: null, headline: "h".repeat(5000), goals: null, strengths: null, interests: null, experience: null, professional_skills: null });
    expect(prompt.length).toBeLessThan(2000);
  });
});

const msg = (role: string, text: string, extra: MessagePart[] = []) => ({ role, parts: [{ type: "text", text } as MessagePart, ...extra] });

describe("conversationForPrompt", () => {
  it("keeps the last messages in order and only their words", () => {
    const messages = Array.from({ length: 30 }, (_, i) => msg(i % 2 === 0 ? "user" : "assistant", `m${i}`, i % 2 ? [{ type: "notice", kind: "offline" }] : []));
    const out = conversationForPrompt(messages);
    expect(out).toHaveLength(PROMPT_MESSAGES);
    expect(out[out.length - 1]).toEqual({ role: "assistant", content: "m29" });
    expect(out[0].content).toBe(`m${30 - PROMPT_MESSAGES}`);
  });
  it("cuts long messages and the whole conversation to its bounds", () => {
    const messages = Array.from({ length: 12 }, () => msg("user", "x".repeat(5000)));
    const out = conversationForPrompt(messages);
    expect(out.every((m) => m.content.length <= PROMPT_MESSAGE_MAX)).toBe(true);
    expect(out.reduce((n, m) => n + m.content.length, 0)).toBeLessThanOrEqual(PROMPT_TOTAL_MAX);
    expect(out.length).toBe(Math.floor(PROMPT_TOTAL_MAX / PROMPT_MESSAGE_MAX));
  });
  it("leaves out failed member messages except the one being asked", () => {
    const failed: MessagePart = { type: "status", status: "failed", reason: "provider" };
    const out = conversationForPrompt([msg("user", "old failed", [failed]), msg("user", "asked now", [failed])]);
    expect(out).toEqual([{ role: "user", content: "asked now" }]);
  });
  it("reads text parts only", () => {
    expect(textOf([{ type: "text", text: "a" }, { type: "notice", kind: "stopped" }, { type: "text", text: "b" }])).toBe("a\n\nb");
  });
});

describe("offline coach", () => {
  it("answers from the rule that matches the last member message", () => {
    expect(offlineReply([{ role: "user", content: "Please check my resume" }])).toContain("CV");
    expect(offlineReply([{ role: "user", content: "I have an interview on Monday" }])).toContain("interview");
    expect(offlineReply([{ role: "user", content: "hello" }])).toContain("I can help with");
  });
});

describe("daily quota", () => {
  it("counts days from midnight UTC", () => {
    const now = new Date("2026-11-26T23:59:59.999Z");
    expect(dayStartUtc(now).toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(nextResetUtc(now).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(quotaLine(3)).toBe("3 of 7 left today");
    expect(quotaReachedSentence(now)).toContain("You have used your 7 messages for today; they come back at 00:00 UTC");
  });
});
