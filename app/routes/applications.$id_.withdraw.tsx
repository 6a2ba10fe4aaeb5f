/** /applications/<id>/withdraw: the confirmation page, and the POST that withdraws the application. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { applicantStatusLabel } from "~/modules/hiring/rules";
import { applicationPath, getMyApplication, withdrawApplication } from "~/modules/jobs/applications.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";

const NOT_YOURS = "applications.detail.notYours";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const id = (params.id ?? "").toLowerCase();
  const app = await getMyApplication(getCtx(), user.id, id);
  if (!app) throw new Response(t(NOT_YOURS), { status: 404 });
  return {
    id: app.id,
    href: applicationPath(app.id),
    title: app.title ?? t("applications.job.unlistedInSentence"),
    employer: app.employer,
    canWithdraw: app.canWithdraw,
    status: applicantStatusLabel(app.status, app.withdrawn, t),
    ...(await pageMessages(request, ["applications"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 10_000 });
  const ctx = getCtx();
  const id = (params.id ?? "").toLowerCase();
  if (await withdrawApplication(ctx, user.id, id)) {
    return redirect(applicationPath(id), {
      headers: { "Set-Cookie": await flashHeader("applications.withdraw.done") },
    });
  }
  const app = await getMyApplication(ctx, user.id, id);
  const t = await translatorFor(request);
  if (!app) throw new Response(t(NOT_YOURS), { status: 404 });
  const flash = app.withdrawn
    ? await flashHeader("applications.withdraw.already", "info")
    : await flashHeader("applications.withdraw.tooLate", "info", { status: applicantStatusLabel(app.status, false, t).toLowerCase() });
  return redirect(applicationPath(app.id), { headers: { "Set-Cookie": flash } });
}

export default function Withdraw() {
  const a = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  // The job's title (the member's words, in any language) inside the question, in the reader's word order.
  const [questionBefore, questionAfter] = t("applications.withdraw.question", { title: "\u0000" }).split("\u0000");
  return (
    <section aria-labelledby="withdraw-title" className="card space-y-3">
      {a.canWithdraw ? (
        <>
          <h1 id="withdraw-title">
            {questionBefore}
            <bdi dir="auto">{a.title}</bdi>
            {questionAfter}
          </h1>
          <p>
            {a.employer ? t("applications.withdraw.employerSees", { employer: a.employer }) : t("applications.withdraw.someoneSees")}{" "}
            {t("applications.withdraw.stays")}
          </p>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <CsrfInput />
            <Button variant="danger" disabled={busy}>
              {busy ? t("applications.withdraw.busy") : t("applications.withdraw.submit")}
            </Button>
            <Link to={a.href}>{t("applications.withdraw.keep")}</Link>
          </Form>
        </>
      ) : (
        <>
          <h1 id="withdraw-title">{t("applications.withdraw.cannot")}</h1>
          <p>{t("applications.withdraw.statusIs", { status: a.status })}</p>
          <p>
            <Link to={a.href}>{t("applications.withdraw.back")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("applications.withdraw.pageTitle")));

export function ErrorBoundary() {
  const t = useT();
  // The route failed, so only the root's common messages are here.
  return <RouteErrorBoundary back={[{ to: "/applications", label: t("common.area.applications") }]} />;
}
