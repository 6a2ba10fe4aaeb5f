/**
 * Buttons (decision 025): primary for the page's main action, secondary for the others, danger
 * for what cannot be undone. A disabled button looks disabled (grey, no hover), so a pending
 * form reads as such. Links that start an action ("Post a job") use the same look.
 */
import { Link, type LinkProps } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "md" | "sm";

// Whole class names, so Tailwind keeps them (app/tailwind.css defines them).
const VARIANT_CLASS: Record<ButtonVariant, string> = { primary: "btn", secondary: "btn-quiet", danger: "btn-danger" };

/** The classes of a button of `variant` (for the rare element that cannot be <Button>). */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md", extra?: string): string {
  return [VARIANT_CLASS[variant], size === "sm" ? "btn-sm" : null, extra].filter(Boolean).join(" ");
}

type ButtonProps = { variant?: ButtonVariant; size?: ButtonSize } & ButtonHTMLAttributes<HTMLButtonElement>;

/** A submit button unless told otherwise: every button of Ladder sits in a form that works without JavaScript. */
export function Button({ variant = "primary", size = "md", className, type = "submit", ...button }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...button} />;
}

type ButtonLinkProps = { variant?: ButtonVariant; size?: ButtonSize } & LinkProps;

/** A link that looks like a button: for an action that opens a page ("Post a job"). */
export function ButtonLink({ variant = "primary", size = "md", className, ...link }: ButtonLinkProps) {
  return <Link className={buttonClass(variant, size, className)} {...link} />;
}
