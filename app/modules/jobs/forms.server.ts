/**
 * The jobs area's forms (decision 038): a job post (new and edit) and the Save toggle. The post's
 * checks are checkPostIds (posting-rules.ts, pure and shared with the tests), wrapped as a schema so
 * that readForm hands back the clean post or a message per field.
 */
import { z } from "zod";
import { checkPostIds, type PostFormValues } from "./posting-rules";

/** A job post as typed; on the edit page the feed is fixed (the job lives in that feed's table). */
export function postForm(fixedFeed?: string) {
  return z.record(z.unknown()).transform((fields, ctx) => {
    const typed: PostFormValues = {};
    for (const [name, value] of Object.entries(fields)) if (typeof value === "string") typed[name as keyof PostFormValues] = value;
    const checked = checkPostIds(fixedFeed === undefined ? typed : { ...typed, feed: fixedFeed });
    if (checked.ok) return checked.input;
    // Message ids with their values: readForm writes them in the reader's language.
    for (const [field, refusal] of Object.entries(checked.errors)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: refusal.id, params: refusal.values });
    }
    return z.NEVER;
  });
}

export const saveSchema = z.object({ intent: z.enum(["save", "unsave"]) });
