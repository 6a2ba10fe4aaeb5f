/**
 * The like button of a feed post or comment (issue 17, item 4), for any page that shows one (the
 * post page, and the feed's cards). One POST form to the thing's like route
 * (`postLikePath` / `commentLikePath` of ~/modules/feed/comment-rules):
 * - it says what it does (`intent` like or unlike, from what the button showed), so a double
 *   submit of "like" stays liked;
 * - without JavaScript the server redirects back to this page (`back`) at the thing's anchor;
 * - with JavaScript a fetcher posts it (`via=fetcher`), the button and count change at once and
 *   settle on the server's answer, without a reload;
 * - a visitor gets a link to sign in instead, coming back to this page.
 * The words are the shared `feed` namespace's (like.*): a page that shows the button sends it.
 */
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CsrfInput } from "~/components/forms";
import { buttonClass } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { isLikeIntent, signInPath } from "~/modules/feed/comment-rules";

export interface LikeButtonProps {
  /** The like route: /feed/<postId>/like or /feed/<postId>/comments/<commentId>/like. */
  action: string;
  liked: boolean;
  count: number;
  /** A visitor (false) gets a link to sign in. */
  signedIn: boolean;
  /** What is liked, for the button's name ("Like this post"). */
  kind: "post" | "comment";
  /** Hidden content cannot be liked: only the count shows. */
  disabled?: boolean;
}

/** What the like route answers a fetcher: the new state, or why it was refused. */
export type LikeData = { liked: boolean; count: number } | { error: string };

export function LikeButton({ action, liked, count, signedIn, kind, disabled = false }: LikeButtonProps) {
  const t = useT();
  const location = useLocation();
  const back = location.pathname + location.search;
  const fetcher = useFetcher<LikeData>({ key: `like:${action}` });
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const answer = fetcher.data && "liked" in fetcher.data ? fetcher.data : null;
  const refused = fetcher.state === "idle" && fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  const settled = answer ?? { liked, count };
  const pending = fetcher.formData?.get("intent");
  const shownLiked = isLikeIntent(pending) ? pending === "like" : settled.liked;
  const shownCount = Math.max(0, settled.count + (shownLiked === settled.liked ? 0 : shownLiked ? 1 : -1));
  const name = kind === "post" ? t("feed.like.post") : t("feed.like.comment");
  const counted = (
    <span className="text-sm text-stone-700" aria-live="polite">
      {t("feed.like.count", { count: shownCount })}
    </span>
  );

  if (disabled) return <span className="inline-flex items-center gap-2">{counted}</span>;
  if (!signedIn) {
    return (
      <span className="inline-flex items-center gap-2">
        <Link to={signInPath(back)} className={buttonClass("secondary", "sm")} aria-label={t("feed.like.signIn")}>
          <span aria-hidden="true">♡ </span>
          {t("feed.like.button")}
        </Link>
        {counted}
      </span>
    );
  }
  return (
    <fetcher.Form method="post" action={action} className="inline-flex flex-wrap items-center gap-2">
      <CsrfInput />
      <input type="hidden" name="intent" value={shownLiked ? "unlike" : "like"} />
      <input type="hidden" name="back" value={back} />
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
      <button type="submit" className={buttonClass("secondary", "sm")} aria-pressed={shownLiked} aria-label={name}>
        <span aria-hidden="true">{shownLiked ? "♥ " : "♡ "}</span>
        {t("feed.like.button")}
      </button>
      {counted}
      {refused ? (
        <span role="alert" className="text-sm font-medium text-red-800">
          {refused}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
