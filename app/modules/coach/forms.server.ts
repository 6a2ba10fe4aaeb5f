/**
 * The coach's forms (decision 038): the zod schemas of the chat, retry, title, sharing and vote
 * actions, with their messages in one place. (A draft from a chat is a document: its form is in
 * documents/forms.server.ts, so the coach does not import documents, which imports the coach.)
 */
import { z } from "zod";
import { UUID_PATTERN } from "~/lib/ids";
import { multiLine } from "~/lib/text-fields.server";
import { titleProblem, VISIBILITIES } from "./extras-rules";
import { MESSAGE_MAX } from "./rules";

/** The forms' messages, as message ids (readForm puts them into the reader's language). */
export const COACH_MESSAGES = {
  message: "coach.message.required",
  messageTooLong: "coach.message.tooLong",
  retry: "coach.retry.choose",
  visibility: "coach.visibility.choose",
  vote: "coach.vote.choose",
} as const;

/** A message to the coach (a new chat, a chat's next message, or the streamed one). */
export const messageSchema = z.object({
  message: multiLine(
    z
      .string({ required_error: COACH_MESSAGES.message })
      .trim()
      .min(1, COACH_MESSAGES.message)
      .refine((text) => text.length <= MESSAGE_MAX, { message: COACH_MESSAGES.messageTooLong, params: { max: MESSAGE_MAX } }),
  ),
});

/** An id from a form, trimmed and lower-cased as Ladder stores ids (uuidOf as a schema). */
const uuidField = (message: string) =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .transform((value) => value.trim().toLowerCase())
    .refine((id) => UUID_PATTERN.test(id), { message });

export const retrySchema = z.object({ messageId: uuidField(COACH_MESSAGES.retry) });

/** Renaming a chat: the rules' checkTitle (trimmed, spaces joined, 1–120 characters, one line) says what is wrong. */
export const titleSchema = z.object({
  title: z.unknown().transform((raw, ctx) => {
    const checked = titleProblem(raw);
    if (!checked.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: checked.id, params: checked.values });
      return z.NEVER;
    }
    return checked.title;
  }),
});

export const visibilitySchema = z.object({ visibility: z.enum(VISIBILITIES, { errorMap: () => ({ message: COACH_MESSAGES.visibility }) }) });

/** A vote: the message (a wrong one is a 404, as a wrong chat is) and up or down. */
export const voteSchema = z.object({
  messageId: uuidField("messageId"),
  value: z.enum(["up", "down"], { errorMap: () => ({ message: COACH_MESSAGES.vote }) }),
  via: z.string().optional(),
});
