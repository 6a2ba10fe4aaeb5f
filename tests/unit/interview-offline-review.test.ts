/** The offline interview reviewer (issue 19, item 3): rules, covers notes, languages, safety. */
import { describe, expect, it } from "vitest";
import { translator } from "../../app/lib/i18n.server";
import { renderMarkdown } from "../../app/modules/coach/markdown";
import { coversTouched, LONG_WORDS, offlineReview, reviewDetails, SHORT_WORDS } from "../../app/modules/interviews/offline-review";
import { reviewPrompt, reviewSystemPrompt, type ReviewSubject } from "../../app/modules/interviews/review-prompt";

const en = translator("en");

const STAR_ANSWER = [
  "In my previous job at a logistics company, the situation was that our support queue had grown to 900 open tickets.",
  "My task was to bring the reply time down before the peak season, with a team of four.",
  "I analysed the tickets by type, I wrote templates for the ten most common questions, and I set up a daily triage with the team lead.",
  "I also trained two new colleagues on the templates myself.",
  "As a result, the reply time fell from 3 days to 6 hours within a month, and customer satisfaction rose by 18 percent.",
].join(" ");

const subject = (answer: string, over: Partial<ReviewSubject> = {}): ReviewSubject => ({
  category: "behavioral",
  question: "Tell me about a time you improved a process.",
  covers: ["the situation and your task", "the actions you took yourself", "the result, with a number"],
  answer,
  ...over,
});

describe("the offline reviewer", () => {
  it("gives a STAR answer with a number strengths for its shape, its numbers and its length", () => {
    const details = reviewDetails(subject(STAR_ANSWER), en);
    expect(details.points).toHaveLength(3);
    expect(details.points.every((p) => p.kind === "strength")).toBe(true);
    const text = details.points.map((p) => p.text).join("\n");
    expect(text).toContain("clear STAR shape");
    expect(text).toContain("numbers");
    expect(text).toContain(`A good length (${details.words} words)`);
    const review = offlineReview(subject(STAR_ANSWER), en);
    expect(review.match(/\*\*Strength:\*\*/g)).toHaveLength(3);
    expect(review).toContain("**Rewrite:** Open with the result");
  });

  it("calls a one-line answer too short and suggests what to add", () => {
    const review = offlineReview(subject("I am a hard worker and I like teams."), en);
    expect(review).toContain("**Gap:** Too short (9 words)");
    expect(review).toContain("**Rewrite:** Add two or three sentences");
    expect(review.match(/^- \*\*(Strength|Gap):\*\*/gm)).toHaveLength(3);
  });

  it("calls an answer over the limit rambling", () => {
    const long = Array.from({ length: LONG_WORDS + 10 }, (_, i) => `word${i % 7}`).join(" ");
    expect(offlineReview(subject(long), en)).toContain(`Long (${LONG_WORDS + 10} words)`);
    expect(SHORT_WORDS).toBeLessThan(LONG_WORDS);
  });

  it("asks for numbers and for the member's own part when the answer is all \"we\" and no figures", () => {
    const answer =
      "When I was at my last company we had a problem with our releases. We needed to ship faster. We talked about it as a team and we changed our process, " +
      "we added reviews and we wrote better tests, and in the end our releases were much smoother and we were all happier with how things went for us.";
    const details = reviewDetails(subject(answer, { category: "technical", covers: [] }), en);
    const texts = details.points.filter((p) => p.kind === "gap").map((p) => p.text);
    expect(texts).toContain(en("interviewsReview.offline.we"));
    expect(texts).toContain(en("interviewsReview.offline.noNumbers"));
  });

  it("names the missing STAR parts of a behavioral answer", () => {
    const answer = Array.from({ length: 6 }, () => "I think teamwork matters a lot and people should always communicate well with each other.").join(" ");
    const review = offlineReview(subject(answer), en);
    expect(review).toContain("The STAR shape is incomplete: say more about the situation, your task, what you did, the result.");
  });

  it("shows each covers note as a checklist line, ticked when the answer uses its key words", () => {
    const review = offlineReview(subject(STAR_ANSWER, { covers: ["the result, with a number", "what you would do differently"] }), en);
    expect(review).toContain("**What a good answer covers**");
    expect(review).toContain("- ✓ the result, with a number");
    expect(review).toContain("- ○ what you would do differently (not in your answer yet)");
    const stems = new Set(["resul", "numbe"]);
    expect(coversTouched("the result, with a number", stems)).toBe(true);
    expect(coversTouched("trade-offs and risks", stems)).toBe(false);
  });

  it("writes in Arabic and in Hindi with their own words, and reads Arabic and Hindi answers", () => {
    const ar = translator("ar");
    const hi = translator("hi");
    const arabicAnswer =
      "عندما كنت في عملي السابق كانت مهمتي تقليل وقت الرد على العملاء. قمت بتحليل الطلبات وقررت كتابة قوالب للأسئلة الشائعة ودربت زميلين. " +
      "النتيجة أن وقت الرد انخفض من 3 أيام إلى 6 ساعات خلال شهر واحد، وزاد رضا العملاء بنسبة 18 في المئة، وحققت الهدف قبل الموسم. " +
      "وبعدها قمت بمشاركة القوالب مع فرق أخرى في الشركة.";
    const arabic = offlineReview(subject(arabicAnswer, { covers: ["النتيجة مع رقم"] }), ar);
    expect(arabic).toContain(`**${ar("interviewsReview.strength")}**`);
    expect(arabic).toContain("بناء STAR واضح");
    expect(arabic).toContain("✓ النتيجة مع رقم");
    expect(arabic).not.toContain("Strength");

    const hindi = offlineReview(subject("मैं मेहनती हूँ।", { covers: ["संख्या के साथ परिणाम"] }), hi);
    expect(hindi).toContain(`**${hi("interviewsReview.gap")}** बहुत छोटा (3 शब्द)`);
    expect(hindi).toContain("○ संख्या के साथ परिणाम (अभी आपके जवाब में नहीं)");
    expect(hindi).toContain(`**${hi("interviewsReview.rewrite")}**`);
    expect(hindi).not.toContain("Gap");
  });

  it("never puts the answer's HTML into the review, and the review renders to safe HTML", () => {
    const attack = `<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) ${STAR_ANSWER}`;
    const review = offlineReview(subject(attack), en);
    expect(review).not.toContain("<script");
    expect(review).not.toContain("onerror");
    expect(review).not.toContain("javascript:");
    const html = renderMarkdown(review);
    expect(html).not.toContain("<script");
    expect(html).toContain("<strong>Strength:</strong>");
  });

  it("gives the same review for the same answer (no clock, no randomness)", () => {
    expect(offlineReview(subject(STAR_ANSWER), en)).toBe(offlineReview(subject(STAR_ANSWER), en));
  });
});

describe("the AI interview coach's prompt", () => {
  it("judges by STAR for behavioral questions, a structure for case questions and correctness for technical ones", () => {
    const base = { question: "Q?", covers: [] };
    expect(reviewSystemPrompt({ ...base, category: "behavioral" }, "en")).toContain("STAR (Situation, Task, Action, Result)");
    expect(reviewSystemPrompt({ ...base, category: "case" }, "en")).toContain("lay out a structure");
    expect(reviewSystemPrompt({ ...base, category: "technical" }, "en")).toContain("technically correct");
  });

  it("names the question, its covers notes and the member's language, asks for 3 points and one rewrite, and sends the answer as the user's message", () => {
    const prompt = reviewPrompt(subject(STAR_ANSWER), "hi");
    expect(prompt.system).toContain("interview coach");
    expect(prompt.system).toContain("Question: Tell me about a time you improved a process.");
    expect(prompt.system).toContain("- the result, with a number");
    expect(prompt.system).toContain("exactly 3 points");
    expect(prompt.system).toContain("**Rewrite:**");
    expect(prompt.system).toContain("Write your reply in Hindi.");
    expect(prompt.system).not.toContain(STAR_ANSWER);
    expect(prompt.messages).toEqual([{ role: "user", content: STAR_ANSWER }]);
  });
});
