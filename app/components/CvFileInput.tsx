/**
 * The CV file field of the apply form and of /settings/cv: the input with its hint and its error
 * beside it, and (with JavaScript) the check that refuses a file over 5 MB before it is sent, so
 * nothing is uploaded on a slow link only to be refused.
 */
import { useState, type FormEvent } from "react";
import { FileField } from "~/components/forms";
import { CV_CONTENT_TYPES, MAX_CV_BYTES } from "~/modules/jobs/cv";

const ACCEPT = [".pdf", ".docx", CV_CONTENT_TYPES.pdf, CV_CONTENT_TYPES.docx].join(",");

/** Whether the last submit was stopped for a CV over 5 MB, and the form's onSubmit that stops it. */
export function useCvSizeCheck(): [boolean, (event: FormEvent<HTMLFormElement>) => void] {
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("cv");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const over = !!file && file.size > MAX_CV_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  return [tooLarge, checkSize];
}

/** The CV file field (name and id "cv"), with its hint and its error beside it. */
export function CvFileInput({ error, label, hint, required, onPick }: { error?: string; label: string; hint: string; required: boolean; onPick?: () => void }) {
  return <FileField label={label} name="cv" hint={hint} error={error} accept={ACCEPT} required={required} onChange={onPick} />;
}
