import { Form } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import { Button } from "./ui/Button";

/**
 * A GET search box (`q`): filters change nothing, so they are links one can share and go back to.
 * The button says `submit`; without it, common.search (the root sends common to every page)
 */
export function SearchForm({ label, defaultValue, maxLength, submit }: { label: string; defaultValue: string; maxLength: number; submit?: string }) {
  const t = useT();
  return (
    <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
      <div className="grow space-y-1">
        <label htmlFor="q" className="block font-medium">
          {label}
        </label>
        <input id="q" name="q" type="search" dir="auto" defaultValue={defaultValue} maxLength={maxLength} className="w-full rounded border border-stone-400 px-2 py-1.5" />
      </div>
      <Button>{submit ?? t("common.search")}</Button>
    </Form>
  );
}
