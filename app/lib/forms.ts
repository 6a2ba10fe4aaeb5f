/** Form values and errors as routes hand them back on a 400: what was typed, and what is wrong. */
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string>;

/** The first message for each field of a zod error ("education.0.school" stays dotted). */
export function fieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The typed values to show again, without secrets (passwords are never echoed). */
export function typedValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** FormData -> a plain object of strings for zod (files and repeated names excluded). */
export function formObject(form: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in object)) object[key] = value;
  return object;
}

/** The named entries of read values (what a form shows again, and nothing else that was sent). */
export function pick(values: Record<string, string>, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) if (Object.hasOwn(values, name)) picked[name] = values[name];
  return picked;
}
