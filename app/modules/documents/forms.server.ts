/**
 * The documents' forms (decision 038): the new-document and edit form as a zod schema, the
 * document page's other forms (restore, accept, dismiss, suggest) as one union by intent, and
 * their messages in one place.
 */
import { z } from "zod";
import { fieldErrors } from "~/lib/forms";
import { UUID_PATTERN } from "~/lib/ids";
import { isSingleLine, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { parseCsv } from "./csv";
import { CONTENT_MAX, CREATABLE_KINDS, isDraftKind, parseVersionParam, TITLE_MAX, type CreatableKind, type DocumentInput, type DocumentKind } from "./rules";

export const DOCUMENT_MESSAGES = {
  draft: "Choose a cover letter, a CV summary or a plan.",
  title: "Enter a title.",
  titleTooLong: (length: number) => `Use at most ${TITLE_MAX} characters (you have ${length}).`,
  kind: "Choose text, code or sheet.",
  contentTooLong: (length: number) => `Use at most ${CONTENT_MAX.toLocaleString("en")} characters (you have ${length.toLocaleString("en")}).`,
  content: "Write something: a document cannot be empty.",
  brokenVersion: "This version link is broken or was changed. Open the document from /documents.",
  noSuggestion: "There is no such open suggestion on this document.",
  unknownIntent: "This form asked for something this page does not do.",
} as const;

const typed = z.string().default("");
const isCreatable = (kind: string): kind is CreatableKind => (CREATABLE_KINDS as readonly string[]).includes(kind);

/** The new-document and edit forms: title 1–200, a kind we offer, content ≤ 50,000 (a sheet must parse). */
export function documentSchema(fixedKind?: DocumentKind) {
  return z
    .object({ title: typed, kind: z.string().default("text"), content: typed })
    .transform((form) => ({ title: form.title.trim(), kind: fixedKind ?? form.kind, content: normaliseLineEndings(form.content) }))
    .superRefine(({ title, kind, content }, ctx) => {
      const problem = (field: keyof DocumentInput, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
      if (title === "") problem("title", DOCUMENT_MESSAGES.title);
      else if (title.length > TITLE_MAX) problem("title", DOCUMENT_MESSAGES.titleTooLong(title.length));
      else if (!isSingleLine(title)) problem("title", SINGLE_LINE_MESSAGE);
      if (!isCreatable(kind)) problem("kind", DOCUMENT_MESSAGES.kind);
      if (content.length > CONTENT_MAX) problem("content", DOCUMENT_MESSAGES.contentTooLong(content.length));
      else if (content.trim() === "") problem("content", DOCUMENT_MESSAGES.content);
      else if (kind === "sheet") {
        const parsed = parseCsv(content);
        if (!parsed.ok) problem("content", parsed.message);
      }
    })
    .transform((input): DocumentInput => ({ title: input.title, kind: input.kind as CreatableKind, content: input.content }));
}

export type Checked = { ok: true; input: DocumentInput } | { ok: false; errors: Record<string, string> };

/** documentSchema on values already read (the edit form, whose kind is the document's own). */
export function checkDocument(values: Record<string, string | undefined>, fixedKind?: DocumentKind): Checked {
  const parsed = documentSchema(fixedKind).safeParse(values);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
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
