/**
 * /communities/<id>/membership: a member's own membership. POST with `intent` = ask | withdraw |
 * leave (the community page's button posts here); a bare "leave" is sent to this page's GET first,
 * the confirmation, whose button posts it again with confirmed=yes. The GET also offers asking
 * and withdrawing, so the whole flow works from here. A missing community: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { standingIn } from "~/modules/communities/access.server";
import { askToJoinWithinLimit, leaveCommunity, withdrawRequest } from "~/modules/communities/membership.server";
import { membershipFormSchema } from "~/modules/communities/moderation-forms.server";
import { isGoodOutcome, membershipChoice, MEMBERSHIP_OUTCOME_MESSAGES } from "~/modules/communities/moderation-rules";
import { flashHeader } from "~/services/flash.server";
import { LIMITS, tooManyRequests } from "~/services/rate-limit.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("moderation.notFound"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const standing = await standingIn(getCtx(), user, params.id ?? "");
  if (!standing) throw await notFound(request);
  const choice = membershipChoice({ membership: standing.membership, banned: standing.banned, creator: standing.createdBy === user.id });
  return { community: { id: standing.communityId, name: standing.name }, choice, ...(await pageMessages(request, ["moderation"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, membershipFormSchema, { maxBytes: 4_000 });
  if (!read.ok) throw new Response((await translatorFor(request))("moderation.form.chooseAction"), { status: 400 });
  const ctx = getCtx();
  const id = (params.id ?? "").toLowerCase();
  const here = `/communities/${id}/membership`;
  const { intent, confirmed } = read.data;
  // Leaving is confirmed on its own page first, whichever page the button was on.
  if (intent === "leave" && confirmed !== "yes") {
    if (!(await standingIn(ctx, user, id))) throw await notFound(request);
    return redirect(here);
  }
  const asked = intent === "ask" ? await askToJoinWithinLimit(ctx, user, id) : null;
  if (asked?.outcome === "limited") {
    throw tooManyRequests("moderation.membership.tooMany", asked.retryAfterSeconds, await translatorFor(request), { limit: LIMITS.communityJoinPerMember.limit });
  }
  const outcome = asked ? asked.outcome : intent === "withdraw" ? await withdrawRequest(ctx, user, id) : await leaveCommunity(ctx, user, id);
  if (outcome === "not_found") throw await notFound(request);
  const back = safeRedirectPath(read.data.back, `/communities/${id}`);
  const flash = await flashHeader(MEMBERSHIP_OUTCOME_MESSAGES[outcome], isGoodOutcome(outcome) ? "success" : "info");
  return redirect(back, { headers: { "Set-Cookie": flash } });
}

export default function Membership() {
  const { community, choice } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const here = `/communities/${community.id}/membership`;
  const page = `/communities/${community.id}`;
  const name = community.name;
  return (
    <section aria-labelledby="membership-title" className="card space-y-3">
      <h1 id="membership-title" dir="auto">
        {t(`moderation.membership.${choice}.title`, { community: name })}
      </h1>
      <p>{t(`moderation.membership.${choice}.text`, { community: name })}</p>
      {choice === "ask" || choice === "withdraw" || choice === "leave" ? (
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <CsrfInput />
          <input type="hidden" name="intent" value={choice} />
          {choice === "leave" ? <input type="hidden" name="confirmed" value="yes" /> : null}
          <input type="hidden" name="back" value={here} />
          <Button variant={choice === "ask" ? "primary" : "danger"} disabled={busy}>
            {t(`moderation.membership.${choice}.submit`)}
          </Button>
          <Link to={page}>{t("moderation.membership.backToCommunity")}</Link>
        </Form>
      ) : (
        <p>
          <Link to={choice === "creator" ? `${page}/delete` : "/communities"}>{t(`moderation.membership.${choice}.link`)}</Link>
        </p>
      )}
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("moderation.membership.pageTitle", { community: args.data?.community.name ?? "" })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
