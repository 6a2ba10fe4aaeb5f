/**
 * The moderation queue of /moderation and /communities/<id>/requests (issue 16): each request with
 * its own approve and decline (a reason optional), and a checkbox that ticks it for the form under
 * the list, which approves or declines every ticked request in one submit.
 *
 * Without JavaScript these are plain forms: POST, then a redirect back with the outcome in the
 * flash (or a 400 with the message beside the field and what was typed). The checkboxes sit in
 * their rows but belong to the batch form through the `form` attribute, so no form is nested.
 * Once the page is interactive, every form posts through a fetcher (via=fetcher): the action
 * answers with data, the queue's loader runs again and the decided rows leave the list without
 * a page load; the outcome is read out in the status line above the list.
 */
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { useT } from "~/lib/i18n";
import { REASON_MAX } from "~/modules/communities/moderation-rules";

export interface QueueRow {
  membershipId: string;
  communityId: string;
  communityName: string;
  userId: string;
  name: string;
  headline: string | null;
  avatarUrl: string | null;
  asked: string;
  communities: number;
}

/** What the action answers a fetcher: the outcome in words, or the form's errors. */
export interface QueueReply {
  said?: { text: string; kind: "success" | "info" | "error" };
  errors?: Record<string, string>;
}

/** A submit without JavaScript that failed (400): which form, what was typed, what to fix. */
export interface QueueFailure {
  errors: Record<string, string>;
  reason: string;
  ids: string[];
  batch: boolean;
}

const BATCH_FORM = "queue-batch";

/** The flash's colours (FlashMessage), for the same outcome said without a page load. */
const SAID_STYLE = { success: "border-teal-700 bg-teal-50", info: "border-sky-700 bg-sky-50", error: "border-red-700 bg-red-50" } as const;

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function RequestItem({
  row,
  showCommunity,
  failure,
  onSaid,
}: {
  row: QueueRow;
  showCommunity: boolean;
  failure: QueueFailure | null;
  onSaid: (said: NonNullable<QueueReply["said"]>) => void;
}) {
  const t = useT();
  const fetcher = useFetcher<QueueReply>({ key: `request-${row.membershipId}` });
  const hydrated = useHydrated();
  useEffect(() => {
    if (fetcher.data?.said) onSaid(fetcher.data.said);
  }, [fetcher.data, onSaid]);
  const mine = failure && !failure.batch && failure.ids[0] === row.membershipId ? failure : null;
  const reasonError = fetcher.data?.errors?.reason ?? mine?.errors.reason;
  const deciding = fetcher.state !== "idle" ? fetcher.formData?.get("intent") : null;
  const reasonId = `reason-${row.membershipId}`;
  return (
    <li aria-busy={deciding ? true : undefined} className={`flex gap-1 ${deciding ? "opacity-60" : ""}`}>
      {/* The tick belongs to the batch form under the list (the form attribute), not to this row's form. */}
      <label className="-ms-2 flex min-h-11 min-w-11 shrink-0 cursor-pointer items-start justify-center pt-2">
        <input type="checkbox" name="membershipId" value={row.membershipId} form={BATCH_FORM} defaultChecked={failure?.batch && failure.ids.includes(row.membershipId)} />
        <span className="sr-only">{t("moderation.queue.tick", { name: row.name })}</span>
      </label>
      <div className="min-w-0 flex-1">
        <MemberCard id={row.userId} name={row.name} avatarUrl={row.avatarUrl} href={`/u/${row.userId}`}>
          {row.headline ? (
            <p className="break-words text-sm" dir="auto">
              {row.headline}
            </p>
          ) : null}
          <MetaLine
            parts={[
              showCommunity ? (
                <Link key="c" to={`/communities/${row.communityId}`} dir="auto">
                  {row.communityName}
                </Link>
              ) : null,
              t("moderation.queue.asked", { date: row.asked }),
              t("moderation.queue.inCommunities", { count: row.communities }),
            ]}
          />
          <fetcher.Form method="post" className="flex flex-wrap items-start gap-2 pt-1">
            <CsrfInput />
            <input type="hidden" name="membershipId" value={row.membershipId} />
            {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
            <Button size="sm" name="intent" value="approve" disabled={Boolean(deciding)} aria-label={t("moderation.queue.approveOne", { name: row.name })}>
              {deciding === "approve" ? t("moderation.queue.approving") : t("moderation.queue.approve")}
            </Button>
            <details open={Boolean(reasonError)} className="min-w-[12rem] flex-1">
              <summary className="btn-quiet btn-sm inline-flex cursor-pointer list-none">{t("moderation.queue.declineOpen")}</summary>
              <div className="mt-2 space-y-2">
                <TextareaField
                  id={reasonId}
                  name="reason"
                  label={t("moderation.queue.reasonLabel", { max: REASON_MAX })}
                  hint={t("moderation.queue.reasonHint")}
                  rows={2}
                  dir="auto"
                  defaultValue={mine?.reason}
                  error={reasonError}
                />
                <Button size="sm" variant="danger" name="intent" value="decline" disabled={Boolean(deciding)} aria-label={t("moderation.queue.declineOne", { name: row.name })}>
                  {deciding === "decline" ? t("moderation.queue.declining") : t("moderation.queue.decline")}
                </Button>
              </div>
            </details>
          </fetcher.Form>
        </MemberCard>
      </div>
    </li>
  );
}

export function RequestQueue({
  rows,
  showCommunity,
  failure,
  nextHref,
  paged,
}: {
  rows: QueueRow[];
  showCommunity: boolean;
  failure: QueueFailure | null;
  nextHref: string | null;
  paged: boolean;
}) {
  const t = useT();
  const batch = useFetcher<QueueReply>({ key: "queue-batch" });
  const hydrated = useHydrated();
  const [said, setSaid] = useState<QueueReply["said"] | null>(null);
  useEffect(() => {
    if (batch.data?.said) setSaid(batch.data.said);
  }, [batch.data]);
  const batchErrors = batch.data?.errors ?? (failure?.batch ? failure.errors : null);
  const busy = batch.state !== "idle";
  return (
    <div className="space-y-3">
      {failure ? <ErrorSummary errors={failure.errors} labels={{ reason: t("moderation.queue.reasonField") }} /> : null}
      {/* With JavaScript the outcome is read out here; without it, the flash after the redirect says it. */}
      {hydrated ? (
        <p role="status" aria-live="polite" className={said ? `rounded border-s-4 p-3 ${SAID_STYLE[said.kind]}` : "sr-only"}>
          {said?.text ?? ""}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-600">{paged ? t("moderation.queue.noMore") : t("moderation.queue.empty")}</p>
      ) : (
        <>
          <ul aria-label={t("moderation.queue.listLabel")} className="list">
            {rows.map((row) => (
              <RequestItem key={row.membershipId} row={row} showCommunity={showCommunity} failure={failure} onSaid={setSaid} />
            ))}
          </ul>
          <batch.Form id={BATCH_FORM} method="post" className="card space-y-2" aria-labelledby="batch-title">
            <h2 id="batch-title" className="text-base">
              {t("moderation.queue.batchTitle")}
            </h2>
            <CsrfInput />
            <input type="hidden" name="batch" value="1" />
            {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
            {batchErrors?.form ? (
              <p className="text-sm text-red-800" role="alert">
                {batchErrors.form}
              </p>
            ) : null}
            <TextareaField
              id="batch-reason"
              name="reason"
              label={t("moderation.queue.reasonLabel", { max: REASON_MAX })}
              hint={t("moderation.queue.batchReasonHint")}
              rows={2}
              dir="auto"
              defaultValue={failure?.batch ? failure.reason : undefined}
              error={batchErrors?.reason}
            />
            <div className="flex flex-wrap gap-2">
              <Button name="intent" value="approve" disabled={busy}>
                {t("moderation.queue.approveTicked")}
              </Button>
              <Button name="intent" value="decline" variant="danger" disabled={busy}>
                {t("moderation.queue.declineTicked")}
              </Button>
            </div>
          </batch.Form>
        </>
      )}
      {nextHref ? <Link to={nextHref}>{t("moderation.queue.more")}</Link> : null}
    </div>
  );
}
