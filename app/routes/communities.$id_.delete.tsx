/**
 * /communities/<id>/delete: the creator (or an admin) confirms, then the community goes with its
 * memberships, posts, events and everything else of it. Other members get 403, unknown ids 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { removeBannerFile } from "~/modules/communities/banner.server";
import { deleteCommunity, editableCommunity } from "~/modules/communities/manage.server";
import { flashHeader } from "~/services/flash.server";

async function ownCommunity(user: CurrentUser, raw: string | undefined, t: Translate) {
  const id = uuidOf(raw);
  const found = id ? await editableCommunity(getCtx(), user, id) : "missing";
  if (found === "missing") throw new Response(t("communities.notFound"), { status: 404 });
  if (found === "forbidden") throw new Response(t("communities.delete.notYours"), { status: 403 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const community = await ownCommunity(user, params.id, await translatorFor(request));
  return { id: community.id, name: community.name, ...(await pageMessages(request, ["communities"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const community = await ownCommunity(user, params.id, t);
  await readForm(request, noFields, { maxBytes: 10_000 });
  const deleted = await deleteCommunity(getCtx(), user, community.id);
  if (!deleted) throw new Response(t("communities.notFound"), { status: 404 });
  await removeBannerFile(deleted.banner);
  return redirect("/communities", { headers: { "Set-Cookie": await flashHeader("communities.delete.done", "success", { name: deleted.name }) } });
}

export default function DeleteCommunity() {
  const { id, name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title" className="break-words">
        {t("communities.delete.heading", { name })}
      </h1>
      <p>{t("communities.delete.body")}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">{t("communities.delete.submit")}</Button>
        <Link to={`/communities/${id}`}>{t("communities.form.cancel")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communities.delete.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
