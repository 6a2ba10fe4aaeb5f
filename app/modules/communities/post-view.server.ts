/**
 * What a page shows of a post (plain values for the route's data): its text as parts with links
 * made clickable, its times in the viewer's zone and language, its event details, and what the
 * viewer may do with it. The rules for who may act are the WHERE clauses of posts.server.ts; these
 * flags only decide which links the page shows.
 */
import { formatDateTime } from "~/lib/format";
import type { Language, Translate } from "~/lib/i18n";
import { displayName } from "~/modules/network";
import type { Viewer } from "./access.server";
import { linkParts, type TextPart } from "./links.server";
import { postHref, type PostRow } from "./posts.server";
import { eventTitle } from "./post-rules";

export interface PostView {
  id: string;
  href: string;
  authorId: string;
  authorName: string;
  type: "update" | "event";
  postedAt: string;
  parts: TextPart[];
  event: { title: string; starts: string; ends: string | null; place: string | null; onlineUrl: string | null; icsHref: string } | null;
  canEdit: boolean;
  canDelete: boolean;
}

export function postView(post: PostRow, options: { viewer: Viewer; moderates: boolean; zone: string; lang: Language; t: Translate }): PostView {
  const { viewer, moderates, zone, lang, t } = options;
  const href = postHref(post.communityId, post.id);
  const mine = post.authorId === viewer.id;
  return {
    id: post.id,
    href,
    authorId: post.authorId,
    authorName: displayName(post.authorName, t),
    type: post.type,
    postedAt: formatDateTime(post.createdAt, zone, { lang }),
    parts: linkParts(post.content),
    event: post.event
      ? {
          title: eventTitle(post.content),
          starts: formatDateTime(post.event.startsAt, zone, { lang }),
          ends: post.event.endsAt ? formatDateTime(post.event.endsAt, zone, { lang }) : null,
          place: post.event.place,
          onlineUrl: post.event.onlineUrl,
          icsHref: `${href}/ics`,
        }
      : null,
    canEdit: mine,
    canDelete: mine || moderates,
  };
}
