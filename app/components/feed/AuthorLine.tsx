/**
 * Who wrote a feed post or comment, as `authorOf` (app/modules/feed/access.server.ts) decided:
 * the anonymous name and picture, the member's name linking to their profile when they posted
 * under it, or nobody when a moderator hid it. Nothing here can name an anonymous author: it
 * never receives their id.
 */
import { Link } from "@remix-run/react";
import { AnonymousBadge } from "~/components/profile";
import { Avatar } from "~/components/ui/Avatar";
import { useT } from "~/lib/i18n";
import type { FeedAuthor } from "~/modules/feed/access.server";

export function AuthorLine({ author, mine = false }: { author: FeedAuthor; mine?: boolean }) {
  const t = useT();
  if (author.kind === "removed") return <span className="text-sm italic text-stone-600">{t("feed.author.removed")}</span>;
  if (author.kind === "member") {
    return (
      <span className="flex min-w-0 max-w-full items-center gap-2">
        <Avatar id={author.id} name={author.name} avatarUrl={author.avatarUrl} size="sm" />
        <Link to={`/u/${author.id}`} dir="auto" className="truncate font-medium">
          {author.name ?? t("feed.author.unnamed")}
        </Link>
        {mine ? <span className="text-xs text-stone-600">{t("feed.author.you")}</span> : null}
      </span>
    );
  }
  return (
    <span className="flex min-w-0 max-w-full items-center gap-2">
      <AnonymousBadge name={author.picture ?? ""} size="h-10 w-10" />
      <span dir="auto" className="truncate font-medium">
        {author.name ?? t("feed.author.anonymous")}
      </span>
      {mine ? <span className="text-xs text-stone-600">{t("feed.author.youAnonymous")}</span> : null}
    </span>
  );
}
