/**
 * The feed's reports queue on /moderation/reports (issue 17, item 6): one article per reported
 * post or comment, oldest report first. Each shows the words as any reader sees them (the
 * anonymous name for anonymous words, never who wrote them), how many open reports and for which
 * reasons, the first reporters' own words (never who they are), and two plain POST forms: Hide
 * (a removal row; the author is told) and Dismiss. Without JavaScript a submit redirects back
 * with a flash; with it, the same forms submit as navigations and the pressed button says so.
 * Its page's loader sends the feedReports and feed catalogs.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { AuthorLine } from "~/components/feed/AuthorLine";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { bidi, useT } from "~/lib/i18n";
import type { FeedAuthor } from "~/modules/feed/access.server";
import { REASON_LABELS, type ReportReason } from "~/modules/feed/report-rules";

/** A row as the loader sends it (dates in the reader's words). */
export interface QueueRowView {
  reportId: string;
  kind: "post" | "comment";
  postId: string;
  commentId: string | null;
  author: FeedAuthor;
  content: string;
  removed: boolean;
  written: string;
  edited: boolean;
  companyName: string | null;
  industry: string | null;
  hasImage: boolean;
  parent: { quote: string; removed: boolean } | null;
  reports: number;
  firstReported: string;
  reasons: { reason: ReportReason; count: number }[];
  details: { reason: ReportReason; text: string }[];
}

function QueueItem({ row, action }: { row: QueueRowView; action: string }) {
  const t = useT();
  const navigation = useNavigation();
  const pending =
    navigation.state !== "idle" && navigation.formData?.get("postId") === row.postId && (navigation.formData?.get("commentId") ?? "") === (row.commentId ?? "")
      ? navigation.formData?.get("intent")
      : null;
  const titleId = `report-${row.reportId}`;
  const postHref = `/feed/${row.postId}`;
  return (
    <li>
      <article data-report-id={row.reportId} aria-labelledby={titleId} className="card space-y-3">
        <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id={titleId} className="text-base">
            {row.kind === "post" ? t("feedReports.queue.kindPost") : t("feedReports.queue.kindComment")}
            {" · "}
            {t("feedReports.queue.reports", { count: row.reports })}
          </h2>
          <span className="meta">{t("feedReports.queue.firstReported", { date: row.firstReported })}</span>
        </header>
        {row.parent ? (
          row.parent.removed ? (
            <p className="meta">{t("feedReports.queue.onRemovedPost")}</p>
          ) : (
            <p className="meta">
              {t("feedReports.queue.onPost")}{" "}
              <Link to={postHref} dir="auto" className="break-words">
                {row.parent.quote}
              </Link>
            </p>
          )
        ) : null}
        <div className="space-y-1 rounded border border-stone-200 bg-stone-50 p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <AuthorLine author={row.author} />
            <MetaLine parts={[t("feedReports.queue.written", { date: row.written }), row.edited ? t("feedReports.queue.edited") : null]} />
          </div>
          {row.removed ? (
            <p className="italic text-stone-700">{t("feedReports.queue.alreadyRemoved")}</p>
          ) : (
            <p className="whitespace-pre-wrap break-words" dir="auto">
              {row.content}
            </p>
          )}
          <MetaLine
            parts={[
              row.companyName ? t("feedReports.queue.company", { name: bidi(row.companyName) }) : null,
              row.industry ? t("feedReports.queue.industry", { name: bidi(row.industry) }) : null,
              row.hasImage ? (
                <span key="img">
                  {t("feedReports.queue.image")} <a href={`${postHref}/image`}>{t("feedReports.queue.seeImage")}</a>
                </span>
              ) : null,
            ]}
          />
        </div>
        <div className="space-y-1">
          <h3 className="text-sm font-semibold">{t("feedReports.queue.reasons")}</h3>
          <ul className="flex flex-wrap gap-2">
            {row.reasons.map((r) => (
              <li key={r.reason} className="pill border-amber-700 bg-amber-50 text-amber-900">
                {t("feedReports.queue.reasonCount", { reason: t(REASON_LABELS[r.reason]), count: r.count })}
              </li>
            ))}
          </ul>
        </div>
        {row.details.length > 0 ? (
          <div className="space-y-1">
            <h3 className="text-sm font-semibold">{t("feedReports.queue.details")}</h3>
            <ul className="space-y-1">
              {row.details.map((d, i) => (
                <li key={i} className="text-sm">
                  <span className="text-stone-600">{t(REASON_LABELS[d.reason])}: </span>
                  <q dir="auto" className="whitespace-pre-wrap break-words">
                    {d.text}
                  </q>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" action={action} className="flex flex-wrap items-center gap-2">
          <CsrfInput />
          <input type="hidden" name="postId" value={row.postId} />
          {row.commentId ? <input type="hidden" name="commentId" value={row.commentId} /> : null}
          <Button size="sm" variant="danger" name="intent" value="hide" disabled={Boolean(pending)}>
            {pending === "hide" ? t("feedReports.queue.hiding") : row.kind === "post" ? t("feedReports.queue.hidePost") : t("feedReports.queue.hideComment")}
          </Button>
          <Button size="sm" variant="secondary" name="intent" value="dismiss" disabled={Boolean(pending)}>
            {pending === "dismiss" ? t("feedReports.queue.dismissing") : t("feedReports.queue.dismiss")}
          </Button>
          <Link to={postHref} className="ms-auto text-sm">
            {t("feedReports.queue.openPost")}
          </Link>
        </Form>
      </article>
    </li>
  );
}

export function ReportQueue({ rows, action, nextHref, paged }: { rows: QueueRowView[]; action: string; nextHref: string | null; paged: boolean }) {
  const t = useT();
  return (
    <>
      {rows.length === 0 ? (
        <p className="card">{t("feedReports.queue.empty")}</p>
      ) : (
        <ul aria-label={t("feedReports.queue.list")} className="space-y-3">
          {rows.map((row) => (
            <QueueItem key={row.reportId} row={row} action={action} />
          ))}
        </ul>
      )}
      {nextHref || paged ? (
        <p className="flex flex-wrap gap-4">
          {nextHref ? <Link to={nextHref}>{t("feedReports.queue.more")}</Link> : null}
          {paged ? <Link to="/moderation/reports">{t("feedReports.queue.first")}</Link> : null}
        </p>
      ) : null}
    </>
  );
}
