/** The public sign-up forms' rules (zod), in a .server module so zod never ships to the browser. */
import { z } from "zod";
import { multiLine, singleLine } from "~/lib/text-fields.server";

const fullName = singleLine(
  z
    .string({ required_error: "Enter your full name." })
    .trim()
    .min(1, "Enter your full name.")
    .max(128, "Use at most 128 characters for your name."),
);

const email = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(128, "Use an email address of at most 128 characters.")
  .email("Enter an email address like name@example.com.");

const phone = z
  .string()
  .trim()
  .max(32, "Use at most 32 characters for the phone number.")
  // The part before the first digit holds no digit, so a run of digits has one way to match.
  .regex(/^$|^\+?[ ()./-]*[0-9][0-9 ()./-]*$/, "Use digits, spaces and + ( ) - only, like +20 100 987 6543.")
  .optional()
  .transform((value) => value || null);

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters for ${what}.`)
    .optional()
    .transform((value) => value || null);

/** One line (an organisation's name). */
const optionalLine = (max: number, what: string) => singleLine(optionalText(max, what));
/** A paragraph or more: line endings normalised. */
const optionalLines = (max: number, what: string) => multiLine(optionalText(max, what));

export const premiumSchema = z.object({
  fullName,
  emailAddress: email,
  phoneNumber: phone,
  paragraphInterest: optionalLines(2000, "what interests you"),
});

export const apiAccessSchema = z.object({
  fullName,
  email_address: email,
  phone_number: phone,
  orgName: optionalLine(200, "the organisation's name"),
  work: optionalLines(2000, "your work"),
  benefits: optionalLines(2000, "how it would help"),
});

export type PremiumInput = z.infer<typeof premiumSchema>;
export type ApiAccessInput = z.infer<typeof apiAccessSchema>;
