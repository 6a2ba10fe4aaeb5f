/**
 * The archive card's form (decision 038): the recruiter's note, at most ARCHIVE_DESC_MAX
 * characters; messages are ids of app/locales/<lang>/archive.json.
 */
import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { ARCHIVE_DESC_MAX } from "./archive.server";

export const archiveFormSchema = z.object({
  desc: multiLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(
        z
          .string()
          .min(1, "archive.form.descRequired")
          .refine((v) => [...v].length <= ARCHIVE_DESC_MAX, { message: "archive.form.descTooLong", params: { max: ARCHIVE_DESC_MAX } }),
      ),
  ),
});
