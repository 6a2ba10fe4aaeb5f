/** The accounts forms' rules (zod). Kept in a .server module so zod never ships to the browser. */
import { z } from "zod";
import { LANGUAGES } from "~/lib/i18n";
import { singleLine } from "~/lib/text-fields.server";
import { PASSWORD_MAX } from "./passwords.server";
import { isSixDigits, normalizeCode } from "./sign-up";

const email = z
  .string({ required_error: "auth.form.emailRequired" })
  .trim()
  .min(1, "auth.form.emailRequired")
  .max(64, "auth.form.emailTooLong")
  .email("auth.form.emailInvalid");

export const signInSchema = z.object({
  email,
  password: z
    .string({ required_error: "auth.form.passwordRequired" })
    .min(1, "auth.form.passwordRequired")
    .max(PASSWORD_MAX, "auth.form.passwordRequired"),
});

export const signUpSchema = z.object({
  name: singleLine(
    z
      .string({ required_error: "auth.form.nameRequired" })
      .trim()
      .min(1, "auth.form.nameRequired")
      .max(100, "auth.form.nameTooLong"),
  ),
  email,
  // Length and common-password rules are checked by passwordProblem (it needs the list).
  password: z.string({ required_error: "auth.form.choosePassword" }).min(1, "auth.form.choosePassword"),
  ref: z.string().trim().max(32).optional(),
});

export const emailOnlySchema = z.object({ email });

/** /signup/confirm: the 6-digit code from the mail, or (intent "resend") another mail. */
export const signUpConfirmSchema = z
  .object({
    intent: z.enum(["code", "resend"]).default("code"),
    email,
    code: z.string().max(40).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "code" && !isSixDigits(normalizeCode(value.code ?? ""))) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "auth.confirm.codeInvalid" });
    }
  });

/** /settings/language: one of Ladder's languages. */
export const languageSchema = z.object({
  lang: z.enum(LANGUAGES, { errorMap: () => ({ message: "settings.language.choose" }) }),
});

/** /settings/lite: lite mode on ("1") or off ("0"). */
export const liteModeSchema = z.object({
  lite: z.enum(["1", "0"], { errorMap: () => ({ message: "settings.lite.choose" }) }),
});
