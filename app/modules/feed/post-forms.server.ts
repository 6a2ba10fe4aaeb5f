/**
 * The feed's forms (decision 038), field names as the spec's columns: content, topic,
 * company_name, industry, image, is_anonymous. A new post, an edit (the image kept, replaced or
 * removed), and the anonymous-name step that a member without one goes through before an
 * anonymous post (profile's own rules for the name). Messages are ids of
 * app/locales/<lang>/feed.json; readForm says them in the reader's language.
 */
import { z } from "zod";
import type { FieldErrors } from "~/lib/forms";
import type { Translate } from "~/lib/i18n";
import { translatedFieldErrors } from "~/lib/i18n.server";
import { multiLine, singleLine } from "~/lib/text-fields.server";
import type { ReadFormOptions } from "~/modules/accounts/index.server";
import { profileSchemas } from "~/modules/profile/index.server";
import { COMPANY_MAX, FEED_FORM_MAX_BYTES, FEED_IMAGE_MAX_BYTES, FEED_MESSAGES, INDUSTRY_MAX, isTicked, isTopic, POST_CONTENT_MAX, type Topic } from "./rules";

/** readForm's options for every feed form: a multipart body with one image streamed (kept up to 2 MB, only counted past it). */
export const FEED_FORM: ReadFormOptions = { maxBytes: FEED_FORM_MAX_BYTES, files: { image: FEED_IMAGE_MAX_BYTES } };

/** What a write form shows again after a problem (what was typed). */
export const POST_FIELDS = ["content", "topic", "company_name", "industry", "is_anonymous"] as const;
/** The edit form's fields shown again. */
export const EDIT_FIELDS = ["content", "topic", "company_name", "industry", "remove_image"] as const;
/** The name step's own fields. */
export const NAME_FIELDS = ["anonymous_username", "anonymous_avatar"] as const;

/** Which of /feed/new's buttons was pressed: post, save the anonymous name, or go back to the draft. */
export const FEED_INTENTS = ["post", "choose-name", "back"] as const;
export type FeedIntent = (typeof FEED_INTENTS)[number];
export const intentForm = z.object({ intent: z.enum(FEED_INTENTS).catch("post").default("post") });

export interface PostInput {
  content: string;
  topic: Topic;
  companyName: string | null;
  industry: string | null;
}

const typed = z.string().default("");

/** One line, trimmed, at most `max` characters; empty is none. */
const optionalLine = (max: number, tooLong: string) =>
  singleLine(typed.transform((v) => v.trim())).superRefine((value, ctx) => {
    const length = [...value].length;
    if (length > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: tooLong, params: { max, length } });
  });

const postFields = {
  content: multiLine(typed).superRefine((raw, ctx) => {
    const content = (raw as string).trim();
    const length = [...content].length;
    if (content === "") ctx.addIssue({ code: z.ZodIssueCode.custom, message: FEED_MESSAGES.contentRequired });
    else if (length > POST_CONTENT_MAX) ctx.addIssue({ code: z.ZodIssueCode.custom, message: FEED_MESSAGES.contentTooLong, params: { max: POST_CONTENT_MAX, length } });
  }),
  topic: typed.superRefine((topic, ctx) => {
    if (!isTopic(topic)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: FEED_MESSAGES.topicInvalid });
  }),
  company_name: optionalLine(COMPANY_MAX, FEED_MESSAGES.companyTooLong),
  industry: optionalLine(INDUSTRY_MAX, FEED_MESSAGES.industryTooLong),
};

const toInput = (form: { content: unknown; topic: string; company_name: string; industry: string }): PostInput => ({
  content: String(form.content).trim(),
  topic: form.topic as Topic,
  companyName: form.company_name === "" ? null : form.company_name,
  industry: form.industry === "" ? null : form.industry,
});

/** A new post; "post anonymously" is a checkbox: ticked is anonymous, absent is under the member's name. */
export const newPostSchema = z.object({ ...postFields, is_anonymous: z.string().optional() }).transform((form) => ({ ...toInput(form), anonymous: isTicked(form.is_anonymous) }));
export type NewPostInput = z.output<typeof newPostSchema>;

/** An edit: the same fields (whether it is anonymous stays as posted), and "remove the image". */
export const editPostSchema = z.object({ ...postFields, remove_image: z.string().optional() }).transform((form) => ({ ...toInput(form), removeImage: isTicked(form.remove_image) }));
export type EditPostInput = z.output<typeof editPostSchema>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks `fields` (a read form's strings) with `schema`; the errors in the reader's words. */
export function check<S extends z.ZodTypeAny>(schema: S, fields: Record<string, unknown>, t: Translate): Checked<z.output<S>> {
  const parsed = schema.safeParse(fields);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: translatedFieldErrors(parsed.error, t) };
}

/**
 * The name step: profile's rules for the anonymous name and picture (3 to 30 of a-z, 0-9 and _,
 * kept in lower case; one of the built-in pictures), and here a name is required.
 */
export function nameStepSchema(t: Translate) {
  return profileSchemas(t).anonymousSchema.superRefine((value, ctx) => {
    if (value.anonymous_username === null) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["anonymous_username"], message: FEED_MESSAGES.nameRequired });
  });
}
