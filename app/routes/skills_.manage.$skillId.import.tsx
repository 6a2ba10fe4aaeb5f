/**
 * /skills/manage/<skillId>/import: career staff import questions into a skill from a CSV or JSON
 * file of at most 1 MB (the format: the README's "Question bank" part under Skills; examples in docs/). The
 * answer is a report: how many questions were imported and each refused row by its number with
 * the reasons. Good rows are imported together in one transaction, bad ones are named and left
 * out; a file that cannot be read (not .csv or .json, not UTF-8, a wrong header, broken JSON, a
 * quote never closed) imports nothing and says why beside the file field (400). A file whose
 * every row is refused also answers 400 (nothing was written).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, ErrorSummary, FileField } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { IMPORT_FILES, importFormSchema } from "~/modules/skills/bank-forms.server";
import { reportOf, requireBankSkill, type ReportLine } from "~/modules/skills/bank-page.server";
import { CSV_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, readImportFile, skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, importQuestions } from "~/modules/skills/bank.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const skill = await requireBankSkill(getCtx(), user, params.skillId, await translatorFor(request));
  return { skill, ...(await pageMessages(request, ["skillsBank"])) };
}

type ImportAnswer = { errors: Record<string, string>; report: null } | { errors: Record<string, string>; report: { imported: number; rows: number; refused: ReportLine[] } };
const reply = (body: ImportAnswer, status: number) => data(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const skill = await requireBankSkill(ctx, user, params.skillId, t);
  // The body holds the file and the form's few fields: a little over the file's limit.
  const read = await readForm(request, importFormSchema, { files: IMPORT_FILES, maxBytes: IMPORT_MAX_BYTES + 64 * 1024 });
  const tooLarge = () => reply({ errors: { file: t("skillsBank.import.file.tooLarge", { mb: IMPORT_MAX_BYTES / 1_000_000 }) }, report: null }, 400);
  if (read.tooLarge) return tooLarge();
  if (!read.ok) return reply({ errors: read.errors, report: null }, 400);
  const upload = read.files.file;
  if (!upload) return reply({ errors: { file: t("skillsBank.import.fileRequired") }, report: null }, 400);
  if (upload.bytes === null) return tooLarge();
  const file = readImportFile(upload.filename, upload.bytes);
  if (!file.ok) return reply({ errors: { file: t(file.problem.id, file.problem.values) }, report: null }, 400);
  const outcome = await importQuestions(ctx, user, skill.id, file.rows);
  if (outcome.kind === "missing") throw new Response(t("skillsBank.notFound"), { status: 404 });
  const report = { imported: outcome.imported, rows: outcome.rows.length, refused: reportOf(outcome.rows, t) };
  return reply({ errors: {}, report }, outcome.imported > 0 ? 200 : 400);
}

export default function ImportQuestions() {
  const { skill } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const href = skillHref(skill.id);
  const report = answer?.report ?? null;
  return (
    <div className="space-y-6">
      <p>
        <Link to={href} dir="auto">
          {skill.name}
        </Link>
      </p>
      <section aria-labelledby="import-title" className="card space-y-4">
        <h1 id="import-title">{t("skillsBank.import.title")}</h1>
        {report ? (
          <div role="status" aria-labelledby="report-title" className={`space-y-2 rounded border-s-4 p-3 ${report.refused.length > 0 ? "border-amber-600 bg-amber-50" : "border-teal-700 bg-teal-50"}`}>
            <h2 id="report-title" className="text-base font-semibold">
              {t("skillsBank.import.report.summary", { imported: report.imported, rows: report.rows })}
            </h2>
            {report.refused.length > 0 ? (
              <>
                <p>{t("skillsBank.import.report.refused", { count: report.refused.length })}</p>
                <ul className="list-disc ps-5" aria-label={t("skillsBank.import.report.listLabel")}>
                  {report.refused.map((line) => (
                    <li key={line.row}>
                      <span className="font-medium">{t("skillsBank.import.report.row", { row: line.row })}</span> {line.reasons.join(" ")}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {report.imported > 0 ? (
              <p>
                <Link to={href}>{t("skillsBank.import.report.see")}</Link>
              </p>
            ) : null}
          </div>
        ) : null}
        <Form method="post" action={`${href}/import`} encType="multipart/form-data" className="space-y-4" noValidate>
          <CsrfInput />
          <ErrorSummary errors={answer?.errors} labels={{ file: t("skillsBank.import.fileLabel") }} />
          <FileField
            label={t("skillsBank.import.fileLabel")}
            name="file"
            accept=".csv,.json,text/csv,application/json"
            hint={t("skillsBank.import.fileHint", { mb: IMPORT_MAX_BYTES / 1_000_000, max: IMPORT_MAX_ROWS })}
            error={answer?.errors.file}
          />
          <Button>{t("skillsBank.import.submit")}</Button>
        </Form>
      </section>
      <section aria-labelledby="format-title" className="card space-y-2 text-sm">
        <h2 id="format-title" className="text-base">
          {t("skillsBank.import.format.title")}
        </h2>
        <p>{t("skillsBank.import.format.csv")}</p>
        <p>
          <code dir="ltr" className="break-all">
            {CSV_COLUMNS.join(",")}
          </code>
        </p>
        <p>{t("skillsBank.import.format.correct")}</p>
        <p>{t("skillsBank.import.format.json")}</p>
        <p>
          <code dir="ltr" className="break-all">
            {'[{"question": "…", "options": ["…", "…", "…", "…"], "correctIndex": 0, "explanation": "…"}]'}
          </code>
        </p>
        <p>{t("skillsBank.import.format.rules")}</p>
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("skillsBank.import.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills/manage", label: t("skillsBank.title") }]} />;
}
