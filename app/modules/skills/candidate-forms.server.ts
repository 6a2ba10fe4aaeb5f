/**
 * The form of /settings/candidates (decision 038): zod stays in .server modules; the messages are
 * ids of app/locales/<lang>/candidates.json. The checked verified skills ("show") are a repeated
 * field the route reads with getAll.
 */
import { z } from "zod";
import { singleLine } from "~/lib/text-fields.server";
import { CITY_MAX } from "./candidate-settings.server";

export const CANDIDATE_MESSAGES = {
  cityTooLong: "candidates.settings.cityTooLong",
  checkbox: "candidates.settings.badCheckbox",
} as const;

const box = z
  .enum(["on"], { errorMap: () => ({ message: CANDIDATE_MESSAGES.checkbox }) })
  .optional()
  .transform((v) => v === "on");

export const candidateSettingsForm = z.object({
  findable: box,
  sharePhone: box,
  city: singleLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().refine((v) => [...v].length <= CITY_MAX, { message: CANDIDATE_MESSAGES.cityTooLong, params: { max: CITY_MAX } })),
  ),
});

/** Skill ids from the repeated "show" field; anything that is not a positive whole number is dropped. */
export function shownSkillIds(values: readonly FormDataEntryValue[]): number[] {
  return values.flatMap((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? [Number(v)] : []));
}
