/**
 * The report page's parts (issue 17, item 6): the reported post or comment quoted as any reader
 * sees it (AuthorLine: an anonymous author stays anonymous), and the form: one reason from a
 * radio group and optional words for the moderators. A plain POST that works without JavaScript;
 * a problem comes back (400) with the message beside the field and what was chosen and typed.
 * Its page's loader sends the feedReports and feed catalogs.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { AuthorLine } from "~/components/feed/AuthorLine";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { REASON_LABELS, REPORT_DETAILS_MAX, REPORT_REASONS, type ReportedView } from "~/modules/feed/report-rules";

export function ReportedQuote({ thing }: { thing: ReportedView }) {
  const t = useT();
  return (
    <figure aria-labelledby="reported-title" className="space-y-2 rounded border border-stone-200 bg-stone-50 p-3">
      <h2 id="reported-title" className="text-base">
        {t("feedReports.report.quoted")}
      </h2>
      <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <AuthorLine author={thing.author} />
        <span className="meta">{t("feedReports.report.written", { date: thing.written })}</span>
      </figcaption>
      <blockquote className="whitespace-pre-wrap break-words border-s-4 border-stone-300 ps-3 text-stone-800" dir="auto">
        {thing.quote}
      </blockquote>
    </figure>
  );
}

export function ReportForm({
  action,
  back,
  values = {},
  errors,
}: {
  action: string;
  back: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const reasonError = errors?.reason;
  return (
    <Form method="post" action={action} className="space-y-4" noValidate>
      <ErrorSummary errors={errors} labels={{ reason: t("feedReports.report.reasonLegend"), details: t("feedReports.report.detailsLabel") }} />
      <CsrfInput />
      <fieldset className="space-y-1" aria-describedby={reasonError ? "reason-error" : undefined}>
        <legend className="mb-1 font-medium">{t("feedReports.report.reasonLegend")}</legend>
        {REPORT_REASONS.map((reason, i) => (
          <label key={reason} className="flex min-h-11 cursor-pointer items-center gap-2">
            <input
              type="radio"
              name="reason"
              value={reason}
              id={i === 0 ? "reason" : `reason-${reason}`}
              defaultChecked={values.reason === reason}
              aria-invalid={reasonError ? true : undefined}
              className="h-4 w-4 shrink-0"
            />
            {t(REASON_LABELS[reason])}
          </label>
        ))}
        {reasonError ? (
          <p id="reason-error" className="text-sm font-medium text-red-800">
            {reasonError}
          </p>
        ) : null}
      </fieldset>
      <TextareaField
        name="details"
        label={t("feedReports.report.detailsLabel")}
        hint={t("feedReports.report.detailsHint", { max: REPORT_DETAILS_MAX })}
        rows={3}
        dir="auto"
        defaultValue={values.details}
        error={errors?.details}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={busy}>{busy ? t("feedReports.report.sending") : t("feedReports.report.submit")}</Button>
        <Link to={back}>{t("feedReports.report.back")}</Link>
      </div>
    </Form>
  );
}

/** Instead of the form: the member reported this already (the unique index allows one report each). */
export function AlreadyReported({ text, back }: { text: string; back: string }) {
  const t = useT();
  return (
    <p className="rounded border-s-4 border-sky-700 bg-sky-50 p-3">
      {text} <Link to={back}>{t("feedReports.report.back")}</Link>
    </p>
  );
}

/** The report pages' error page (404, 403 for one's own words, 409 when hidden, 429), with the way back to the feed. */
export function ReportErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
