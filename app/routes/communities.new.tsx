/**
 * /communities/new: any member starts a community (issue 16): name (3 to 80 characters, unique
 * whatever its case), description, and a banner (PNG, JPEG or WebP, at most 2 MB, re-encoded
 * without metadata). The creator becomes its first approved member and first moderator.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CommunityForm } from "~/components/communities/CommunityForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { COMMUNITY_FIELDS, COMMUNITY_FORM, communitySchema } from "~/modules/communities/manage-forms.server";
import { saveCommunityForm } from "~/modules/communities/manage.server";
import { COMMUNITY_MESSAGES } from "~/modules/communities/rules";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return pageMessages(request, ["communities"]);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const read = await readForm(request, communitySchema, COMMUNITY_FORM);
  // Only a body over 10 MB lands here: nothing of it was read (with JavaScript the page refuses a large banner before sending).
  if (read.tooLarge) return data({ errors: { banner: t(COMMUNITY_MESSAGES.bannerTooLarge, { size: ">10", limit: 2 }) }, values: {} }, { status: 413 });
  const outcome = await saveCommunityForm(getCtx(), user, read, t, { kind: "create" });
  if (!outcome.ok) {
    const headers = outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : undefined;
    return data({ errors: outcome.errors, values: pick(read.values, COMMUNITY_FIELDS) }, { status: outcome.status, headers });
  }
  return redirect(`/communities/${outcome.id}`, { headers: { "Set-Cookie": await flashHeader("communities.new.created", "success", { name: read.ok ? read.data.name : "" }) } });
}

export default function NewCommunity() {
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="new-community-title" className="space-y-4">
      <h1 id="new-community-title">{t("communities.new.title")}</h1>
      <p className="text-sm text-stone-600">{t("communities.new.intro")}</p>
      <CommunityForm values={failed?.values ?? {}} errors={failed?.errors} submitLabel={t("communities.new.submit")} cancelHref="/communities" />
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communities.new.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
