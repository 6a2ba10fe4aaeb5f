/**
 * Up and down buttons under a reply of the coach. A plain form posting to /coach/<chatId>/vote
 * (the server redirects back to the reply); once the page is interactive, a fetcher form that
 * shows the new vote at once and does not reload the page. Pressing the pressed button takes the
 * vote back (nextVote).
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { isVoteValue, nextVote, type VoteValue } from "~/modules/coach/extras-rules";

interface Props {
  chatId: string;
  messageId: string;
  vote: VoteValue | null;
}

type VoteData = { messageId: string; vote: VoteValue | null };

export function VoteForm({ chatId, messageId, vote }: Props) {
  const fetcher = useFetcher<VoteData>({ key: `vote-${messageId}` });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const settled = fetcher.state === "idle" && fetcher.data && fetcher.data.messageId === messageId ? fetcher.data.vote : vote;
  const pressed = fetcher.formData?.get("value");
  const shown = isVoteValue(pressed) ? nextVote(settled, pressed) : settled;
  const t = useT();
  return (
    <fetcher.Form method="post" action={`/coach/${chatId}/vote`} className="flex items-center gap-2" aria-label={t("coach.vote.label")}>
      <CsrfInput />
      <input type="hidden" name="messageId" value={messageId} />
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
      <Button variant="secondary" size="sm" name="value" value="up" aria-pressed={shown === "up"} title={t("coach.vote.upTitle")}>
        <span aria-hidden="true">▲ </span>
        {t("coach.vote.up")}
        <span className="sr-only"> {t("coach.vote.sr")}</span>
      </Button>
      <Button variant="secondary" size="sm" name="value" value="down" aria-pressed={shown === "down"} title={t("coach.vote.downTitle")}>
        <span aria-hidden="true">▼ </span>
        {t("coach.vote.down")}
        <span className="sr-only"> {t("coach.vote.sr")}</span>
      </Button>
    </fetcher.Form>
  );
}
