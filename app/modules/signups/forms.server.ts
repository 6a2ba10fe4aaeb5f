/**
 * The public sign-up forms' rules (zod), in a .server module so zod never ships to the browser.
 * Messages are ids in the signups namespace; readForm puts them into the reader's language.
 */
import { z } from "zod";
import { multiLine, singleLine } from "~/lib/text-fields.server";

const fullName = singleLine(
  z
    .string({ required_error: "signups.form.nameRequired" })
    .trim()
    .min(1, "signups.form.nameRequired")
    .max(128, "signups.form.nameTooLong"),
);

const email = z
  .string({ required_error: "signups.form.emailRequired" })
  .trim()
  .min(1, "signups.form.emailRequired")
  .max(128, "signups.form.emailTooLong")
  .email("signups.form.emailInvalid");

const phone = z
  .string()
  .trim()
  .max(32, "signups.form.phoneTooLong")
  // The part before the first digit holds no digit, so a run of digits has one way to match.
  .regex(/^$|^\+?[ ()./-]*[0-9][0-9 ()./-]*$/, "signups.form.phoneInvalid")
  .optional()
  .transform((value) => value || null);

/** `tooLong`: the message id that names the field and its limit. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((value) => value || null);

/** One line (an organisation's name). */
const optionalLine = (max: number, tooLong: string) => singleLine(optionalText(max, tooLong));
/** A paragraph or more: line endings normalised. */
const optionalLines = (max: number, tooLong: string) => multiLine(optionalText(max, tooLong));

export const premiumSchema = z.object({
  fullName,
  emailAddress: email,
  phoneNumber: phone,
  paragraphInterest: optionalLines(2000, "signups.form.interestTooLong"),
});

export const apiAccessSchema = z.object({
  fullName,
  email_address: email,
  phone_number: phone,
  orgName: optionalLine(200, "signups.form.orgNameTooLong"),
  work: optionalLines(2000, "signups.form.workTooLong"),
  benefits: optionalLines(2000, "signups.form.benefitsTooLong"),
});

export type PremiumInput = z.infer<typeof premiumSchema>;
export type ApiAccessInput = z.infer<typeof apiAccessSchema>;
