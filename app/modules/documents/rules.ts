/**
 * Documents: pure rules (no database, no network). Limits and checks of the forms, the version
 * clock, applying a suggestion, reading the model's suggestions, the offline suggestions, prompts.
 */
import { parseCsv, SHEET_MAX_COLUMNS, SHEET_MAX_ROWS } from "./csv";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { formatDateTime } from "~/lib/format";

export const TITLE_MAX = 200;
export const CONTENT_MAX = 50_000;
/** Suggestions kept from one "Suggest improvements" (the model may send more). */
export const SUGGESTIONS_MAX = 8;
/** Characters of originalText / suggestedText / description kept per suggestion. */
export const SUGGESTION_TEXT_MAX = 2_000;

export const CREATABLE_KINDS = ["text", "code", "sheet"] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];
export type DocumentKind = CreatableKind | "image";

export const KIND_LABELS: Record<DocumentKind, string> = { text: "Text", code: "Code", sheet: "Sheet (CSV)", image: "Image" };

export const DOCUMENT_FIELDS = ["title", "kind", "content"] as const;

export interface DocumentInput {
  title: string;
  kind: CreatableKind;
  content: string;
}

export type Checked = { ok: true; input: DocumentInput } | { ok: false; errors: Record<string, string> };

/** The new-document and edit forms: title 1–200, a kind we offer, content ≤ 50,000 (a sheet must parse). */
export function checkDocument(values: Record<string, string | undefined>, fixedKind?: DocumentKind): Checked {
  const errors: Record<string, string> = {};
  const title = (values.title ?? "").trim();
  const kind = (fixedKind ?? values.kind ?? "text") as string;
  const content = (values.content ?? "").replace(/\r\n?/g, "\n");
  if (title === "") errors.title = "Enter a title.";
  else if (title.length > TITLE_MAX) errors.title = `Use at most ${TITLE_MAX} characters (you have ${title.length}).`;
  else if (!isSingleLine(title)) errors.title = SINGLE_LINE_MESSAGE;
  if (!(CREATABLE_KINDS as readonly string[]).includes(kind)) errors.kind = "Choose text, code or sheet.";
  if (content.length > CONTENT_MAX) errors.content = `Use at most ${CONTENT_MAX.toLocaleString("en")} characters (you have ${content.length.toLocaleString("en")}).`;
  else if (content.trim() === "") errors.content = "Write something: a document cannot be empty.";
  else if (kind === "sheet") {
    const parsed = parseCsv(content);
    if (!parsed.ok) errors.content = parsed.message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { title, kind: kind as CreatableKind, content } };
}

export const SHEET_HINT = `Comma-separated values, one row a line, the first row the headings; quote a cell that holds a comma ("Amman, Jordan"). At most ${SHEET_MAX_ROWS} rows and ${SHEET_MAX_COLUMNS} columns.`;

/**
 * The createdAt of a new version: now, or 1 ms after the latest version when the clock has not
 * moved past it (two saves in one millisecond, or a clock that stepped back), so versions stay
 * strictly ordered and the key (id, createdAt) never collides.
 */
export function nextVersionAt(latest: Date | null, now: Date): Date {
  if (latest && now.getTime() <= latest.getTime()) return new Date(latest.getTime() + 1);
  return now;
}

/** The content with the first occurrence of `original` replaced, or null when it is not there. */
export function applySuggestion(content: string, original: string, suggested: string): string | null {
  if (original === "") return null;
  const at = content.indexOf(original);
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
 * content), a real change, and not a repeat. null when the reply holds no JSON array at all.
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
    if (!content.includes(originalText) || seen.has(originalText)) continue;
    seen.add(originalText);
    const note = typeof description === "string" && description.trim() !== "" ? description.trim().slice(0, SUGGESTION_TEXT_MAX) : null;
    kept.push({ originalText, suggestedText, description: note });
  }
  return kept;
}

const PASSIVE = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ed|done|made|given|taken|written|built|led|run|seen)\b/i;
const WEAK_OPENERS: [RegExp, string, string][] = [
  [/\bI am responsible for\b/, "I run", "Say what you do, not what you are responsible for."],
  [/\bresponsible for\b/i, "in charge of", "A shorter phrase reads more directly."],
  [/\bHardworking\b/, "Results-focused", "Every candidate says hardworking: show it with a result instead."],
  [/\bhard-working\b/i, "results-focused", "Every candidate says hard-working: show it with a result instead."],
  [/\bvery\s+/i, "", "\"Very\" rarely adds meaning; cut it or pick a stronger word."],
  [/\bhelped (?:to )?/i, "", "Say what you did yourself rather than that you helped."],
];

/**
 * Suggestions without an AI: overly long sentences, passive phrases, weak openers, and a text
 * without a single number. Each is anchored on text that occurs in the content.
 */
export function offlineSuggestions(content: string): SuggestionDraft[] {
  const out: SuggestionDraft[] = [];
  const seen = new Set<string>();
  const add = (s: SuggestionDraft) => {
    if (out.length >= SUGGESTIONS_MAX || seen.has(s.originalText) || !content.includes(s.originalText) || s.originalText === s.suggestedText) return;
    seen.add(s.originalText);
    out.push(s);
  };
  for (const [pattern, replacement, description] of WEAK_OPENERS) {
    const match = pattern.exec(content);
    if (match) add({ originalText: match[0], suggestedText: replacement, description: `Offline coach: ${description}` });
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
          description: `Offline coach: this sentence has ${words.length} words; two shorter ones are easier to read.`,
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
      suggestedText: `[who?] ${participle}`,
      description: "Offline coach: a passive phrase hides who acted; name who did it (often you), then reword the sentence.",
    });
  }
  if (!/\d/.test(content)) {
    const firstSentence = (sentences[0] ?? content.split("\n")[0]).trim();
    if (firstSentence !== "" && firstSentence.length <= SUGGESTION_TEXT_MAX) {
      const base = firstSentence.replace(/[.!?]$/, "");
      add({
        originalText: firstSentence,
        suggestedText: `${base}, [add a number: how many, how much, how fast].`,
        description: "Offline coach: the text has no numbers; one measured result makes it far more convincing.",
      });
    }
  }
  return out;
}

export function suggestionsSystemPrompt(kind: DocumentKind): string {
  return [
    "You are Ladder's career coach, reviewing a member's document and proposing improvements (suggestions).",
    `The document is ${kind === "code" ? "code" : kind === "sheet" ? "a spreadsheet in CSV" : "text"}.`,
    "Answer ONLY with a JSON array (no prose) of at most 8 objects:",
    '[{"originalText": "an exact, verbatim excerpt of the document", "suggestedText": "its replacement", "description": "why, in one sentence"}]',
    "originalText must be copied exactly from the document so it can be found and replaced.",
  ].join("\n");
}

export function suggestionsUserMessage(title: string, content: string): string {
  return `Document title: ${title}\n\n<document>\n${content}\n</document>`;
}

export const DRAFT_KINDS = {
  "cover-letter": { label: "Cover letter", ask: "a cover letter for the role discussed" },
  "cv-summary": { label: "CV summary", ask: "a short CV summary (3–5 sentences)" },
  plan: { label: "Plan", ask: "a step-by-step plan with dates or weeks" },
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

export function draftSystemPrompt(kind: DraftKind, profile: DraftProfile): string {
  const lines = [
    `You are Ladder's career coach. Write ${DRAFT_KINDS[kind].ask} for the member, from the conversation below and their profile.`,
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

/** "Cover letter – <chat title>", cut to the title limit. */
export function draftTitle(kind: DraftKind, chatTitle: string): string {
  const title = `${DRAFT_KINDS[kind].label} – ${chatTitle.trim() || "your coach chat"}`;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** A version's createdAt in a URL (?version=…): the ISO string, read back strictly. */
export function parseVersionParam(raw: string | null): Date | null | undefined {
  if (raw === null || raw === "") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(raw)) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) || at.toISOString() !== raw ? null : at;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "26 Nov 2026, 15:36:07 UTC", or in the member's zone: seconds shown, since two saves often fall in one minute. */
export function versionLabel(at: Date | string, zone = "UTC"): string {
  return formatDateTime(at, zone, { seconds: true });
}

/** Without an AI: a template to fill in, built from the profile, honest about what it is. */
export function offlineDraft(kind: DraftKind, profile: DraftProfile, chatTitle: string): string {
  const name = profile.name?.trim() || "[your name]";
  const headline = profile.headline?.trim() || "[your headline: what you do, for whom]";
  const skills = profile.skills.length > 0 ? profile.skills.slice(0, 6).join(", ") : "[three skills the job asks for]";
  const goal = profile.goals?.trim() || "[the role you want next]";
  const note = `_Offline coach: a template from your profile (no AI was used). Chat: ${chatTitle.trim() || "untitled"}._`;
  if (kind === "cover-letter")
    return [note, "", "Dear [hiring manager's name],", "", `I am applying for the [role] position at [company]. I am ${headline}.`, "", `In [where], I [did what], which [result, with a number]. My skills in ${skills} fit what you ask for.`, "", `I want to ${goal}, and [company] is where I can do it because [reason].`, "", "Kind regards,", name].join("\n");
  if (kind === "cv-summary")
    return [note, "", `${headline}. Skilled in ${skills}. [One result with a number.] Looking for ${goal}.`].join("\n");
  return [note, "", `Goal: ${goal}`, "", "- Week 1: [one small step]", "- Week 2: [practise a skill: " + skills + "]", "- Week 3: [apply to three roles]", "- Week 4: [review what worked]"].join("\n");
}
