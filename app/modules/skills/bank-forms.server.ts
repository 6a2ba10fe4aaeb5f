/**
 * The question bank's forms (decision 038): zod stays in .server modules, the messages are ids of
 * app/locales/<lang>/skillsBank.json (readForm says them in the reader's language). A question's
 * own checks (distinct options and the rest) are bank-rules' questionProblems, the same the
 * import uses, added to the form's errors beside the field each concerns.
 */
import { z } from "zod";
import { multiLine, singleLine } from "~/lib/text-fields.server";
import { EXPLANATION_MAX, IMPORT_MAX_BYTES, OPTION_MAX, QUESTION_MAX, questionKey, SKILL_DESCRIPTION_MAX, SKILL_NAME_MAX } from "./bank-rules";

export const BANK_MESSAGES = {
  nameRequired: "skillsBank.form.nameRequired",
  nameTooLong: "skillsBank.form.nameTooLong",
  nameTaken: "skillsBank.form.nameTaken",
  descriptionTooLong: "skillsBank.form.descriptionTooLong",
  questionRequired: "skillsBank.form.questionRequired",
  questionTooLong: "skillsBank.form.questionTooLong",
  optionRequired: "skillsBank.form.optionRequired",
  optionTooLong: "skillsBank.form.optionTooLong",
  optionsDistinct: "skillsBank.form.optionsDistinct",
  correctRequired: "skillsBank.form.correctRequired",
  explanationRequired: "skillsBank.form.explanationRequired",
  explanationTooLong: "skillsBank.form.explanationTooLong",
  questionInBank: "skillsBank.form.questionInBank",
  fileRequired: "skillsBank.import.fileRequired",
  intent: "skillsBank.form.intent",
} as const;

export const SKILL_FIELDS = ["name", "description"] as const;
export const QUESTION_FIELDS = ["question", "option_a", "option_b", "option_c", "option_d", "correct", "explanation"] as const;

const trimmed = z
  .string()
  .default("")
  .transform((v) => v.trim());

export const skillFormSchema = z.object({
  name: singleLine(
    trimmed.pipe(
      z
        .string()
        .min(1, BANK_MESSAGES.nameRequired)
        .refine((v) => [...v].length <= SKILL_NAME_MAX, { message: BANK_MESSAGES.nameTooLong, params: { max: SKILL_NAME_MAX } }),
    ),
  ),
  description: multiLine(trimmed.pipe(z.string().refine((v) => [...v].length <= SKILL_DESCRIPTION_MAX, { message: BANK_MESSAGES.descriptionTooLong, params: { max: SKILL_DESCRIPTION_MAX } }))),
});
export type SkillForm = z.output<typeof skillFormSchema>;

const option = singleLine(
  trimmed.pipe(
    z
      .string()
      .min(1, BANK_MESSAGES.optionRequired)
      .refine((v) => [...v].length <= OPTION_MAX, { message: BANK_MESSAGES.optionTooLong, params: { max: OPTION_MAX } }),
  ),
);

const questionFields = z.object({
  question: multiLine(
    trimmed.pipe(
      z
        .string()
        .min(1, BANK_MESSAGES.questionRequired)
        .refine((v) => [...v].length <= QUESTION_MAX, { message: BANK_MESSAGES.questionTooLong, params: { max: QUESTION_MAX } }),
    ),
  ),
  option_a: option,
  option_b: option,
  option_c: option,
  option_d: option,
  correct: z.enum(["0", "1", "2", "3"], { errorMap: () => ({ message: BANK_MESSAGES.correctRequired }) }).transform(Number),
  explanation: multiLine(
    trimmed.pipe(
      z
        .string()
        .min(1, BANK_MESSAGES.explanationRequired)
        .refine((v) => [...v].length <= EXPLANATION_MAX, { message: BANK_MESSAGES.explanationTooLong, params: { max: EXPLANATION_MAX } }),
    ),
  ),
});

/**
 * The question form: its fields, and each filled option that repeats an earlier one marked beside
 * itself. That check reads the raw fields first, so it speaks even while another field (the
 * radio, say) is still missing.
 */
export const questionFormSchema = z.preprocess((raw, ctx) => {
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const seen = new Set<string>();
  for (const name of ["option_a", "option_b", "option_c", "option_d"] as const) {
    const key = typeof fields[name] === "string" ? questionKey(fields[name]) : "";
    if (key !== "" && seen.has(key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: BANK_MESSAGES.optionsDistinct });
    seen.add(key);
  }
  return raw;
}, questionFields);
export type QuestionForm = z.output<typeof questionFields>;

/** Retire or restore (a skill or a question). */
export const retireFormSchema = z.object({ intent: z.enum(["retire", "restore"], { errorMap: () => ({ message: BANK_MESSAGES.intent }) }) });

/** The import: one file (its bytes kept up to the limit; readForm counts the rest). */
export const IMPORT_FILES = { file: IMPORT_MAX_BYTES } as const;
export const importFormSchema = z.object({
  file: z.custom<{ filename: string; size: number; bytes: Uint8Array | null }>((v) => v !== null && typeof v === "object", { message: BANK_MESSAGES.fileRequired }),
});
