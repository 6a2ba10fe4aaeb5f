/** /applications/<id>/withdraw: the confirmation page, and the POST that withdraws the application. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { statusLabel } from "~/modules/jobs/application-rules";
import { applicationPath, getMyApplication, withdrawApplication } from "~/modules/jobs/applications.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_YOURS = "There is no application of yours at this address. It may have been deleted, or the link is wrong.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = (params.id ?? "").toLowerCase();
  const app = await getMyApplication(getCtx(), user.id, id);
  if (!app) throw new Response(NOT_YOURS, { status: 404 });
  return {
    id: app.id,
    href: applicationPath(app.id),
    title: app.title ?? "a job that is no longer listed",
    employer: app.employer,
    canWithdraw: app.canWithdraw,
    status: statusLabel(app.status, app.withdrawn),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 10_000 });
  const ctx = getCtx();
  const id = (params.id ?? "").toLowerCase();
  if (await withdrawApplication(ctx, user.id, id)) {
    return redirect(applicationPath(id), {
      headers: { "Set-Cookie": await flashHeader("You withdrew your application. You can apply to this job again while it is open.") },
    });
  }
  const app = await getMyApplication(ctx, user.id, id);
  if (!app) throw new Response(NOT_YOURS, { status: 404 });
  const why = app.withdrawn ? "This application was already withdrawn." : `This application can no longer be withdrawn: it is ${statusLabel(app.status, false).toLowerCase()}.`;
  return redirect(applicationPath(app.id), { headers: { "Set-Cookie": await flashHeader(why, "info") } });
}

export default function Withdraw() {
  const a = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="withdraw-title" className="card space-y-3">
      {a.canWithdraw ? (
        <>
          <h1 id="withdraw-title">Withdraw your application to {a.title}?</h1>
          <p>
            {a.employer ? `${a.employer} will see that you withdrew. ` : "The employer will see that you withdrew. "}
            Your application stays in your list, marked withdrawn. You can apply to this job again while it is open.
          </p>
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <CsrfInput />
            <Button variant="danger" disabled={busy}>
              {busy ? "Withdrawing…" : "Withdraw application"}
            </Button>
            <Link to={a.href}>Keep my application</Link>
          </Form>
        </>
      ) : (
        <>
          <h1 id="withdraw-title">This application cannot be withdrawn</h1>
          <p>Its status is: {a.status}.</p>
          <p>
            <Link to={a.href}>Back to the application</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Withdraw an application | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/applications", label: "Your applications" }]} />;
}
