/** /network/remove/<userId>: the confirmation step before removing a connection. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { getPublicProfile } from "~/modules/profile/profile.server";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { uuidOf } from "~/lib/ids";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const id = uuidOf(params.userId);
  if (!id) throw new Response(t("network.remove.notConnected"), { status: 404 });
  const ctx = getCtx();
  const [state, profile] = await Promise.all([stateWith(ctx, user.id, id), getPublicProfile(ctx, id)]);
  if (state !== "connected" || !profile) throw new Response(t("network.remove.notConnected"), { status: 404 });
  return { userId: id, name: displayName(profile.name, t), ...(await pageMessages(request, ["network"])) };
}

export default function RemoveConnection() {
  const { userId, name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="remove-title" className="card space-y-3">
      <h1 id="remove-title">{t("network.remove.title", { name })}</h1>
      <p>{t("network.remove.explain", { name })}</p>
      <Form method="post" action="/network" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="back" value="/network" />
        <Button variant="danger">{t("network.remove.submit")}</Button>
        <Link to="/network">{t("network.remove.cancel")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("network.remove.pageTitle")));
