/**
 * The documents' forms (decision 038): the new-document and edit form as a zod schema, the
 * document page's other forms (restore, accept, dismiss, suggest) as one union by intent, and
 * their messages in one place.
 */
import { z } from "zod";
import type { Translate } from "~/lib/i18n";
import { translatedFieldErrors, translator } from "~/lib/i18n.server";
import { UUID_PATTERN } from "~/lib/ids";
import { isSingleLine, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { readCsv } from "./csv";
import { CONTENT_MAX, CREATABLE_KINDS, isDraftKind, parseVersionParam, TITLE_MAX, type CreatableKind, type DocumentInput, type DocumentKind } from "./rules";

/** The forms' messages, as message ids (readForm puts them into the reader's language). */
export const DOCUMENT_MESSAGES = {
  draft: "documents.form.draft",
  title: "documents.form.titleRequired",
  titleTooLong: "documents.form.titleTooLong",
  kind: "documents.form.kindInvalid",
  contentTooLong: "documents.form.contentTooLong",
  content: "documents.form.contentRequired",
  brokenVersion: "documents.brokenVersion",
  noSuggestion: "documents.noSuggestion",
  unknownIntent: "documents.unknownIntent",
} as const;

const typed = z.string().default("");
const isCreatable = (kind: string): kind is CreatableKind => (CREATABLE_KINDS as readonly string[]).includes(kind);

/** The new-document and edit forms: title 1–200, a kind we offer, content ≤ 50,000 (a sheet must parse). */
export function documentSchema(fixedKind?: DocumentKind) {
  return z
    .object({ title: typed, kind: z.string().default("text"), content: typed })
    .transform((form) => ({ title: form.title.trim(), kind: fixedKind ?? form.kind, content: normaliseLineEndings(form.content) }))
    .superRefine(({ title, kind, content }, ctx) => {
      const problem = (field: keyof DocumentInput, message: string, params?: Record<string, number>) =>
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message, params });
      if (title === "") problem("title", DOCUMENT_MESSAGES.title);
      else if (title.length > TITLE_MAX) problem("title", DOCUMENT_MESSAGES.titleTooLong, { max: TITLE_MAX, length: title.length });
      else if (!isSingleLine(title)) problem("title", SINGLE_LINE_MESSAGE);
      if (!isCreatable(kind)) problem("kind", DOCUMENT_MESSAGES.kind);
      if (content.length > CONTENT_MAX) problem("content", DOCUMENT_MESSAGES.contentTooLong, { max: CONTENT_MAX, length: content.length });
      else if (content.trim() === "") problem("content", DOCUMENT_MESSAGES.content);
      else if (kind === "sheet") {
        const parsed = readCsv(content);
        if (!parsed.ok) problem("content", parsed.id, parsed.values);
      }
    })
    .transform((input): DocumentInput => ({ title: input.title, kind: input.kind as CreatableKind, content: input.content }));
}

export type Checked = { ok: true; input: DocumentInput } | { ok: false; errors: Record<string, string> };

/** documentSchema on values already read (the edit form, whose kind is the document's own); errors in the reader's language. */
export function checkDocument(values: Record<string, string | undefined>, fixedKind?: DocumentKind, t: Translate = translator("en")): Checked {
  const parsed = documentSchema(fixedKind).safeParse(values);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: translatedFieldErrors(parsed.error, t) };
}

/** The version to restore: its createdAt, exactly as the page wrote it. */
const versionField = z
  .string({ required_error: DOCUMENT_MESSAGES.brokenVersion })
  .transform((value, ctx) => {
    const at = parseVersionParam(value);
    if (!at) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: DOCUMENT_MESSAGES.brokenVersion });
      return z.NEVER;
    }
    return at;
  });

/** An open suggestion's id, trimmed and lower-cased as Ladder stores ids. */
const suggestionField = z
  .string({ required_error: DOCUMENT_MESSAGES.noSuggestion })
  .transform((value) => value.trim().toLowerCase())
  .refine((id) => UUID_PATTERN.test(id), { message: DOCUMENT_MESSAGES.noSuggestion });

/** The document page's forms, by intent (the save form's fields are checked by documentSchema once the document's kind is known). */
export const documentPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), title: typed, content: typed }),
  z.object({ intent: z.literal("restore"), version: versionField }),
  z.object({ intent: z.literal("suggest") }),
  z.object({ intent: z.enum(["accept", "dismiss"]), suggestionId: suggestionField }),
]);

/** The coach's "Draft a document from this chat" form: which kind of draft. */
export const draftSchema = z.object({
  draft: z
    .string({ required_error: DOCUMENT_MESSAGES.draft, invalid_type_error: DOCUMENT_MESSAGES.draft })
    .refine(isDraftKind, { message: DOCUMENT_MESSAGES.draft }),
});
