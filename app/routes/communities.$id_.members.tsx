/**
 * /communities/<id>/members: the community's approved members in the order they joined (keyset
 * pages), moderators and the creator marked. Members and moderators see it; others 403, and a
 * community that does not exist 404. Moderators remove or ban a member (with a reason the member
 * reads); the creator (or an admin) appoints moderators; a moderator who is not the creator can
 * step down. Plain forms: POST, then back here with the outcome, or 400 with the message beside
 * the reason and what was typed.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { StatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { isGlobalModerator, standingIn } from "~/modules/communities/access.server";
import { appointModerator, listMembers, removeMember, stepDown } from "~/modules/communities/members.server";
import { membersFormSchema } from "~/modules/communities/moderation-forms.server";
import { isGoodOutcome, MEMBER_OUTCOME_MESSAGES, REASON_MAX } from "~/modules/communities/moderation-rules";
import { moderationCursor } from "~/modules/communities/moderation.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const standing = await standingIn(ctx, user, params.id ?? "");
  if (!standing) throw new Response(t("moderation.notFound"), { status: 404 });
  if (!standing.moderates && standing.membership !== "approved") throw new Response(t("moderation.members.onlyMembers"), { status: 403 });
  const here = `/communities/${standing.communityId}/members`;
  const after = moderationCursor.from(url.searchParams.get("after"), "members");
  if (after === null) throw new Response(t("moderation.brokenLink", { path: bidi(here) }), { status: 400 });
  const page = await listMembers(ctx, standing.communityId, { after });
  return {
    me: user.id,
    community: { id: standing.communityId, name: standing.name },
    moderates: standing.moderates,
    owns: standing.owns,
    /** A community moderator who may step down (not the creator; global roles have no row to leave). */
    canStepDown: standing.moderates && !isGlobalModerator(user) && standing.createdBy !== user.id,
    rows: page.rows.map((r) => ({
      userId: r.userId,
      name: displayName(r.name, t),
      headline: r.headline,
      avatarUrl: r.avatarUrl,
      joined: formatDate(r.joinedAt, lang),
      moderator: r.moderator,
      creator: r.creator,
    })),
    nextHref: page.next ? `${here}?after=${moderationCursor.to(page.next, "members")}` : null,
    paged: Boolean(after),
    ...(await pageMessages(request, ["moderation"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, membersFormSchema, { maxBytes: 8_000 });
  const t = translator(await languageOf(request));
  const ctx = getCtx();
  const standing = await standingIn(ctx, user, params.id ?? "");
  if (!standing) throw new Response(t("moderation.notFound"), { status: 404 });
  if (!read.ok) {
    return data({ errors: read.errors, userId: read.values.userId ?? "", reason: read.values.reason ?? "" }, { status: 400 });
  }
  const input = read.data;
  const communityId = standing.communityId;
  const outcome =
    input.intent === "remove" || input.intent === "ban"
      ? await removeMember(ctx, user, { communityId, userId: input.userId, action: input.intent, reason: input.reason })
      : input.intent === "appoint"
        ? await appointModerator(ctx, user, { communityId, userId: input.userId })
        : await stepDown(ctx, user, communityId);
  // Someone who may not act here is told so (the write itself refused them): only the creator appoints.
  const allowed = input.intent === "appoint" ? standing.owns : standing.moderates;
  if (outcome === "not_found" && !allowed) throw new Response(t(input.intent === "appoint" ? "moderation.onlyCreator" : "moderation.onlyModerators"), { status: 403 });
  const flash = await flashHeader(MEMBER_OUTCOME_MESSAGES[outcome], isGoodOutcome(outcome) ? "success" : "info");
  return redirect(`/communities/${communityId}/members`, { headers: { "Set-Cookie": flash } });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function ModeratorActions({ row, owns, failed }: { row: Row; owns: boolean; failed: { errors: Record<string, string>; userId: string; reason: string } | null }) {
  const t = useT();
  const mine = failed && failed.userId === row.userId ? failed : null;
  const id = `reason-${row.userId}`;
  return (
    <div className="flex flex-wrap items-start gap-2 pt-1">
      {owns && !row.moderator ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="userId" value={row.userId} />
          <Button size="sm" variant="secondary" name="intent" value="appoint" aria-label={t("moderation.members.appointOne", { name: row.name })}>
            {t("moderation.members.appoint")}
          </Button>
        </Form>
      ) : null}
      <details open={Boolean(mine)} className="min-w-[12rem] flex-1">
        <summary className="btn-quiet btn-sm inline-flex cursor-pointer list-none">{t("moderation.members.removeOpen")}</summary>
        <Form method="post" className="mt-2 space-y-2">
          <CsrfInput />
          <input type="hidden" name="userId" value={row.userId} />
          <TextareaField
            id={id}
            name="reason"
            label={t("moderation.members.reasonLabel", { max: REASON_MAX })}
            hint={t("moderation.members.reasonHint")}
            rows={2}
            dir="auto"
            required
            maxLength={REASON_MAX}
            defaultValue={mine?.reason}
            error={mine?.errors.reason}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="danger" name="intent" value="remove" aria-label={t("moderation.members.removeOne", { name: row.name })}>
              {t("moderation.members.remove")}
            </Button>
            <Button size="sm" variant="danger" name="intent" value="ban" aria-label={t("moderation.members.banOne", { name: row.name })}>
              {t("moderation.members.ban")}
            </Button>
          </div>
        </Form>
      </details>
    </div>
  );
}

export default function CommunityMembers() {
  const { me, community, moderates, owns, canStepDown, rows, nextHref, paged } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() ?? null;
  const t = useT();
  const page = `/communities/${community.id}`;
  return (
    <section aria-labelledby="members-title" className="space-y-3">
      <h1 id="members-title" dir="auto">
        {t("moderation.members.title", { community: community.name })}
      </h1>
      <p className="flex flex-wrap gap-x-3">
        <Link to={page}>{t("moderation.membership.backToCommunity")}</Link>
        {moderates ? <Link to={`${page}/requests`}>{t("moderation.requests.link")}</Link> : null}
      </p>
      {failed ? <ErrorSummary errors={failed.errors} labels={{ reason: t("moderation.members.reasonField") }} /> : null}
      {rows.length === 0 ? (
        <p className="text-stone-600">{paged ? t("moderation.queue.noMore") : t("moderation.members.empty")}</p>
      ) : (
        <ul aria-label={t("moderation.members.listLabel")} className="list">
          {rows.map((row) => (
            <li key={row.userId}>
              <MemberCard
                id={row.userId}
                name={row.name}
                avatarUrl={row.avatarUrl}
                href={`/u/${row.userId}`}
                badge={
                  row.creator ? (
                    <StatusPill tone="indigo">{t("moderation.members.creator")}</StatusPill>
                  ) : row.moderator ? (
                    <StatusPill tone="sky">{t("moderation.members.moderator")}</StatusPill>
                  ) : null
                }
              >
                {row.headline ? (
                  <p className="break-words text-sm" dir="auto">
                    {row.headline}
                  </p>
                ) : null}
                <MetaLine parts={[t("moderation.members.joined", { date: row.joined })]} />
                {moderates && row.userId !== me && !row.creator ? <ModeratorActions row={row} owns={owns} failed={failed} /> : null}
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>{t("moderation.members.more")}</Link> : null}
      {canStepDown ? (
        <Form method="post" className="card flex flex-wrap items-center gap-3">
          <CsrfInput />
          <p>{t("moderation.members.stepDownText")}</p>
          <Button variant="secondary" name="intent" value="step-down">
            {t("moderation.members.stepDown")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("moderation.members.pageTitle", { community: args.data?.community.name ?? "" })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
