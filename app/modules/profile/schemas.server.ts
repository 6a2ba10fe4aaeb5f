/**
 * The profile forms' rules (zod), kept in a .server module so zod never ships to the browser.
 * Each schema yields only allow-listed profile columns: nothing else in a form can reach the
 * database.
 */
import { z } from "zod";
import type { CertificationEntry, EducationEntry, ExperienceEntry } from "../../../db/schema";
import type { FieldErrors } from "~/lib/forms";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { multiLine, singleLine } from "~/lib/text-fields.server";
import { isAnonymousAvatar } from "./anonymous-avatars";
import { isBlank, isHttpUrl, LISTS, MAX_GOAL_LENGTH, parseTags, type Draft, type ListName } from "./rules";

/** Trimmed single-line text; empty becomes null (the column is cleared). */
const optionalText = (max: number, tooLong: string) =>
  singleLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().max(max, tooLong))
      .transform((v) => (v === "" ? null : v)),
  );

/** "linkedin.com/in/x" gets https:// in front; anything with another scheme stays as typed and is refused. */
function withScheme(value: string): string {
  const v = value.trim();
  if (v === "" || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return `https://${v.replace(/^\/+/, "")}`;
}

const webAddress = (what: string) =>
  z
    .string()
    .default("")
    .transform(withScheme)
    .pipe(
      z
        .string()
        .max(500, `Use at most 500 characters for your ${what} address.`)
        .refine((v) => v === "" || isHttpUrl(v), {
          message: `Enter a web address starting with https:// or http:// (other kinds of links, such as javascript:, are not allowed).`,
        }),
    )
    .transform((v) => (v === "" ? null : v));

export const basicsSchema = z.object({
  name: singleLine(
    z
      .string({ required_error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(100, "Use at most 100 characters for your name."),
  ),
  headline: optionalText(160, "Use at most 160 characters for your headline."),
  phone: z
    .string()
    .default("")
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .max(32, "Use at most 32 characters for your phone number.")
        .regex(/^[0-9+()\- ]*$/, "Use only digits, spaces and + - ( ) in a phone number.")
        .refine((v) => v === "" || (v.match(/\d/g)?.length ?? 0) >= 4, "Enter a phone number with at least 4 digits."),
    )
    .transform((v) => (v === "" ? null : v)),
  linkedinURL: webAddress("LinkedIn"),
  FacebookURL: webAddress("Facebook"),
});

const tagsField = (noun: string, maxLength?: number) =>
  z
    .string()
    .default("")
    .superRefine((value, context) => {
      if (value.length > 3000) {
        context.addIssue({ code: "custom", message: `That is too long: list a few ${noun}s, separated by commas.` });
        return;
      }
      if (!isSingleLine(value)) {
        context.addIssue({ code: "custom", message: SINGLE_LINE_MESSAGE });
        return;
      }
      const result = parseTags(value, { noun, maxLength });
      if (!result.ok) context.addIssue({ code: "custom", message: result.message });
    })
    .transform((value) => {
      const result = parseTags(value, { noun, maxLength });
      return result.ok && result.tags.length > 0 ? result.tags.join(", ") : null;
    });

export const aboutSchema = z.object({
  goals: tagsField("goal", MAX_GOAL_LENGTH),
  strengths: tagsField("strength"),
  interests: tagsField("interest"),
});

export const anonymousSchema = z.object({
  anonymous_username: z
    .string()
    .default("")
    .transform((v) => v.trim().toLowerCase())
    .pipe(
      z
        .string()
        .refine((v) => v === "" || v.length >= 3, "Use at least 3 characters.")
        .refine((v) => v.length <= 30, "Use at most 30 characters.")
        .refine((v) => /^[a-z0-9_]*$/.test(v), "Use only letters a to z, digits and _ (no spaces)."),
    )
    .transform((v) => (v === "" ? null : v)),
  anonymous_avatar: z
    .string()
    .default("")
    .refine((v) => v === "" || isAnonymousAvatar(v), "Choose one of the pictures shown.")
    .transform((v) => (v === "" ? null : v)),
});

// ---------------------------------------------------------------------------------------------
// Lists

export const MIN_YEAR = 1950;
const maxYear = () => new Date().getUTCFullYear() + 10;

const optionalEntryText = (max: number, what: string) =>
  singleLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().max(max, `Use at most ${max} characters for the ${what}.`))
      .transform((v) => (v === "" ? undefined : v)),
  );

const requiredEntryText = (max: number, missing: string, what: string) =>
  singleLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().min(1, missing).max(max, `Use at most ${max} characters for the ${what}.`)),
  );

/** Several lines (a job's description): line endings normalised, as a textarea's text. */
const optionalEntryLines = (max: number, what: string) =>
  multiLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().max(max, `Use at most ${max} characters for the ${what}.`))
      .transform((v) => (v === "" ? undefined : v)),
  );

const year = () =>
  z
    .string()
    .default("")
    .transform((v) => v.trim())
    .superRefine((v, context) => {
      if (v === "") return;
      const n = Number(v);
      if (!/^\d{4}$/.test(v) || n < MIN_YEAR || n > maxYear()) {
        context.addIssue({ code: "custom", message: `Enter a year from ${MIN_YEAR} to ${maxYear()}.` });
      }
    })
    .transform((v) => (v === "" ? undefined : Number(v)));

const month = () =>
  z
    .string()
    .default("")
    .transform((v) => v.trim())
    .superRefine((v, context) => {
      if (v === "") return;
      const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(v);
      if (!match) context.addIssue({ code: "custom", message: "Use year and month, like 2024-06." });
      else if (Number(match[1]) < MIN_YEAR || Number(match[1]) > maxYear()) {
        context.addIssue({ code: "custom", message: `Use a year from ${MIN_YEAR} to ${maxYear()}.` });
      }
    })
    .transform((v) => (v === "" ? undefined : v));

const educationEntry = z
  .object({
    school: requiredEntryText(120, "Enter the school or university.", "school"),
    degree: optionalEntryText(120, "degree"),
    field: optionalEntryText(120, "field of study"),
    startYear: year(),
    endYear: year(),
  })
  .superRefine((e, context) => {
    if (e.startYear !== undefined && e.endYear !== undefined && e.endYear < e.startYear) {
      context.addIssue({ code: "custom", path: ["endYear"], message: "The end year cannot be before the start year." });
    }
  });

const experienceEntry = z
  .object({
    title: requiredEntryText(120, "Enter the job title.", "job title"),
    company: requiredEntryText(120, "Enter the company or organisation.", "company"),
    startDate: month(),
    endDate: month(),
    description: optionalEntryLines(1000, "description"),
  })
  .superRefine((e, context) => {
    if (e.startDate && e.endDate && e.endDate < e.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "The end cannot be before the start." });
    }
  });

const skillEntry = z.object({ skill: requiredEntryText(60, "Enter a skill, or remove this field.", "skill") });

const certificationEntry = z.object({
  name: requiredEntryText(160, "Enter the name of the certificate.", "certificate"),
  issuer: optionalEntryText(120, "issuer"),
  year: year(),
  url: z
    .string()
    .default("")
    .transform(withScheme)
    .pipe(
      z
        .string()
        .max(500, "Use at most 500 characters for the link.")
        .refine((v) => v === "" || isHttpUrl(v), "Enter a web address starting with https:// or http:// (other kinds of links, such as javascript:, are not allowed)."),
    )
    .transform((v) => (v === "" ? undefined : v)),
});

const entrySchemas = {
  education: educationEntry,
  experience: experienceEntry,
  skills: skillEntry,
  certifications: certificationEntry,
} as const;

export type ListValue = {
  education: EducationEntry[];
  experience: ExperienceEntry[];
  skills: string[];
  certifications: CertificationEntry[];
};

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * Checks every entry of a typed list. Empty entries (an "Add another" left blank) are dropped;
 * errors are keyed by the entry's index as the form shows it ("education.2.endYear").
 */
export function validateList<L extends ListName>(
  list: L,
  drafts: Draft[],
): { ok: true; value: ListValue[L] } | { ok: false; errors: FieldErrors } {
  const spec = LISTS[list];
  const errors: FieldErrors = {};
  const values: unknown[] = [];
  if (drafts.length > spec.max) return { ok: false, errors: { form: `You can list at most ${spec.max} entries here.` } };
  drafts.forEach((draft, index) => {
    if (isBlank(draft)) return;
    const parsed = entrySchemas[list].safeParse(draft);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`${list}.${index}.${issue.path.join(".")}`] ??= issue.message;
      return;
    }
    values.push(withoutUndefined(parsed.data));
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (list === "skills") {
    const seen = new Set<string>();
    const skills = (values as { skill: string }[])
      .map((v) => v.skill.replace(/\s+/g, " "))
      .filter((skill) => !seen.has(skill.toLowerCase()) && seen.add(skill.toLowerCase()));
    return { ok: true, value: skills as ListValue[L] };
  }
  return { ok: true, value: values as ListValue[L] };
}
