/**
 * /communities/<id>/edit: the creator (or an admin) changes the name, the description and the
 * banner (replace it, or remove it). Other members get 403, visitors sign in, unknown ids 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommunityForm } from "~/components/communities/CommunityForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Arrow } from "~/components/ui/Arrow";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { uuidOf } from "~/lib/ids";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { COMMUNITY_FIELDS, COMMUNITY_FORM, communitySchema } from "~/modules/communities/manage-forms.server";
import { editableCommunity, saveCommunityForm } from "~/modules/communities/manage.server";
import { COMMUNITY_MESSAGES } from "~/modules/communities/rules";
import { flashHeader } from "~/services/flash.server";

/** The community the viewer may edit, or the honest error: 404 for no such community, 403 for someone else's. */
async function ownCommunity(user: CurrentUser, raw: string | undefined, t: Translate) {
  const id = uuidOf(raw);
  const found = id ? await editableCommunity(getCtx(), user, id) : "missing";
  if (found === "missing") throw new Response(t("communities.notFound"), { status: 404 });
  if (found === "forbidden") throw new Response(t("communities.edit.notYours"), { status: 403 });
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const community = await ownCommunity(user, params.id, await translatorFor(request));
  return {
    community: { id: community.id, name: community.name, hasBanner: community.hasBanner },
    values: { name: community.name, description: community.description ?? "" },
    ...(await pageMessages(request, ["communities"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const community = await ownCommunity(user, params.id, t);
  const read = await readForm(request, communitySchema, COMMUNITY_FORM);
  if (read.tooLarge) return data({ errors: { banner: t(COMMUNITY_MESSAGES.bannerTooLarge, { size: ">10", limit: 2 }) }, values: {} }, { status: 413 });
  const outcome = await saveCommunityForm(getCtx(), user, read, t, { kind: "edit", id: community.id });
  if (!outcome.ok) {
    if (outcome.status === 404) throw new Response(t("communities.notFound"), { status: 404 });
    return data({ errors: outcome.errors, values: pick(read.values, COMMUNITY_FIELDS) }, { status: outcome.status });
  }
  return redirect(`/communities/${outcome.id}`, { headers: { "Set-Cookie": await flashHeader("communities.edit.saved") } });
}

export default function EditCommunity() {
  const { community, values } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="edit-community-title" className="space-y-4">
      <p>
        <Link to={`/communities/${community.id}`}>
          <Arrow to="back" /> <bdi>{community.name}</bdi>
        </Link>
      </p>
      <h1 id="edit-community-title" className="break-words">
        {t("communities.edit.title")}
      </h1>
      <CommunityForm
        values={failed ? failed.values : values}
        errors={failed?.errors}
        submitLabel={t("communities.edit.submit")}
        cancelHref={`/communities/${community.id}`}
        editing={community}
      />
      <p>
        <Link to={`/communities/${community.id}/delete`} className="text-red-800">
          {t("communities.edit.deleteLink")}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communities.edit.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
