/**
 * The profile forms' rules (zod), kept in a .server module so zod never ships to the browser.
 * Each schema yields only allow-listed profile columns: nothing else in a form can reach the
 * database.
 */
import { z } from "zod";
import type { CertificationEntry, EducationEntry, ExperienceEntry } from "../../../db/schema";
import type { FieldErrors } from "~/lib/forms";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { multiLine, singleLine } from "~/lib/text-fields.server";
import { isAnonymousAvatar } from "./anonymous-avatars";
import { isBlank, isHttpUrl, LISTS, MAX_GOAL_LENGTH, parseTags, type Draft, type ListName, type TagNoun } from "./rules";

/** "linkedin.com/in/x" gets https:// in front; anything with another scheme stays as typed and is refused. */
function withScheme(value: string): string {
  const v = value.trim();
  if (v === "" || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return `https://${v.replace(/^\/+/, "")}`;
}

// ---------------------------------------------------------------------------------------------
// Lists

export const MIN_YEAR = 1950;
const maxYear = () => new Date().getUTCFullYear() + 10;

/** What an entry's field is called in its length message: profileForms.form.entryTooLong.<what>. */
type EntryWhat = "school" | "degree" | "field" | "title" | "company" | "description" | "skill" | "certificate" | "issuer";

export type ListValue = {
  education: EducationEntry[];
  experience: ExperienceEntry[];
  skills: string[];
  certifications: CertificationEntry[];
};

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The profile forms' schemas with their messages in the words of `t` (the reader's translator;
 * an action builds them with translatorFor(request)). The exports below speak English.
 */
export function profileSchemas(t: Translate) {
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

  const webAddress = (what: string) =>
    z
      .string()
      .default("")
      .transform(withScheme)
      .pipe(
        z
          .string()
          .max(500, t("profileForms.form.webAddressTooLong", { what }))
          .refine((v) => v === "" || isHttpUrl(v), {
            message: t("profileForms.form.webAddress"),
          }),
      )
      .transform((v) => (v === "" ? null : v));

  const basicsSchema = z.object({
    name: singleLine(
      z
        .string({ required_error: t("profileForms.form.nameRequired") })
        .trim()
        .min(1, t("profileForms.form.nameRequired"))
        .max(100, t("profileForms.form.nameTooLong")),
    ),
    headline: optionalText(160, t("profileForms.form.headlineTooLong")),
    phone: z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(
        z
          .string()
          .max(32, t("profileForms.form.phoneTooLong"))
          .regex(/^[0-9+()\- ]*$/, t("profileForms.form.phoneChars"))
          .refine((v) => v === "" || (v.match(/\d/g)?.length ?? 0) >= 4, t("profileForms.form.phoneDigits")),
      )
      .transform((v) => (v === "" ? null : v)),
    linkedinURL: webAddress("LinkedIn"),
    FacebookURL: webAddress("Facebook"),
  });

  const tagsField = (noun: Exclude<TagNoun, "tag">, maxLength?: number) =>
    z
      .string()
      .default("")
      .superRefine((value, context) => {
        if (value.length > 3000) {
          context.addIssue({ code: "custom", message: t(`profileForms.tags.${noun}.tooMuch`) });
          return;
        }
        if (!isSingleLine(value)) {
          context.addIssue({ code: "custom", message: SINGLE_LINE_MESSAGE });
          return;
        }
        const result = parseTags(value, { noun, maxLength }, t);
        if (!result.ok) context.addIssue({ code: "custom", message: result.message });
      })
      .transform((value) => {
        const result = parseTags(value, { noun, maxLength });
        return result.ok && result.tags.length > 0 ? result.tags.join(", ") : null;
      });

  const aboutSchema = z.object({
    goals: tagsField("goal", MAX_GOAL_LENGTH),
    strengths: tagsField("strength"),
    interests: tagsField("interest"),
  });

  const anonymousSchema = z.object({
    anonymous_username: z
      .string()
      .default("")
      .transform((v) => v.trim().toLowerCase())
      .pipe(
        z
          .string()
          .refine((v) => v === "" || v.length >= 3, t("profileForms.form.anonymousShort"))
          .refine((v) => v.length <= 30, t("profileForms.form.anonymousLong"))
          .refine((v) => /^[a-z0-9_]*$/.test(v), t("profileForms.form.anonymousChars")),
      )
      .transform((v) => (v === "" ? null : v)),
    anonymous_avatar: z
      .string()
      .default("")
      .refine((v) => v === "" || isAnonymousAvatar(v), t("profileForms.form.anonymousPicture"))
      .transform((v) => (v === "" ? null : v)),
  });


  const optionalEntryText = (max: number, what: EntryWhat) =>
    singleLine(
      z
        .string()
        .default("")
        .transform((v) => v.trim())
        .pipe(z.string().max(max, t(`profileForms.form.entryTooLong.${what}`, { max })))
        .transform((v) => (v === "" ? undefined : v)),
    );

  const requiredEntryText = (max: number, missing: string, what: EntryWhat) =>
    singleLine(
      z
        .string()
        .default("")
        .transform((v) => v.trim())
        .pipe(z.string().min(1, missing).max(max, t(`profileForms.form.entryTooLong.${what}`, { max }))),
    );

  /** Several lines (a job's description): line endings normalised, as a textarea's text. */
  const optionalEntryLines = (max: number, what: EntryWhat) =>
    multiLine(
      z
        .string()
        .default("")
        .transform((v) => v.trim())
        .pipe(z.string().max(max, t(`profileForms.form.entryTooLong.${what}`, { max })))
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
          context.addIssue({ code: "custom", message: t("profileForms.form.yearRange", { min: MIN_YEAR, max: maxYear() }) });
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
        if (!match) context.addIssue({ code: "custom", message: t("profileForms.form.month") });
        else if (Number(match[1]) < MIN_YEAR || Number(match[1]) > maxYear()) {
          context.addIssue({ code: "custom", message: t("profileForms.form.monthYearRange", { min: MIN_YEAR, max: maxYear() }) });
        }
      })
      .transform((v) => (v === "" ? undefined : v));

  const educationEntry = z
    .object({
      school: requiredEntryText(120, t("profileForms.form.schoolRequired"), "school"),
      degree: optionalEntryText(120, "degree"),
      field: optionalEntryText(120, "field"),
      startYear: year(),
      endYear: year(),
    })
    .superRefine((e, context) => {
      if (e.startYear !== undefined && e.endYear !== undefined && e.endYear < e.startYear) {
        context.addIssue({ code: "custom", path: ["endYear"], message: t("profileForms.form.endYearBefore") });
      }
    });

  const experienceEntry = z
    .object({
      title: requiredEntryText(120, t("profileForms.form.titleRequired"), "title"),
      company: requiredEntryText(120, t("profileForms.form.companyRequired"), "company"),
      startDate: month(),
      endDate: month(),
      description: optionalEntryLines(1000, "description"),
    })
    .superRefine((e, context) => {
      if (e.startDate && e.endDate && e.endDate < e.startDate) {
        context.addIssue({ code: "custom", path: ["endDate"], message: t("profileForms.form.endBefore") });
      }
    });

  const skillEntry = z.object({ skill: requiredEntryText(60, t("profileForms.form.skillRequired"), "skill") });

  const certificationEntry = z.object({
    name: requiredEntryText(160, t("profileForms.form.certificateRequired"), "certificate"),
    issuer: optionalEntryText(120, "issuer"),
    year: year(),
    url: z
      .string()
      .default("")
      .transform(withScheme)
      .pipe(
        z
          .string()
          .max(500, t("profileForms.form.linkTooLong"))
          .refine((v) => v === "" || isHttpUrl(v), t("profileForms.form.webAddress")),
      )
      .transform((v) => (v === "" ? undefined : v)),
  });

  const entrySchemas = {
    education: educationEntry,
    experience: experienceEntry,
    skills: skillEntry,
    certifications: certificationEntry,
  } as const;

  /**
   * Checks every entry of a typed list. Empty entries (an "Add another" left blank) are dropped;
   * errors are keyed by the entry's index as the form shows it ("education.2.endYear").
   */
  function validateList<L extends ListName>(
    list: L,
    drafts: Draft[],
  ): { ok: true; value: ListValue[L] } | { ok: false; errors: FieldErrors } {
    const spec = LISTS[list];
    const errors: FieldErrors = {};
    const values: unknown[] = [];
    if (drafts.length > spec.max) return { ok: false, errors: { form: t("profile.list.tooMany", { max: spec.max }) } };
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

  return { basicsSchema, aboutSchema, anonymousSchema, validateList };
}

/** The schemas in English, for callers with no reader to ask (tests, scripts). */
export const { basicsSchema, aboutSchema, anonymousSchema, validateList } = profileSchemas(translator("en"));
