/**
 * An interview as Markdown (issue 19, item 6): the file name holds only the day and a known
 * category, answers stay the member's text inside quotes (a "#" they typed is not a heading), and
 * each state reads as the page does.
 */
import { describe, expect, it } from "vitest";
import { translator } from "../../app/lib/i18n.server";
import { exportFilename, interviewMarkdown } from "../../app/modules/interviews/history-markdown";

const day = new Date("2026-12-06T00:00:00.000Z");

describe("interview export", () => {
  it("names the file after the day and a known category only", () => {
    expect(exportFilename({ interviewDate: day, category: "behavioral" })).toBe("ladder-interview-2026-12-06-behavioral.md");
    expect(exportFilename({ interviewDate: day, category: "customer_support" })).toBe("ladder-interview-2026-12-06-customer-support.md");
    expect(exportFilename({ interviewDate: day, category: '../"evil' })).toBe("ladder-interview-2026-12-06-interview.md");
    expect(exportFilename({ interviewDate: day, category: null })).toBe("ladder-interview-2026-12-06-interview.md");
  });

  it("quotes every line of an answer, keeps the feedback under a heading naming its source, and says Skipped or Not answered yet", () => {
    const md = interviewMarkdown(
      {
        interviewDate: day,
        category: "hr",
        isCompleted: false,
        questions: [
          { n: 1, text: "Why us?", state: { kind: "answered", answer: "# Not a heading\n\n---\nThe end.", feedback: { text: "Add a number.", source: "offline" } } },
          { n: 2, text: "Why now?", state: { kind: "skipped" } },
          { n: 3, text: "Why you?", state: { kind: "open" } },
        ],
      },
      translator("en"),
      "6 Dec 2026",
    );
    expect(md).toBe(
      [
        "# Mock interview: HR and motivation, 6 Dec 2026",
        "",
        "Not completed",
        "",
        "## Question 1",
        "",
        "Why us?",
        "",
        "### Your answer",
        "",
        "> # Not a heading",
        ">",
        "> ---",
        "> The end.",
        "",
        "### Feedback (offline review)",
        "",
        "Add a number.",
        "",
        "## Question 2",
        "",
        "Why now?",
        "",
        "_Skipped_",
        "",
        "## Question 3",
        "",
        "Why you?",
        "",
        "_Not answered yet._",
        "",
      ].join("\n"),
    );
  });

  it("writes the headings in the member's language", () => {
    const md = interviewMarkdown({ interviewDate: day, category: "data", isCompleted: true, questions: [] }, translator("hi"), "6 दिस॰ 2026");
    expect(md.split("\n")[0]).toBe("# मॉक इंटरव्यू: डेटा, 6 दिस॰ 2026");
    expect(md).toContain("पूरा हुआ");
  });
});
