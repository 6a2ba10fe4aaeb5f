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
  return (
    <fetcher.Form method="post" action={`/coach/${chatId}/vote`} className="flex items-center gap-2" aria-label="Rate this reply">
      <CsrfInput />
      <input type="hidden" name="messageId" value={messageId} />
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
      <Button variant="secondary" size="sm" name="value" value="up" aria-pressed={shown === "up"} title="A helpful reply (press again to take it back)">
        <span aria-hidden="true">▲ </span>Up<span className="sr-only"> vote this reply</span>
      </Button>
      <Button variant="secondary" size="sm" name="value" value="down" aria-pressed={shown === "down"} title="Not a helpful reply (press again to take it back)">
        <span aria-hidden="true">▼ </span>Down<span className="sr-only"> vote this reply</span>
      </Button>
    </fetcher.Form>
  );
}
