/**
 * /moderation/reports: the feed's reports queue (issue 17, item 6) for global moderators and
 * admins. One row per reported post or comment, oldest open report first, keyset pages; Hide
 * (readers see "Removed by a moderator", the author is told) or Dismiss. Plain POST forms that
 * redirect back with a flash. Everyone else gets 403, and the writes check the role themselves.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { ModerationTabs } from "~/components/feed/ModerationTabs";
import { ReportQueue } from "~/components/feed/ReportQueue";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { isFeedModerator } from "~/modules/feed/access.server";
import { decideReport, listReportQueue, moderationTabs } from "~/modules/feed/moderation.server";
import { queueFormSchema } from "~/modules/feed/report-forms.server";
import { MODERATION_FLASH } from "~/modules/feed/report-rules";
import { reportsCursor } from "~/modules/feed/reports-cursor.server";
import { flashHeader } from "~/services/flash.server";

const HERE = "/moderation/reports";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  if (!isFeedModerator(user)) throw new Response(t("feedReports.queue.forbidden"), { status: 403 });
  const url = new URL(request.url);
  const after = reportsCursor.from(url.searchParams.get("after"), "queue");
  if (after === null) throw new Response(t("feedReports.queue.brokenLink", { path: bidi(HERE) }), { status: 400 });
  const ctx = getCtx();
  const [page, tabs] = await Promise.all([listReportQueue(ctx, user, { after }), moderationTabs(ctx, user, t, "reports")]);
  return {
    tabs,
    rows: page.rows.map((row) => ({
      reportId: row.reportId,
      kind: row.target.kind,
      postId: row.target.postId,
      commentId: row.target.kind === "comment" ? row.target.commentId : null,
      author: row.author,
      content: row.content,
      removed: row.removed,
      written: formatDate(row.createdAt, lang),
      edited: row.edited,
      companyName: row.post?.companyName ?? null,
      industry: row.post?.industry ?? null,
      hasImage: row.post?.hasImage ?? false,
      parent: row.parent,
      reports: row.reports,
      firstReported: formatDate(row.firstReportedAt, lang),
      reasons: row.reasons,
      details: row.details,
    })),
    action: `${HERE}${url.search}`,
    nextHref: page.next ? `${HERE}?after=${reportsCursor.to(page.next, "queue")}` : null,
    paged: Boolean(after),
    ...(await pageMessages(request, ["feedReports", "feed"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(await languageOf(request));
  if (!isFeedModerator(user)) throw new Response(t("feedReports.queue.forbidden"), { status: 403 });
  const read = await readForm(request, queueFormSchema, { maxBytes: 5_000 });
  const url = new URL(request.url);
  const back = `${HERE}${url.search}`;
  if (!read.ok) {
    const message = Object.values(read.errors)[0] ?? t("feedReports.form.target");
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(message, "error") } });
  }
  const { intent, postId, commentId } = read.data;
  const target = commentId ? { kind: "comment" as const, postId, commentId } : { kind: "post" as const, postId };
  const outcome = await decideReport(getCtx(), user, intent, target);
  const said = MODERATION_FLASH[outcome];
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(said.message, said.kind) } });
}

export default function ReportsQueue() {
  const { tabs, rows, action, nextHref, paged } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="reports-title" className="space-y-3">
      <ModerationTabs nav={tabs} />
      <h1 id="reports-title">{t("feedReports.queue.title")}</h1>
      <p>{t("feedReports.queue.intro")}</p>
      <p className="meta">{t("feedReports.queue.hideHint")}</p>
      <ReportQueue rows={rows} action={action} nextHref={nextHref} paged={paged} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feedReports.queue.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/moderation", label: t("common.nav.moderation") }, { to: "/", label: t("common.area.home") }]} />;
}
