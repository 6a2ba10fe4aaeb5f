/**
 * zod helpers for typed text (rules in text.ts). A .server module so zod never ships to a page.
 *   name: singleLine(z.string().trim().min(1, "Enter your name.").max(100, "..."))
 *   description: multiLine(z.string().trim().max(1000, "..."))
 */
import { z } from "zod";
import { isMultiLine, isSingleLine, MULTI_LINE_MESSAGE, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "./text";

/** Refuses control characters and bidi overrides in whatever the schema yields (null passes). */
export const singleLine = <T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T, z.output<T>, z.input<T>> =>
  schema.refine((value: unknown) => typeof value !== "string" || isSingleLine(value), { message: SINGLE_LINE_MESSAGE });

/** Normalises line endings before the schema runs, then refuses other control characters. */
export const multiLine = <T extends z.ZodTypeAny>(schema: T): z.ZodEffects<z.ZodEffects<T, z.output<T>, unknown>, z.output<T>, unknown> =>
  z
    .preprocess((value) => (typeof value === "string" ? normaliseLineEndings(value) : value), schema)
    .refine((value: unknown) => typeof value !== "string" || isMultiLine(value), { message: MULTI_LINE_MESSAGE });
