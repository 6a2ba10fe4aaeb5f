/** The accounts forms' rules (zod). Kept in a .server module so zod never ships to the browser. */
import { z } from "zod";
import { LANGUAGES } from "~/lib/i18n";
import { singleLine } from "~/lib/text-fields.server";
import { PASSWORD_MAX } from "./passwords.server";

const email = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(64, "Email addresses on Ladder have at most 64 characters.")
  .email("Enter an email address like name@example.com.");

export const signInSchema = z.object({
  email,
  password: z.string({ required_error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Enter your password."),
});

export const signUpSchema = z.object({
  name: singleLine(
    z
      .string({ required_error: "Enter your name." })
      .trim()
      .min(1, "Enter your name.")
      .max(100, "Use at most 100 characters for your name."),
  ),
  email,
  // Length and common-password rules are checked by passwordProblem (it needs the list).
  password: z.string({ required_error: "Choose a password." }).min(1, "Choose a password."),
  ref: z.string().trim().max(32).optional(),
});

export const emailOnlySchema = z.object({ email });

/** /settings/language: one of Ladder's languages. */
export const languageSchema = z.object({
  lang: z.enum(LANGUAGES, { errorMap: () => ({ message: "settings.language.choose" }) }),
});

/** /settings/lite: lite mode on ("1") or off ("0"). */
export const liteModeSchema = z.object({
  lite: z.enum(["1", "0"], { errorMap: () => ({ message: "Choose lite mode on or off." }) }),
});
