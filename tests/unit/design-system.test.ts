import { describe, expect, it } from "vitest";
import { applicationStatuses } from "../../db/enums";
import { avatarColour, AVATAR_COLOURS, initialsOf } from "~/components/ui/initials";
import { applicationTone, POST_LABELS, POST_STATES, POST_TONES, TONE_CLASS } from "~/components/ui/status";
import { APPLICATION_STATUS_LABELS } from "~/modules/jobs/application-rules";
import { postingStatusLabel } from "~/modules/jobs/posting-rules";
import { statusLabel, STATUS_LABELS } from "~/modules/hiring/rules";

describe("status pills: words and a colour for every state", () => {
  it("every application status has a label on both sides and a colour class", () => {
    for (const status of applicationStatuses) {
      expect(APPLICATION_STATUS_LABELS[status], `applicant's label of ${status}`).toMatch(/\w/);
      expect(STATUS_LABELS[status], `hiring label of ${status}`).toMatch(/\w/);
      expect(TONE_CLASS[applicationTone(status, false)], `colour of ${status}`).toMatch(/^bg-\w+-100 text-\w+-\d00 border-\w+-300$/);
    }
  });

  it("a withdrawn application is grey whatever its stored status, and an unknown status looks pending", () => {
    for (const status of applicationStatuses) expect(applicationTone(status, true)).toBe("stone");
    expect(statusLabel("hired", true)).toBe("Withdrawn");
    expect(applicationTone("made-up", false)).toBe(applicationTone("pending", false));
    expect(applicationTone(null, null)).toBe(applicationTone("pending", false));
  });

  it("states that mean different things get different colours", () => {
    const tones = applicationStatuses.map((s) => applicationTone(s, false));
    expect(new Set(tones).size).toBe(tones.length);
    expect(new Set(POST_STATES.map((s) => POST_TONES[s])).size).toBe(POST_STATES.length);
  });

  it("every job post state has a colour class and the words its poster already reads", () => {
    for (const state of POST_STATES) {
      expect(TONE_CLASS[POST_TONES[state]]).toMatch(/^bg-/);
      expect(POST_LABELS[state]).toBe(postingStatusLabel(state, null));
    }
  });
});

describe("avatars: initials and a colour when a member has no photo", () => {
  it("takes the first and last names' initials, or one initial for a one-word name", () => {
    expect(initialsOf("Layla Haddad")).toBe("LH");
    expect(initialsOf("  youssef el amrani ")).toBe("YA");
    expect(initialsOf("Layla")).toBe("L");
  });

  it("gives an Arabic name one letter, since two Arabic letters side by side join into a word", () => {
    expect(initialsOf("ليلى حداد")).toBe("ل");
    expect(initialsOf("محمد")).toBe("م");
  });

  it("falls back to the email's first letter when there is no name, and to ? when there is nothing", () => {
    expect(initialsOf("", "omar@example.com")).toBe("O");
    expect(initialsOf("   ", "omar@example.com")).toBe("O");
    expect(initialsOf(null, null)).toBe("?");
  });

  it("keeps a letter outside the basic plane whole", () => {
    expect(initialsOf("𝓐nna Bell")).toBe("𝓐B");
  });

  it("picks the same colour for the same id every time, from the palette, and spreads ids over it", () => {
    const id = "2b0c6a1e-7a43-4c1e-9d36-0f5f3c9f6a11";
    expect(avatarColour(id)).toBe(avatarColour(id));
    expect(AVATAR_COLOURS).toContain(avatarColour(id));
    const used = new Set(Array.from({ length: 64 }, (_, i) => avatarColour(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`)));
    expect(used.size).toBeGreaterThanOrEqual(6);
  });
});
