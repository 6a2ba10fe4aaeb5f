/** The offline coach's topic matcher: every topic is recognised by a sample question, unrelated questions get the fallback. */
import { describe, expect, it } from "vitest";
import { FALLBACK_REPLY, offlineReply, topicOf, TOPICS } from "../../app/modules/coach/offline-coach";

const SAMPLES: Record<string, string> = {
  "phone-screen": "A recruiter wants a phone screen with me tomorrow, what should I expect?",
  "cover-letter": "Can you help me write a cover letter for a marketing job?",
  "cv-gap": "How do I explain a two-year gap in my CV after caring for my mother?",
  cv: "Please check my résumé, is it too long?",
  salary: "They made me a job offer, how do I negotiate the salary?",
  promotion: "How do I ask my manager for a promotion this year?",
  resignation: "What is the best way to resign, and how long is a notice period?",
  interview: "I have an interview on Monday. How should I prepare?",
  "career-change": "I am a teacher and want a career change into software testing.",
  linkedin: "How can I make my LinkedIn headline stand out?",
  networking: "How do I start networking when I know nobody in the industry?",
  internship: "Where can I find a summer internship in engineering?",
  graduate: "I am a fresh graduate with no experience, where do I start?",
  rejection: "I got rejected again after the final round and feel awful.",
  "job-search": "What is a good job search strategy when nothing seems to work?",
  references: "Who should I give as references for my new job?",
  remote: "How do I find remote work that is open to people in Egypt?",
  portfolio: "What should a design portfolio contain?",
  relocation: "Can I get a work visa to relocate to Germany?",
  freelance: "I want to go freelance as a translator, how do I find clients?",
  skills: "Which online courses should I take to upskill in data analysis?",
};

describe("the offline coach's topics", () => {
  it("knows at least 20 topics, each with a short Markdown reply", () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(20);
    for (const topic of TOPICS) {
      expect(topic.reply.length, topic.id).toBeLessThan(800);
      expect(topic.reply, topic.id).toMatch(/^(?:- |\d\. )/m);
    }
  });

  it("recognises every topic from a sample question", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(TOPICS.map((t) => t.id).sort());
    for (const [id, question] of Object.entries(SAMPLES)) {
      expect(topicOf(question)?.id, question).toBe(id);
    }
  });

  it("answers the sample question with that topic's reply", () => {
    for (const topic of TOPICS) expect(offlineReply([{ role: "user", content: SAMPLES[topic.id] }])).toBe(topic.reply);
  });

  it("prefers the narrower topic when a question touches two (a phone interview, a gap in a CV)", () => {
    expect(topicOf("Tips for a phone interview?")?.id).toBe("phone-screen");
    expect(topicOf("How do I explain gaps on my resume in an interview?")?.id).toBe("cv-gap");
    expect(topicOf("Should I send a cover letter with my CV?")?.id).toBe("cover-letter");
  });

  it("matches whole words only, so a keyword inside another word does not count", () => {
    // "cv" inside "cvs-pharmacy"-like words, "pay" inside "paypal", "intern" inside "international", "gig" inside "gigabyte".
    expect(topicOf("Is PayPal international?")).toBeNull();
    expect(topicOf("How many gigabytes is a movie?")).toBeNull();
  });

  it("gives no topic to unrelated questions and answers them with what it can help with", () => {
    for (const question of ["What is the weather in Cairo tomorrow?", "Tell me a joke about cats", "hello", "Recommend a recipe for lentil soup", ""]) {
      expect(topicOf(question), question).toBeNull();
      expect(offlineReply([{ role: "user", content: question }])).toBe(FALLBACK_REPLY);
    }
    for (const topic of TOPICS) expect(FALLBACK_REPLY.toLowerCase()).toContain(topic.title.toLowerCase());
  });

  it("answers the member's last message, not an earlier one", () => {
    const reply = offlineReply([
      { role: "user", content: "Help with my CV" },
      { role: "assistant", content: "Sure." },
      { role: "user", content: "And how do I negotiate my salary?" },
    ]);
    expect(reply).toBe(TOPICS.find((t) => t.id === "salary")!.reply);
  });
});
