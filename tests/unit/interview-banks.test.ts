/** The daily interview's question banks (issue 19, item 1): their size, ids, translations and look-ups. */
import { describe, expect, it } from "vitest";
import {
  BANKS,
  INTERVIEW_CATEGORIES,
  isInterviewCategory,
  questionById,
  questionsOf,
  type BankLanguage,
  type BankQuestion,
} from "../../db/interview-banks";

const LANGUAGES = Object.keys(BANKS) as BankLanguage[];
const TRANSLATIONS = LANGUAGES.filter((lang) => lang !== "en");
const ARABIC_LETTER = /[\u0621-\u064a]/;
const DEVANAGARI_LETTER = /[\u0900-\u097f]/;
const LATIN_LETTER = /[a-z]/i;

/** Every text in a bank (questions and their notes), with where it comes from for failure messages. */
function textsOf(lang: BankLanguage): { where: string; text: string }[] {
  return INTERVIEW_CATEGORIES.flatMap((category) =>
    BANKS[lang][category].flatMap((q) => [
      { where: `${lang} ${q.id}`, text: q.text },
      ...q.covers.map((note, i) => ({ where: `${lang} ${q.id} covers[${i}]`, text: note })),
    ]),
  );
}

const normalised = (text: string) => text.toLowerCase().replace(/[\s\p{P}]+/gu, " ").trim();

describe("the interview banks", () => {
  it("are in English, Arabic and Hindi", () => {
    expect([...LANGUAGES].sort()).toEqual(["ar", "en", "hi"]);
  });

  it("give every category at least 20 questions in every language", () => {
    for (const lang of LANGUAGES) {
      for (const category of INTERVIEW_CATEGORIES) {
        expect(BANKS[lang][category].length, `${lang} ${category}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it("keep each id inside its category's block (behavioral 1001–1999, technical 2001–2999, … customer_support 10001–10999)", () => {
    INTERVIEW_CATEGORIES.forEach((category, index) => {
      const first = (index + 1) * 1000 + 1;
      for (const q of BANKS.en[category]) {
        expect(Number.isInteger(q.id), `${category} ${q.id}`).toBe(true);
        expect(q.id, `${category} ${q.id}`).toBeGreaterThanOrEqual(first);
        expect(q.id, `${category} ${q.id}`).toBeLessThanOrEqual(first + 998);
      }
    });
  });

  it("never use an id twice, inside a category or across the banks", () => {
    for (const lang of LANGUAGES) {
      const ids = INTERVIEW_CATEGORIES.flatMap((category) => BANKS[lang][category].map((q) => q.id));
      expect(new Set(ids).size, lang).toBe(ids.length);
    }
  });

  it("give Arabic and Hindi exactly the English ids, in the same order, with as many covers notes", () => {
    for (const lang of TRANSLATIONS) {
      for (const category of INTERVIEW_CATEGORIES) {
        const shape = (questions: BankQuestion[]) => questions.map((q) => [q.id, q.covers.length]);
        expect(shape(BANKS[lang][category]), `${lang} ${category}`).toEqual(shape(BANKS.en[category]));
      }
    }
  });

  it("say what a good answer covers in 2 to 4 different notes for every question", () => {
    for (const lang of LANGUAGES) {
      for (const category of INTERVIEW_CATEGORIES) {
        for (const q of BANKS[lang][category]) {
          expect(q.covers.length, `${lang} ${q.id}`).toBeGreaterThanOrEqual(2);
          expect(q.covers.length, `${lang} ${q.id}`).toBeLessThanOrEqual(4);
          expect(new Set(q.covers.map(normalised)).size, `${lang} ${q.id}`).toBe(q.covers.length);
        }
      }
    }
  });

  it("leave no question or note empty, padded with spaces, or longer than 300 characters", () => {
    for (const lang of LANGUAGES) {
      for (const { where, text } of textsOf(lang)) {
        expect(text.trim(), where).toBe(text);
        expect(text.length, where).toBeGreaterThan(0);
        expect(text.length, where).toBeLessThanOrEqual(300);
      }
    }
  });

  it("end every question with a full stop or a question mark of its language", () => {
    const endings: Record<BankLanguage, RegExp> = { en: /[.?]$/, ar: /[.؟]$/, hi: /[।?]$/ };
    for (const lang of LANGUAGES) {
      for (const category of INTERVIEW_CATEGORIES) {
        for (const q of BANKS[lang][category]) expect(q.text, `${lang} ${q.id}`).toMatch(endings[lang]);
      }
    }
  });

  it("ask no question twice in a language, and keep no placeholder", () => {
    for (const lang of LANGUAGES) {
      const questions = INTERVIEW_CATEGORIES.flatMap((category) => BANKS[lang][category].map((q) => normalised(q.text)));
      expect(new Set(questions).size, lang).toBe(questions.length);
      expect(questions.filter((text) => text.includes("placeholder")), lang).toEqual([]);
    }
  });

  it("leave no Arabic or Hindi question or note in English", () => {
    const script: Record<string, RegExp> = { ar: ARABIC_LETTER, hi: DEVANAGARI_LETTER };
    for (const lang of TRANSLATIONS) {
      const english = new Set(textsOf("en").map(({ text }) => text));
      for (const { where, text } of textsOf(lang)) {
        expect(text, where).toMatch(script[lang]);
        expect(english.has(text), where).toBe(false);
      }
    }
  });

  it("write the English bank in English (no Arabic or Devanagari letters)", () => {
    for (const { where, text } of textsOf("en")) {
      expect(text, where).toMatch(LATIN_LETTER);
      expect(text, where).not.toMatch(ARABIC_LETTER);
      expect(text, where).not.toMatch(DEVANAGARI_LETTER);
    }
  });
});

describe("questionsOf and questionById", () => {
  it("find a question by its id in each language, with that language's text", () => {
    const texts = LANGUAGES.map((lang) => questionById("behavioral", 1001, lang)?.text);
    expect(texts.every((text) => text !== undefined)).toBe(true);
    expect(new Set(texts).size).toBe(LANGUAGES.length);
    expect(questionById("customer_support", 10020, "hi")?.text).toMatch(DEVANAGARI_LETTER);
    expect(questionById("data", 7001, "ar")?.text).toMatch(ARABIC_LETTER);
  });

  it("miss an unknown id, and an id from another category's block", () => {
    for (const lang of LANGUAGES) {
      expect(questionById("behavioral", 1999, lang)).toBeUndefined();
      expect(questionById("behavioral", 0, lang)).toBeUndefined();
      expect(questionById("technical", 1001, lang)).toBeUndefined();
    }
  });

  it("answer a language without a bank with the English questions", () => {
    expect(questionsOf("sales", "fr")).toBe(BANKS.en.sales);
    expect(questionById("sales", 9001, "fr")?.text).toBe(BANKS.en.sales[0].text);
    expect(questionsOf("sales")).toBe(BANKS.en.sales);
  });

  it("recognise the ten categories and nothing else", () => {
    expect(INTERVIEW_CATEGORIES.every(isInterviewCategory)).toBe(true);
    expect(isInterviewCategory("Behavioral")).toBe(false);
    expect(isInterviewCategory("coding")).toBe(false);
    expect(isInterviewCategory(5)).toBe(false);
  });
});
