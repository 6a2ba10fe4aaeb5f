/**
 * Documents: pure rules (no database, no network). Limits and checks of the forms, the version
 * clock, applying a suggestion, reading the model's suggestions, the offline suggestions, prompts.
 */
import { SHEET_MAX_COLUMNS, SHEET_MAX_ROWS } from "./csv";
import { formatDateTime } from "~/lib/format";
import type { Language, Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export const TITLE_MAX = 200;
export const CONTENT_MAX = 50_000;
/** Suggestions kept from one "Suggest improvements" (the model may send more). */
export const SUGGESTIONS_MAX = 8;
/** Characters of originalText / suggestedText / description kept per suggestion. */
export const SUGGESTION_TEXT_MAX = 2_000;

export const CREATABLE_KINDS = ["text", "code", "sheet"] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];
export type DocumentKind = CreatableKind | "image";

/** A kind's name for the reader: t(KIND_LABELS[kind]). */
export const KIND_LABELS: Record<DocumentKind, string> = { text: "documents.kind.text", code: "documents.kind.code", sheet: "documents.kind.sheet", image: "documents.kind.image" };

export const DOCUMENT_FIELDS = ["title", "kind", "content"] as const;

export interface DocumentInput {
  title: string;
  kind: CreatableKind;
  content: string;
}

/** The sheet form's hint: t(SHEET_HINT, SHEET_HINT_VALUES). */
export const SHEET_HINT = "documents.form.sheetHint";
export const SHEET_HINT_VALUES = { rows: SHEET_MAX_ROWS, columns: SHEET_MAX_COLUMNS };

/**
 * The createdAt of a new version: now, or 1 ms after the latest version when the clock has not
 * moved past it (two saves in one millisecond, or a clock that stepped back), so versions stay
 * strictly ordered and the key (id, createdAt) never collides.
 */
export function nextVersionAt(latest: Date | null, now: Date): Date {
  if (latest && now.getTime() <= latest.getTime()) return new Date(latest.getTime() + 1);
  return now;
}

// ---- where a suggestion may cut the text (decision 029)

/** A letter, mark or digit of any script, or "_": the characters a word is made of. */
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(c);
const isApostrophe = (c: string | undefined) => c === "'" || c === "\u2019";
const LINK_TEXT_MAX = 300;
const LINK_URL_MAX = 2_000;

/** The code point that ends just before `at`, and the one that starts at `at`. */
function pointBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  const start = at >= 2 && low >= 0xdc00 && low <= 0xdfff ? at - 2 : at - 1; // a pair of UTF-16 units
  return String.fromCodePoint(text.codePointAt(start)!);
}
const pointAt = (text: string, at: number) => (at >= text.length ? undefined : String.fromCodePoint(text.codePointAt(at)!));

/**
 * The links of a text as [start, end) spans: Markdown links and images ([text](url), ![alt](url))
 * whole, and bare http(s) addresses (without a sentence's final punctuation). One pass with
 * bounded look-ahead, no pattern: a regex over brackets backtracks on long lines of "[".
 */
export function linkSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") open = -1;
    else if (c === "[") open = i;
    else if (c === "]" && text[i + 1] === "(" && open >= 0 && i - open <= LINK_TEXT_MAX) {
      let j = i + 2;
      while (j < text.length && j - i <= LINK_URL_MAX && text[j] !== ")" && !/\s/.test(text[j])) j++;
      if (text[j] === ")") {
        spans.push([open > 0 && text[open - 1] === "!" ? open - 1 : open, j + 1]);
        open = -1;
        i = j;
      }
    } else if ((c === "h" || c === "H") && !isWordChar(pointBefore(text, i))) {
      const head = text.slice(i, i + 8).toLowerCase();
      const scheme = head.startsWith("https://") ? 8 : head.startsWith("http://") ? 7 : 0;
      if (scheme === 0) continue;
      let j = i + scheme;
      while (j < text.length && !/[\s<>"'()]/.test(text[j])) j++;
      while (j > i + scheme && ".,;:!?".includes(text[j - 1])) j--;
      if (j > i + scheme) {
        spans.push([i, j]);
        i = j - 1;
      }
    }
  }
  return spans;
}

/** Cutting the text at [start, end) splits no word (a word goes on across an apostrophe between letters) and no link. */
function cutsCleanly(text: string, start: number, end: number, links: readonly [number, number][]): boolean {
  const first = pointAt(text, start);
  const last = pointBefore(text, end);
  const before = pointBefore(text, start);
  const after = pointAt(text, end);
  if (isWordChar(first) && (isWordChar(before) || (isApostrophe(before) && isWordChar(pointBefore(text, start - 1))))) return false;
  if (isWordChar(last) && (isWordChar(after) || (isApostrophe(after) && isWordChar(pointAt(text, end + 1))))) return false;
  return links.every(([ls, le]) => end <= ls || le <= start || (start <= ls && le <= end));
}

/** Occurrences looked at before giving up (a one-letter suggestion in a long text). */
const ANCHOR_TRIES = 1_000;

/**
 * Where a suggestion's original text sits in the content: its first occurrence that starts and
 * ends on word boundaries and cuts no link (a link is replaced whole or not at all); -1 if none.
 */
export function anchorOf(content: string, original: string): number {
  if (original === "") return -1;
  const links = linkSpans(content);
  let at = content.indexOf(original);
  for (let tries = 0; at >= 0 && tries < ANCHOR_TRIES; tries++) {
    if (cutsCleanly(content, at, at + original.length, links)) return at;
    at = content.indexOf(original, at + 1);
  }
  return -1;
}

/** Why an open suggestion can no longer be accepted (shown beside its Dismiss button): a message id. */
export const STALE_REASON = "documents.suggestions.staleReason";

/** The content with the first clean occurrence of `original` replaced (see anchorOf), or null when there is none. */
export function applySuggestion(content: string, original: string, suggested: string): string | null {
  const at = anchorOf(content, original);
  if (at < 0) return null;
  return content.slice(0, at) + suggested + content.slice(at + original.length);
}

export interface SuggestionDraft {
  originalText: string;
  suggestedText: string;
  description: string | null;
}

/**
 * The text inside the reply's first ``` fence, without a "json" tag; null without a closed fence.
 * indexOf, not a pattern: a lazy pattern rescanned the rest of the reply from every unclosed fence.
 */
function fencedBody(text: string): string | null {
  const open = text.indexOf("```");
  const close = open < 0 ? -1 : text.indexOf("```", open + 3);
  if (close < 0) return null;
  const inner = text.slice(open + 3, close);
  return inner.slice(0, 4).toLowerCase() === "json" ? inner.slice(4) : inner;
}

/** The JSON array in a model's reply (it may wrap it in prose or a ```json fence). */
function extractJsonArray(text: string): unknown {
  const body = fencedBody(text) ?? text;
  const start = body.indexOf("[");
  const end = body.lastIndexOf("]");
  if (start < 0 || end <= start) return null;
  try {
    return JSON.parse(body.slice(start, end + 1));
  } catch {
    return null;
  }
}

/**
 * The sentences of a text: runs ending in . ! or ?, none across a line break (a line with no end
 * mark is no sentence). A loop: the pattern /[^.!?\n]+[.!?]/g took quadratic time on a long text
 * with no end mark, such as a 50,000-character document.
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") start = i + 1;
    else if (c === "." || c === "!" || c === "?") {
      if (i > start) out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

/**
 * The model's suggestions, kept only when well formed, anchored (originalText occurs in the
 * content on word boundaries and cuts no link: anchorOf), a real change, and not a repeat. null when the reply holds no JSON array at all.
 */
export function readSuggestions(reply: string, content: string): SuggestionDraft[] | null {
  const parsed = extractJsonArray(reply);
  if (!Array.isArray(parsed)) return null;
  const kept: SuggestionDraft[] = [];
  const seen = new Set<string>();
  for (const item of parsed) {
    if (kept.length >= SUGGESTIONS_MAX) break;
    if (!item || typeof item !== "object") continue;
    const { originalText, suggestedText, description } = item as Record<string, unknown>;
    if (typeof originalText !== "string" || typeof suggestedText !== "string") continue;
    if (originalText.trim() === "" || originalText === suggestedText) continue;
    if (originalText.length > SUGGESTION_TEXT_MAX || suggestedText.length > SUGGESTION_TEXT_MAX) continue;
    if (anchorOf(content, originalText) < 0 || seen.has(originalText)) continue;
    seen.add(originalText);
    const note = typeof description === "string" && description.trim() !== "" ? description.trim().slice(0, SUGGESTION_TEXT_MAX) : null;
    kept.push({ originalText, suggestedText, description: note });
  }
  return kept;
}

const PASSIVE = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ed|done|made|given|taken|written|built|led|run|seen)\b/i;
/** English phrases the offline coach flags, their replacement (English, like the text) and why (a message id). */
const WEAK_OPENERS: [RegExp, string, string][] = [
  [/\bI am responsible for\b/, "I run", "documents.offline.weak.responsibleI"],
  [/\bresponsible for\b/i, "in charge of", "documents.offline.weak.responsible"],
  [/\bHardworking\b/, "Results-focused", "documents.offline.weak.hardworking"],
  [/\bhard-working\b/i, "results-focused", "documents.offline.weak.hardWorking"],
  [/\bvery\s+/i, "", "documents.offline.weak.very"],
  [/\bhelped (?:to )?/i, "", "documents.offline.weak.helped"],
];

/**
 * Suggestions without an AI: overly long sentences, passive phrases, weak openers, and a text
 * without a single number. Each is anchored on text that occurs in the content.
 */
export function offlineSuggestions(content: string, t: Translate = translator("en")): SuggestionDraft[] {
  const out: SuggestionDraft[] = [];
  const seen = new Set<string>();
  const add = (s: SuggestionDraft) => {
    if (out.length >= SUGGESTIONS_MAX || seen.has(s.originalText) || anchorOf(content, s.originalText) < 0 || s.originalText === s.suggestedText) return;
    seen.add(s.originalText);
    out.push(s);
  };
  for (const [pattern, replacement, description] of WEAK_OPENERS) {
    const match = pattern.exec(content);
    if (match) add({ originalText: match[0], suggestedText: replacement, description: t("documents.offline.weakPrefix", { text: t(description) }) });
  }
  const sentences = sentencesOf(content);
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    const words = trimmed.split(/\s+/);
    if (words.length > 30) {
      const comma = trimmed.indexOf(", ", Math.floor(trimmed.length / 3));
      if (comma > 0) {
        const rest = trimmed.slice(comma + 2);
        add({
          originalText: trimmed,
          suggestedText: `${trimmed.slice(0, comma)}. ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`,
          description: t("documents.offline.longSentence", { count: words.length }),
        });
      }
    }
  }
  // Passive phrases: without knowing who acted the rule cannot finish the sentence; it marks the gap.
  for (const sentence of sentences) {
    const passive = PASSIVE.exec(sentence);
    if (!passive) continue;
    const participle = passive[0].split(/\s+/).pop() ?? "";
    add({
      originalText: passive[0],
      suggestedText: `${t("documents.offline.who")} ${participle}`,
      description: t("documents.offline.passive"),
    });
  }
  if (!/\d/.test(content)) {
    const firstSentence = (sentences[0] ?? content.split("\n")[0]).trim();
    if (firstSentence !== "" && firstSentence.length <= SUGGESTION_TEXT_MAX) {
      const base = firstSentence.replace(/[.!?]$/, "");
      add({
        originalText: firstSentence,
        suggestedText: `${base}, ${t("documents.offline.addNumber")}.`,
        description: t("documents.offline.noNumbers"),
      });
    }
  }
  return out;
}

/** The member's language as the model is told it. */
const LANGUAGE_FOR_MODEL: Record<Language, string> = { en: "English", ar: "Arabic", hi: "Hindi" };

export function suggestionsSystemPrompt(kind: DocumentKind, lang: Language = "en"): string {
  return [
    "You are Ladder's career coach, reviewing a member's document and proposing improvements (suggestions).",
    `The document is ${kind === "code" ? "code" : kind === "sheet" ? "a spreadsheet in CSV" : "text"}.`,
    "Answer ONLY with a JSON array (no prose) of at most 8 objects:",
    '[{"originalText": "an exact, verbatim excerpt of the document", "suggestedText": "its replacement", "description": "why, in one sentence"}]',
    "originalText must be copied exactly from the document so it can be found and replaced.",
    `Write each description in ${LANGUAGE_FOR_MODEL[lang]}: it is the language the member reads Ladder in.`,
  ].join("\n");
}

export function suggestionsUserMessage(title: string, content: string): string {
  return `Document title: ${title}\n\n<document>\n${content}\n</document>`;
}

/** The drafts the coach writes: the reader's name of each (a message id) and what the model is asked for. */
export const DRAFT_KINDS = {
  "cover-letter": { label: "documents.draftKind.coverLetter", ask: "a cover letter for the role discussed" },
  "cv-summary": { label: "documents.draftKind.cvSummary", ask: "a short CV summary (3–5 sentences)" },
  plan: { label: "documents.draftKind.plan", ask: "a step-by-step plan with dates or weeks" },
} as const;
export type DraftKind = keyof typeof DRAFT_KINDS;
export const isDraftKind = (value: unknown): value is DraftKind => typeof value === "string" && Object.hasOwn(DRAFT_KINDS, value);

export interface DraftProfile {
  name: string | null;
  headline: string | null;
  goals: string | null;
  strengths: string | null;
  interests: string | null;
  skills: string[];
}

export function draftSystemPrompt(kind: DraftKind, profile: DraftProfile, lang: Language = "en"): string {
  const lines = [
    `You are Ladder's career coach. Write ${DRAFT_KINDS[kind].ask} for the member, from the conversation below and their profile.`,
    `Write it in ${LANGUAGE_FOR_MODEL[lang]}: it is the language the member reads Ladder in.`,
    "Answer with the document only, in plain text or simple Markdown, ready to edit. No placeholders you could fill from what you know.",
    "Member profile:",
  ];
  if (profile.name) lines.push(`Name: ${profile.name}`);
  if (profile.headline) lines.push(`Headline: ${profile.headline}`);
  if (profile.goals) lines.push(`Goals: ${profile.goals}`);
  if (profile.strengths) lines.push(`Strengths: ${profile.strengths}`);
  if (profile.interests) lines.push(`Interests: ${profile.interests}`);
  if (profile.skills.length > 0) lines.push(`Skills: ${profile.skills.join(", ")}`);
  return lines.join("\n");
}

/** "Cover letter – <chat title>", cut to the title limit, in the member's language (`t`; English by default). */
export function draftTitle(kind: DraftKind, chatTitle: string, t: Translate = translator("en")): string {
  const title = t("documents.draftTitle", { kind: t(DRAFT_KINDS[kind].label), title: chatTitle.trim() || t("documents.draftTitleUntitled") });
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** A version's createdAt in a URL (?version=…): the ISO string, read back strictly. */
export function parseVersionParam(raw: string | null): Date | null | undefined {
  if (raw === null || raw === "") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(raw)) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) || at.toISOString() !== raw ? null : at;
}

/** "26 Nov 2026, 15:36:07 UTC", or in the member's zone: seconds shown, since two saves often fall in one minute. */
export function versionLabel(at: Date | string, zone = "UTC", lang: Language = "en"): string {
  return formatDateTime(at, zone, { seconds: true, lang });
}

/** Without an AI: a template to fill in, built from the profile, honest about what it is. */
export function offlineDraft(kind: DraftKind, profile: DraftProfile, chatTitle: string, t: Translate = translator("en")): string {
  const name = profile.name?.trim() || t("documents.template.name");
  const headline = profile.headline?.trim() || t("documents.template.headline");
  const skills = profile.skills.length > 0 ? profile.skills.slice(0, 6).join(", ") : t("documents.template.skills");
  const goal = profile.goals?.trim() || t("documents.template.goal");
  const note = t("documents.template.note", { chat: chatTitle.trim() || t("documents.template.untitled") });
  const body =
    kind === "cover-letter"
      ? t("documents.template.coverLetter", { headline, skills, goal, name })
      : kind === "cv-summary"
        ? t("documents.template.cvSummary", { headline, skills, goal })
        : t("documents.template.plan", { skills, goal });
  return [note, "", body].join("\n");
}
