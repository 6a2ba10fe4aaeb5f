/**
 * Passwords: argon2id at m=19 MiB, t=2, p=1 (OWASP ASVS 11.4.2), rehashed at sign-in when
 * these parameters rise. 8 to 256 characters of anything; the 10,000 most common refused.
 */
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export const ARGON2_PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * A new password's form field: required, and a loose bound on its length before any hashing
 * (passwordProblem counts the characters and checks the common list).
 */
export const newPasswordField = () =>
  z
    .string({ required_error: "auth.form.chooseNewPassword" })
    .min(1, "auth.form.chooseNewPassword")
    .superRefine((value, ctx) => {
      if (value.length > PASSWORD_MAX * 4) ctx.addIssue({ code: "custom", message: "auth.password.tooLong", params: { max: PASSWORD_MAX } });
    });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" -> its parameters, or null if not argon2id. */
export function readArgon2Params(stored: string): { memoryCost: number; timeCost: number; parallelism: number } | null {
  const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return null;
  return { memoryCost: Number(match[1]), timeCost: Number(match[2]), parallelism: Number(match[3]) };
}

export function needsRehash(stored: string): boolean {
  const params = readArgon2Params(stored);
  if (!params) return true;
  return params.memoryCost < ARGON2_PARAMS.memoryCost || params.timeCost < ARGON2_PARAMS.timeCost;
}

// A hash of a random password, verified against when the account does not exist, so that
// an unknown email costs the same time as a wrong password.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));
}

let common: Set<string> | undefined;
/** The 10,000 most common passwords (zxcvbn's list, most common first), loaded once. */
export async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    common = new Set((dictionary["passwords-common"] as string[]).slice(0, 10_000));
  }
  return common;
}

/** Why this password cannot be used, in the reader's words (`t`; English by default), or null when it can. */
export async function passwordProblem(password: string, t: Translate = translator("en")): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return t("auth.password.tooShort", { min: PASSWORD_MIN });
  if (length > PASSWORD_MAX) return t("auth.password.tooLong", { max: PASSWORD_MAX });
  if ((await commonPasswords()).has(password.toLowerCase())) return t("auth.password.common");
  return null;
}
