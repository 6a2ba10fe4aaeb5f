/**
 * The create and edit forms of a community (decision 038): name and description checked by zod with
 * message ids, the banner read as a stream beside them (kept up to 2 MB, only counted past that), so
 * a 6 MB banner is refused beside its field with the name and description still in the form.
 */
import { z } from "zod";
import type { ReadFormOptions } from "~/modules/accounts/index.server";
import { BANNER_MAX_BYTES, descriptionProblem, nameProblem, normaliseDescription, normaliseName } from "./rules";

/** Bodies up to this size are read (a banner over 2 MB is counted and dropped as it streams); larger ones are refused unread. */
export const COMMUNITY_FORM_MAX_BYTES = 10 * 1024 * 1024;

/** readForm's options for the create and edit forms. */
export const COMMUNITY_FORM: ReadFormOptions = { maxBytes: COMMUNITY_FORM_MAX_BYTES, files: { banner: BANNER_MAX_BYTES } };

/** The fields a refused form shows again. */
export const COMMUNITY_FIELDS = ["name", "description", "removeBanner"] as const;

export interface CommunityInput {
  name: string;
  description: string | null;
  /** The edit form's "Remove the banner" box. */
  removeBanner: boolean;
}

const typed = z.string().default("");

/** Name 3–80 characters on one line, description at most 2,000 characters (empty is none). */
export const communitySchema = z
  .object({ name: typed, description: typed, removeBanner: z.string().optional() })
  .transform((form) => ({ name: normaliseName(form.name), description: normaliseDescription(form.description), removeBanner: form.removeBanner === "on" }))
  .superRefine(({ name, description }, ctx) => {
    const name_ = nameProblem(name);
    if (name_) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["name"], message: name_.id, params: name_.values });
    const description_ = descriptionProblem(description);
    if (description_) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["description"], message: description_.id, params: description_.values });
  })
  .transform((input): CommunityInput => ({ name: input.name, description: input.description === "" ? null : input.description, removeBanner: input.removeBanner }));
