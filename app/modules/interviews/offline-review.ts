/**
 * The offline interview reviewer (issue 19, item 3): feedback on one answer from rules, with no
 * network. It answers when no OPENAI_API_KEY is set and when the AI provider fails; the page
 * labels it "Offline review (no AI)" from its source.
 *
 * Rules: the answer's length (too short under SHORT_WORDS, rambling over LONG_WORDS), numbers or
 * results, the STAR shape for behavioral-style questions (cue words in English, Arabic and Hindi),
 * "I" versus "we" (whose work was it), and the bank's "what a good answer covers" notes, each shown
 * as a checklist line. Out of them come exactly 3 strengths or gaps (at most 2 gaps first, then
 * strengths) and one rewrite tip.
 *
 * Pure and deterministic: the words come from the interviewsReview messages through `t`, so the
 * text is in the member's language and tests can pass any translator. The result is Markdown for
 * the coach's safe renderer; it never quotes the answer (only counts and matches it), so nothing
 * a member typed can reach the page through it.
 */
import type { Translate } from "~/lib/i18n";

import type { ReviewSubject } from "./review-prompt";

/** Fewer words than this is too short for a spoken interview answer. */
export const SHORT_WORDS = 40;
/** More words than this rambles (well over three minutes spoken). */
export const LONG_WORDS = 450;

/** Words: runs of letters, combining marks (Devanagari vowel signs) and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** A digit in any script (Arabic-Indic and Devanagari too). */
const DIGIT = /\p{Nd}/u;

const STAR_CATEGORIES = new Set(["behavioral", "situational", "hr"]);

type StarPart = "situation" | "task" | "action" | "result";

/**
 * STAR cues. English cues match at the start of a word (" result" matches "results"); Arabic and
 * Hindi cues match anywhere (their words take prefixes and suffixes a word start would miss).
 */
const STAR_CUES: Record<StarPart, { en: string[]; other: string[] }> = {
  situation: {
    en: ["situation", "when i was", "when i worked", "at my last", "at my previous", "in my previous", "in my last", "last year", "at the time", "context", "background", "while working", "we had a", "there was a"],
    other: ["عندما كنت", "الموقف", "في وظيفتي", "في عملي السابق", "في ذلك الوقت", "العام الماضي", "जब मैं", "स्थिति", "उस समय", "पिछले साल", "मेरी पिछली", "मेरे पिछले"],
  },
  task: {
    en: ["task", "goal", "my role", "my job was", "responsib", "needed to", "had to", "challenge", "objective", "asked to", "deadline"],
    other: ["مهمتي", "المهمة", "الهدف", "كان علي", "كان عليّ", "مسؤول", "التحدي", "लक्ष्य", "ज़िम्मेदारी", "जिम्मेदारी", "चुनौती", "करना था", "मेरा काम"],
  },
  action: {
    en: ["i decided", "i built", "i led", "i created", "i organi", "i wrote", "i set up", "i spoke", "i talked", "i proposed", "i analy", "i started", "i changed", "i reached", "i met", "i asked", "i designed", "i introduced", "i worked", "i made", "i called", "i found", "i fixed", "so i", "then i", "first i", "action"],
    other: ["قمت", "قررت", "بدأت", "تحدثت", "أنشأت", "نظمت", "اقترحت", "صممت", "मैंने", "शुरू किया", "तय किया", "बनाया", "बात की"],
  },
  result: {
    en: ["result", "outcome", "in the end", "reduc", "increas", "improv", "saved", "grew", "led to", "achiev", "deliver", "percent", "cut ", "won", "succeed", "success"],
    other: ["النتيجة", "نتيجة", "أدى", "خفض", "زيادة", "زادت", "حققت", "تحسن", "وفرت", "परिणाम", "नतीजा", "नतीजे", "बढ़", "घट", "बचत", "सफल", "हासिल"],
  },
};

/** First-person singular and plural words (whose work it was). Arabic words may carry a leading و or ف. */
const OWN_I = new Set(["i", "my", "me", "mine", "myself", "أنا", "قمت", "قررت", "بدأت", "عملت", "اقترحت", "मैं", "मैंने", "मेरा", "मेरी", "मेरे", "मुझे"]);
const OWN_WE = new Set(["we", "our", "us", "ours", "ourselves", "نحن", "قمنا", "قررنا", "بدأنا", "عملنا", "فريقنا", "हम", "हमने", "हमारा", "हमारी", "हमारे", "हमें"]);

/** Words too common to say whether a covers note was touched. */
const STOP_WORDS = new Set([
  "the", "and", "with", "that", "this", "what", "your", "you", "for", "from", "into", "about", "how", "why", "when", "which", "their", "them", "they", "its", "one", "two", "not", "but", "are", "was", "were", "has", "have", "had", "own", "clear",
  "في", "من", "على", "إلى", "عن", "مع", "التي", "الذي", "هذا", "هذه", "أو", "ما",
  "और", "का", "की", "के", "को", "में", "से", "पर", "एक", "या", "जो", "है", "हैं",
]);

const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []);

/** Arabic's article and the conjunctions و/ف glued to a word, taken off before comparing. */
function bare(word: string): string {
  let w = word;
  if (w.length > 3 && (w.startsWith("و") || w.startsWith("ف"))) w = w.slice(1);
  if (w.length > 4 && w.startsWith("ال")) w = w.slice(2);
  return w;
}

/**
 * Heuristic, not understanding: a word's "stem" is its first 5 letters (after bare()), and a note is
 * touched when at least half (rounded up) of its key words share a stem with a word of the answer.
 * "the result, with a number" has the key words result and number; an answer saying "results"
 * and "numbers" touches it. Synonyms and paraphrases are missed; the AI review judges those.
 */
const stemOf = (word: string): string => bare(word).slice(0, 5);

function keyWords(note: string): string[] {
  return [...new Set(wordsOf(note).filter((w) => !STOP_WORDS.has(w) && bare(w).length >= (/[a-z]/.test(w) ? 4 : 3)))];
}

export function coversTouched(note: string, answerStems: ReadonlySet<string>): boolean {
  const keys = keyWords(note);
  if (keys.length === 0) return false;
  const hits = keys.filter((k) => answerStems.has(stemOf(k))).length;
  return hits >= Math.ceil(keys.length / 2);
}

function starParts(answerWords: readonly string[]): Set<StarPart> {
  const spaced = ` ${answerWords.join(" ")} `;
  const found = new Set<StarPart>();
  for (const part of Object.keys(STAR_CUES) as StarPart[]) {
    const cues = STAR_CUES[part];
    if (cues.en.some((cue) => spaced.includes(` ${cue}`)) || cues.other.some((cue) => spaced.includes(cue))) found.add(part);
  }
  return found;
}

type Point = { kind: "strength" | "gap"; text: string; tip?: string };

export interface OfflineReviewDetails {
  words: number;
  covers: { note: string; touched: boolean }[];
  points: Point[];
  tip: string;
}

/** The rules' findings (tests read these; offlineReview writes them as Markdown). */
export function reviewDetails(subject: ReviewSubject, t: Translate): OfflineReviewDetails {
  const words = wordsOf(subject.answer);
  const count = words.length;
  const stems = new Set(words.map(stemOf));
  const gaps: Point[] = [];
  const strengths: Point[] = [];

  // 1. Length.
  if (count < SHORT_WORDS) gaps.push({ kind: "gap", text: t("interviewsReview.offline.tooShort", { count }), tip: t("interviewsReview.tip.tooShort") });
  else if (count > LONG_WORDS) gaps.push({ kind: "gap", text: t("interviewsReview.offline.rambling", { count }), tip: t("interviewsReview.tip.rambling") });
  else strengths.push({ kind: "strength", text: t("interviewsReview.offline.goodLength", { count }) });

  // 2. The STAR shape (behavioral-style questions only; a long enough answer to judge).
  if (STAR_CATEGORIES.has(subject.category) && count >= SHORT_WORDS) {
    const parts = starParts(words);
    const missing = (["situation", "task", "action", "result"] as const).filter((p) => !parts.has(p));
    if (missing.length <= 1 && parts.has("action") && parts.has("result")) strengths.push({ kind: "strength", text: t("interviewsReview.offline.star") });
    else {
      const names = missing.map((p) => t(`interviewsReview.star.${p}`)).join(t("interviewsReview.listSeparator"));
      gaps.push({ kind: "gap", text: t("interviewsReview.offline.starMissing", { parts: names }), tip: t("interviewsReview.tip.star") });
    }
  }

  // 3. Numbers and results.
  if (DIGIT.test(subject.answer)) strengths.push({ kind: "strength", text: t("interviewsReview.offline.numbers") });
  else gaps.push({ kind: "gap", text: t("interviewsReview.offline.noNumbers"), tip: t("interviewsReview.tip.numbers") });

  // 4. "I" versus "we".
  const own = words.filter((w) => OWN_I.has(w) || OWN_I.has(bare(w))).length;
  const team = words.filter((w) => OWN_WE.has(w) || OWN_WE.has(bare(w))).length;
  if (team >= 2 && team > own) gaps.push({ kind: "gap", text: t("interviewsReview.offline.we"), tip: t("interviewsReview.tip.we") });
  else if (own >= 2) strengths.push({ kind: "strength", text: t("interviewsReview.offline.owner") });

  // 5. What a good answer covers.
  const covers = subject.covers.map((note) => ({ note, touched: coversTouched(note, stems) }));
  if (covers.length > 0) {
    const touched = covers.filter((c) => c.touched).length;
    const params = { touched, total: covers.length };
    if (touched * 2 >= covers.length) strengths.push({ kind: "strength", text: t("interviewsReview.offline.coversMost", params) });
    else gaps.push({ kind: "gap", text: t("interviewsReview.offline.coversFew", params), tip: t("interviewsReview.tip.covers") });
  }

  // Exactly 3: the two most important gaps, then strengths, then more gaps, then a general gap.
  const points = [...gaps.slice(0, 2), ...strengths, ...gaps.slice(2)].slice(0, 3);
  while (points.length < 3) points.push({ kind: "gap", text: t("interviewsReview.offline.specific"), tip: t("interviewsReview.tip.specific") });
  const tip = gaps[0]?.tip ?? t("interviewsReview.tip.polish");
  return { words: count, covers, points, tip };
}

/** The offline review as Markdown, in the language of `t`. */
export function offlineReview(subject: ReviewSubject, t: Translate): string {
  const { covers, points, tip } = reviewDetails(subject, t);
  const lines = points.map((p) => `- **${t(p.kind === "strength" ? "interviewsReview.strength" : "interviewsReview.gap")}** ${p.text}`);
  lines.push("", `**${t("interviewsReview.rewrite")}** ${tip}`);
  if (covers.length > 0) {
    lines.push("", `**${t("interviewsReview.covers.heading")}**`, "");
    for (const c of covers) lines.push(`- ${t(c.touched ? "interviewsReview.covers.touched" : "interviewsReview.covers.missed", { note: c.note })}`);
    lines.push("", t("interviewsReview.covers.hint"));
  }
  return lines.join("\n");
}
