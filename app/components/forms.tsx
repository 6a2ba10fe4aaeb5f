/**
 * Form parts that work without JavaScript: a label for every input, the error beside its field
 * (aria-describedby), the typed value kept, a summary at the top, and the CSRF token.
 */
import { useRouteLoaderData } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n";

interface RootData {
  csrf?: string;
}

/** The hidden CSRF field every POST form carries. */
export function CsrfInput() {
  const root = useRouteLoaderData("root") as RootData | undefined;
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

/** A field people cannot see and bots fill in; a filled one marks the post as a bot's. */
export function Honeypot() {
  const t = useT();
  return (
    <div className="hidden" aria-hidden="true">
      <label htmlFor="website">{t("common.form.honeypot")}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** Label, hint and error around one control; the control links to them with aria-describedby. */
function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const controlProps = (id: string, hint: ReactNode, error: string | undefined) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": describedBy(id, hint, error),
});

const controlClass = (error?: string) => `w-full rounded border px-2 py-1.5 ${error ? "border-red-700" : "border-stone-400"}`;

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

export function Field({ label, name, error, hint, id = name, className, ...input }: FieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input name={name} {...controlProps(id, hint, error)} className={`${controlClass(error)} ${className ?? ""}`} {...input} />
    </FieldShell>
  );
}

type TextareaProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextareaField({ label, name, error, hint, id = name, ...textarea }: TextareaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea name={name} {...controlProps(id, hint, error)} className={controlClass(error)} {...textarea} />
    </FieldShell>
  );
}

type SelectProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "children">;

/** A select sized to its options (not the full width), with the same label, hint and error wiring. */
export function SelectField({ label, name, error, hint, id = name, children, className, ...select }: SelectProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select name={name} {...controlProps(id, hint, error)} className={`rounded border px-2 py-1.5 ${error ? "border-red-700" : "border-stone-400"} ${className ?? ""}`} {...select}>
        {children}
      </select>
    </FieldShell>
  );
}

type FileProps = {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  id?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">;

/** A file input (the browser's own control, which works without JavaScript) with its label, hint and error. */
export function FileField({ label, name, error, hint, id = name, ...input }: FileProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input name={name} type="file" {...controlProps(id, hint, error)} {...input} />
    </FieldShell>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({ errors, labels = {} }: { errors?: FieldErrors | null; labels?: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="error-summary-title" className="rounded border-s-4 border-red-700 bg-red-50 p-3" tabIndex={-1}>
      <h2 id="error-summary-title" className="text-base font-semibold">
        {t("common.form.problems", { count: entries.length })}
      </h2>
      <ul className="list-disc ps-5">
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "form" ? message : <a href={`#${field}`}>{labels[field] ? `${labels[field]}: ${message}` : message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
