/**
 * /hiring/archive/<cardId>: one archived candidate (name, email, phone if the member shared it,
 * match, the recruiter's note) and the job it came from. Only the recruiter who archived it and
 * admins find it; everyone else 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { ButtonLink } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { cardIdOf, getCard } from "~/modules/hiring/archive.server";
import { jobPath } from "~/modules/jobs/feeds";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const id = cardIdOf(params.cardId);
  const card = id === null ? null : await getCard(getCtx(), { id: user.id, role: user.role }, id);
  if (!card) throw new Response(t("archive.notFound"), { status: 404 });
  return {
    id: card.id,
    name: card.name?.trim() || t("archive.card.unnamed"),
    email: card.email,
    phone: card.phone,
    match: card.matchPercentage,
    desc: card.desc,
    at: formatDate(card.createdAt, lang),
    // The recruiter who archived it may rewrite the note from the job (the form shows the card's note).
    editHref: card.recruiterId === user.id ? `/hiring/${card.feed}/${encodeURIComponent(card.jobId)}/candidates/${card.memberId}/archive` : null,
    job: card.jobTitle === null && card.jobEmployer === null ? null : { title: card.jobTitle?.trim() || t("hiring.job.untitled"), employer: card.jobEmployer, href: jobPath(card.feed, card.jobId) },
    ...(await pageMessages(request, ["archive", "hiring"])),
  };
}

export default function ArchiveCard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="card-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/hiring/archive">{t("archive.card.back")}</Link>
      </p>
      <article className="card space-y-3">
        <h1 id="card-title" dir="auto" className="break-words">
          {d.name}
        </h1>
        <p className="meta">{t("archive.list.archived", { date: d.at })}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("archive.new.email")}</dt>
          <dd className="break-all">
          <bdi dir="ltr">{d.email}</bdi>
        </dd>
          <dt className="font-medium">{t("archive.new.phone")}</dt>
          <dd>{d.phone ? <bdi dir="ltr">{d.phone}</bdi> : t("archive.new.phoneHidden")}</dd>
          <dt className="font-medium">{t("archive.new.match")}</dt>
          <dd>{d.match}</dd>
          <dt className="font-medium">{t("archive.card.fromJob")}</dt>
          <dd>
            {d.job ? (
              <Link to={d.job.href} dir="auto">
                {d.job.title}
                {d.job.employer ? <bdi dir="auto"> · {d.job.employer}</bdi> : null}
              </Link>
            ) : (
              t("archive.card.jobGone")
            )}
          </dd>
        </dl>
        <h2 className="text-base">{t("archive.card.note")}</h2>
        <p className="whitespace-pre-wrap break-words" dir="auto">
          {d.desc}
        </p>
      </article>
      <p className="flex flex-wrap items-center gap-3">
        {d.editHref ? <ButtonLink to={d.editHref}>{t("archive.card.edit")}</ButtonLink> : null}
        <ButtonLink to={`/hiring/archive/${d.id}/delete`} variant="secondary">
          {t("archive.card.delete")}
        </ButtonLink>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("archive.card.title", { name: args.data?.name ?? "" }) })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/hiring/archive", label: t("archive.list.title") }]} />;
}
