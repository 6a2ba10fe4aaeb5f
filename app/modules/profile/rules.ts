/**
 * Profile rules that need no database: tags, web addresses, and the list editors (education,
 * experience, skills, certifications) as plain forms. Shared by the server and the pages.
 */

import type { Translate } from "~/lib/i18n";
// The English fallback for callers without a reader; server-only (pages pass their translator).
import { inEnglish } from "./english.server";

// ---------------------------------------------------------------------------------------------
// Tags: goals, strengths and interests are comma-separated text shown as tags.

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
/** A goal is a short phrase rather than a word ("Land a first role as a data analyst"). */
export const MAX_GOAL_LENGTH = 120;

/** The tags of a stored or typed text: trimmed, spaces collapsed, empty ones and repeats dropped. */
export function tagsOf(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of (text ?? "").split(",")) {
    const tag = part.replace(/\s+/g, " ").trim();
    const folded = tag.toLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  return tags;
}

export type TagsResult = { ok: true; tags: string[] } | { ok: false; message: string };

/** What the tags are called in messages: profileForms.tags.<noun>.tooLong and .tooMany. */
export type TagNoun = "tag" | "goal" | "strength" | "interest";

/** `t` puts a refusal into the reader's words (English when no reader is asking). */
export function parseTags(text: string, options: { maxTags?: number; maxLength?: number; noun?: TagNoun } = {}, t: Translate = inEnglish): TagsResult {
  const { maxTags = MAX_TAGS, maxLength = MAX_TAG_LENGTH, noun = "tag" } = options;
  const tags = tagsOf(text);
  const long = tags.find((tag) => tag.length > maxLength);
  if (long) return { ok: false, message: t(`profileForms.tags.${noun}.tooLong`, { tag: long.slice(0, 24), max: maxLength }) };
  if (tags.length > maxTags) return { ok: false, message: t(`profileForms.tags.${noun}.tooMany`, { max: maxTags, count: tags.length }) };
  return { ok: true, tags };
}

// ---------------------------------------------------------------------------------------------
// Web addresses: only http and https become links (never javascript:, data:, file: ...).

export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists edited with plain forms: indexed inputs ("education.0.school"), and submit buttons whose
// intent adds ("education:add"), removes ("education:remove:2") or moves ("education:up:2").

export const LIST_NAMES = ["education", "experience", "skills", "certifications"] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const isListName = (value: string): value is ListName => (LIST_NAMES as readonly string[]).includes(value);

export type FieldKind = "text" | "year" | "month" | "url" | "textarea";

/** A field's words are messages: profile.list.<list>.field.<name> and, with `hint`, <name>Hint. */
export interface ListField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  hint?: boolean;
}

/** A list's words (title, intro, buttons, notices) are messages under profile.list.<list>.*. */
export interface ListSpec {
  max: number;
  fields: ListField[];
}

export const LISTS: Record<ListName, ListSpec> = {
  education: {
    max: 10,
    fields: [
      { name: "school", kind: "text", required: true },
      { name: "degree", kind: "text", hint: true },
      { name: "field", kind: "text" },
      { name: "startYear", kind: "year" },
      { name: "endYear", kind: "year", hint: true },
    ],
  },
  experience: {
    max: 20,
    fields: [
      { name: "title", kind: "text", required: true },
      { name: "company", kind: "text", required: true },
      { name: "startDate", kind: "month", hint: true },
      { name: "endDate", kind: "month", hint: true },
      { name: "description", kind: "textarea" },
    ],
  },
  skills: {
    max: 50,
    fields: [{ name: "skill", kind: "text", required: true }],
  },
  certifications: {
    max: 20,
    fields: [
      { name: "name", kind: "text", required: true },
      { name: "issuer", kind: "text" },
      { name: "year", kind: "year" },
      { name: "url", kind: "url", hint: true },
    ],
  },
};

/** One entry as typed: every field a string. */
export type Draft = Record<string, string>;

export const blankDraft = (list: ListName): Draft => Object.fromEntries(LISTS[list].fields.map((f) => [f.name, ""]));
export const isBlank = (draft: Draft): boolean => Object.values(draft).every((v) => v.trim() === "");

const MAX_INDEX = 999;

/** The entries of `list` in a posted form, in index order (gaps closed). */
export function draftsFromForm(list: ListName, entries: Iterable<[string, FormDataEntryValue]>): Draft[] {
  const fields = new Set(LISTS[list].fields.map((f) => f.name));
  const byIndex = new Map<number, Draft>();
  const pattern = new RegExp(`^${list}\\.(\\d{1,3})\\.([A-Za-z]+)$`);
  for (const [key, value] of entries) {
    const match = pattern.exec(key);
    if (!match || typeof value !== "string" || !fields.has(match[2])) continue;
    const index = Number(match[1]);
    if (index > MAX_INDEX) continue;
    const draft = byIndex.get(index) ?? blankDraft(list);
    draft[match[2]] = value.slice(0, 5000);
    byIndex.set(index, draft);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, draft]) => draft);
}

/** What is saved, as the strings a form shows. */
export function draftsFromSaved(list: ListName, saved: unknown): Draft[] {
  if (!Array.isArray(saved)) return [];
  return saved.map((item) => {
    const draft = blankDraft(list);
    if (list === "skills") {
      draft.skill = typeof item === "string" ? item : "";
      return draft;
    }
    if (item && typeof item === "object") {
      for (const field of LISTS[list].fields) {
        const value = (item as Record<string, unknown>)[field.name];
        if (typeof value === "string" || typeof value === "number") draft[field.name] = String(value);
      }
    }
    return draft;
  });
}

export type ListIntent = { op: "save" } | { op: "add" } | { op: "remove" | "up" | "down"; index: number };

/** "education" saves; "education:add", "education:remove:2", "education:up:2", "education:down:2". */
export function parseListIntent(list: ListName, intent: string): ListIntent | null {
  if (intent === list) return { op: "save" };
  if (intent === `${list}:add`) return { op: "add" };
  const match = /^([a-z]+):(remove|up|down):(\d{1,3})$/.exec(intent);
  if (!match || match[1] !== list) return null;
  return { op: match[2] as "remove" | "up" | "down", index: Number(match[3]) };
}

export type ListChange = { drafts: Draft[]; notice: string; focus: number | null } | { error: string };

/** Adds, removes or moves an entry of the typed list (nothing is saved until "Save"). */
export function changeList(list: ListName, drafts: Draft[], intent: Exclude<ListIntent, { op: "save" }>, t: Translate = inEnglish): ListChange {
  const spec = LISTS[list];
  if (intent.op === "add") {
    if (drafts.length >= spec.max) return { error: t("profile.list.tooMany", { max: spec.max }) };
    return { drafts: [...drafts, blankDraft(list)], notice: t(`profile.list.${list}.added`), focus: drafts.length };
  }
  const { index } = intent;
  if (index >= drafts.length) return { error: t("profile.list.gone") };
  const next = [...drafts];
  if (intent.op === "remove") {
    next.splice(index, 1);
    return { drafts: next, notice: t(`profile.list.${list}.removed`, { n: index + 1 }), focus: null };
  }
  const target = intent.op === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= drafts.length) return { drafts: next, notice: t("profile.list.cannotMove"), focus: index };
  [next[index], next[target]] = [next[target], next[index]];
  return { drafts: next, notice: t(intent.op === "up" ? `profile.list.${list}.movedUp` : `profile.list.${list}.movedDown`, { n: index + 1 }), focus: target };
}

// ---------------------------------------------------------------------------------------------
// Profile photos: in ./avatar-url.ts, which the header's picture imports without the rest.
export { avatarKeyOf, isAvatarKey, ownAvatarUrl } from "./avatar-url";
