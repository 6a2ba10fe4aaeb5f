/**
 * The post page's forms (decision 038): a comment (new or edited) and a like button. Messages are
 * ids of app/locales/<lang>/feedPost.json (readForm says them in the reader's language). Field
 * names are the spec's columns: content, is_anonymous.
 */
import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { COMMENT_CONTENT_MAX } from "./comment-rules";

export const COMMENT_MESSAGES = {
  contentRequired: "feedPost.form.contentRequired",
  contentTooLong: "feedPost.form.contentTooLong",
  needsAnonymousName: "feedPost.form.needsAnonymousName",
  likeForm: "feedPost.like.badForm",
} as const;

/** Comment text: trimmed, not empty, at most COMMENT_CONTENT_MAX characters (counted as people count them). */
const content = multiLine(z.string().default("")).transform((value, ctx) => {
  const text = String(value).trim();
  const length = [...text].length;
  if (text === "") ctx.addIssue({ code: z.ZodIssueCode.custom, message: COMMENT_MESSAGES.contentRequired });
  else if (length > COMMENT_CONTENT_MAX) ctx.addIssue({ code: z.ZodIssueCode.custom, message: COMMENT_MESSAGES.contentTooLong, params: { max: COMMENT_CONTENT_MAX, length } });
  return text;
});

/** A checkbox: present (any value but "0"/"false") is on; a browser sends nothing for an unticked box. */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "" && value !== "0" && value !== "false");

/** A new comment: its text, and whether it goes under the member's anonymous name (the form ticks it by default). */
export const commentForm = z.object({ content, is_anonymous: checkbox });
export type CommentInput = z.output<typeof commentForm>;

/** An edited comment: the text only (who it is shown as stays as it was posted). */
export const commentEditForm = z.object({ content });

/**
 * A like button: `intent` says what the button showed (like or unlike), so a double submit of
 * "like" stays liked; `back` is the page it was on (checked by safeRedirectPath before use); `via`
 * is "fetcher" when the page's script sent it and wants data instead of a redirect.
 */
export const likeForm = z.object({
  intent: z.enum(["like", "unlike"], { errorMap: () => ({ message: COMMENT_MESSAGES.likeForm }) }),
  back: z.string().max(2_048).optional(),
  via: z.string().optional(),
});
