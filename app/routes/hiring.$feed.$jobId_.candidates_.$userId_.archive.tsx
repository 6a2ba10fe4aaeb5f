/**
 * /hiring/<feed>/<jobId>/candidates/<userId>/archive: the job's poster (or staff) keeps a member
 * who lets recruiters find them as an archive card: their name, email, phone (only if shared),
 * the match percentage (computed here on the server) and a note. Archiving the same member for
 * the same job again rewrites that card. Anyone else, or a member who is not findable: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { archiveFormSchema } from "~/modules/hiring/archive-forms.server";
import { ARCHIVE_DESC_MAX, archiveTarget, existingCard, percentText, saveCard, type ArchiveTarget } from "~/modules/hiring/archive.server";
import { matchPercentOf } from "~/modules/hiring/candidates.server";
import { isFeedSlug } from "~/modules/jobs/feeds";
import { flashHeader } from "~/services/flash.server";

async function targetOf(request: Request, user: CurrentUser, params: LoaderFunctionArgs["params"]) {
  const memberId = uuidOf(params.userId);
  const target = isFeedSlug(params.feed) && params.jobId && memberId ? await archiveTarget(getCtx(), { id: user.id, role: user.role }, params.feed, params.jobId, memberId) : null;
  if (!target) throw new Response((await translatorFor(request))("archive.targetNotFound"), { status: 404 });
  return target;
}

/** The card's match percent: the candidates page's matchOf, computed now on the server. */
async function percentFor(user: CurrentUser, target: ArchiveTarget): Promise<number> {
  return (await matchPercentOf(getCtx(), { id: user.id, role: user.role }, target.job.feed, target.job.jobId, target.member.id)) ?? 0;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const target = await targetOf(request, user, params);
  const old = await existingCard(getCtx(), user.id, target);
  return {
    job: { title: target.job.title, href: `/hiring/${target.job.feed}/${encodeURIComponent(target.job.jobId)}` },
    member: { name: target.member.name, email: target.member.email, phone: target.member.phone },
    match: percentText(await percentFor(user, target)),
    desc: old?.desc ?? "",
    already: Boolean(old),
    max: ARCHIVE_DESC_MAX,
    ...(await pageMessages(request, ["archive", "hiring"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const target = await targetOf(request, user, params);
  const read = await readForm(request, archiveFormSchema, { maxBytes: 40_000 });
  if (!read.ok) return data({ errors: read.errors, values: read.values }, { status: 400 });
  const id = await saveCard(getCtx(), { id: user.id, role: user.role }, target, read.data.desc, await percentFor(user, target));
  return redirect(`/hiring/archive/${id}`, { headers: { "Set-Cookie": await flashHeader("archive.new.done") } });
}

export default function ArchiveCandidate() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="archive-title" className="card space-y-4">
      <p className="text-sm">
        <Link to={d.job.href} dir="auto">
          {t("archive.new.forJob", { title: d.job.title?.trim() || t("hiring.job.untitled") })}
        </Link>
      </p>
      <h1 id="archive-title">{t("archive.new.title")}</h1>
      <p className="text-stone-700">{t("archive.new.intro")}</p>
      <dl aria-label={t("archive.new.member")} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("archive.new.name")}</dt>
        <dd dir="auto" className="break-words">{d.member.name || t("archive.card.unnamed")}</dd>
        <dt className="font-medium">{t("archive.new.email")}</dt>
        <dd className="break-all">
          <bdi dir="ltr">{d.member.email}</bdi>
        </dd>
        <dt className="font-medium">{t("archive.new.phone")}</dt>
        <dd>{d.member.phone ? <bdi dir="ltr">{d.member.phone}</bdi> : t("archive.new.phoneHidden")}</dd>
        <dt className="font-medium">{t("archive.new.match")}</dt>
        <dd>{d.match}</dd>
      </dl>
      {d.already ? <p className="text-sm text-stone-700">{t("archive.new.already")}</p> : null}
      <Form method="post" className="space-y-4" noValidate>
        <ErrorSummary errors={failed?.errors} labels={{ desc: t("archive.new.descLabel") }} />
        <CsrfInput />
        <TextareaField
          name="desc"
          label={t("archive.new.descLabel")}
          hint={t("archive.new.descHint", { max: d.max })}
          rows={5}
          dir="auto"
          defaultValue={failed?.values.desc ?? d.desc}
          error={failed?.errors.desc}
        />
        <p className="flex flex-wrap items-center gap-3">
          <Button disabled={busy}>{busy ? t("archive.new.saving") : t("archive.new.submit")}</Button>
          <Link to={d.job.href}>{t("archive.new.cancel")}</Link>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("archive.new.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/hiring", label: t("common.area.hiring") }]} />;
}
