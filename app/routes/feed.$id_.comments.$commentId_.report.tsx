/**
 * /feed/<id>/comments/<commentId>/report: a member reports a comment (issue 17, item 6), as
 * /feed/<id>/report does a post: the comment quoted as any reader sees it, one reason and optional
 * words; one report per member, back to the post with a flash. Visitors sign in first; one's own
 * comment is refused (403), a hidden one too (409); a comment not on that post is 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AlreadyReported, ReportedQuote, ReportErrorBoundary, ReportForm } from "~/components/feed/ReportForm";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { reportFormSchema } from "~/modules/feed/report-forms.server";
import { loadReportPage, submitReport, targetOf } from "~/modules/feed/reports.server";
import { flashHeader } from "~/services/flash.server";
import { tooManyRequests } from "~/services/rate-limit.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const target = targetOf(params.id, params.commentId ?? "");
  const result = await loadReportPage(getCtx(), { id: user.id, role: user.role }, target, lang, translator(lang));
  if (result.kind === "refused") throw new Response(result.message, { status: result.status });
  return { ...result.page, ...(await pageMessages(request, ["feedReports", "feed"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, reportFormSchema, { maxBytes: 20_000 });
  const t = translator(await languageOf(request));
  const target = targetOf(params.id, params.commentId ?? "");
  const result = await submitReport(getCtx(), { id: user.id, role: user.role }, target, read, t);
  if (result.kind === "invalid") return data({ errors: result.errors, values: result.values }, { status: 400 });
  if (result.kind === "refused") throw new Response(result.message, { status: result.status });
  if (result.kind === "limited") throw tooManyRequests("feedReports.limited", result.retryAfterSeconds, t);
  return redirect(result.to, { headers: { "Set-Cookie": await flashHeader(result.flash.message, result.flash.kind) } });
}

export default function ReportComment() {
  const { thing, already, action: formAction, back } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="report-title" className="card space-y-4">
      <h1 id="report-title">{t("feedReports.report.titleComment")}</h1>
      <p>{t("feedReports.report.intro")}</p>
      <ReportedQuote thing={thing} />
      {already ? (
        <AlreadyReported text={t("feedReports.report.alreadyComment", { date: already })} back={back} />
      ) : (
        <ReportForm action={formAction} back={back} values={failed?.values} errors={failed?.errors} />
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feedReports.report.titleComment") })));

export function ErrorBoundary() {
  return <ReportErrorBoundary />;
}
