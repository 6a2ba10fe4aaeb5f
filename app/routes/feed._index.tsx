/**
 * /feed: the anonymous feed (issue 17). Everyone reads it: newest first in keyset pages of 20, or
 * "Top this week" (?sort=top: the last seven days, most liked first), filtered by topic, company and
 * industry (GET, so a filtered feed is a link). Members get a short write form at the top (it posts
 * to /feed/new, where the rest of the fields are); visitors get a link to sign in instead.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FeedCard } from "~/components/feed/FeedCard";
import { FeedFilters } from "~/components/feed/FeedFilters";
import { QuickPostForm } from "~/components/feed/PostForm";
import { getCtx } from "~/db.server";
import { bidi, dirOf, useLanguage, useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { feedCursor, topCursor } from "~/modules/feed/feed-cursor.server";
import { feedCardView, listFeed } from "~/modules/feed/list.server";
import { feedHref, FEED_MESSAGES, hasFilters, readFilters, topicLabelId, type FeedFilters as FeedFiltersValue } from "~/modules/feed/rules";
import { anonymousIdentity } from "~/modules/feed/write.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const url = new URL(request.url);
  const filters = readFilters(url.searchParams);
  const lang = await languageOf(request);
  const raw = url.searchParams.get("after");
  const ctx = getCtx();
  const broken = () => new Response(translator(lang)(FEED_MESSAGES.brokenLink), { status: 400 });
  let page;
  if (filters.sort === "top") {
    const afterTop = topCursor.from(raw, "feed-top");
    if (afterTop === null) throw broken();
    page = await listFeed(ctx, user?.id ?? null, filters, { afterTop });
  } else {
    const after = feedCursor.from(raw, "feed");
    if (after === null) throw broken();
    page = await listFeed(ctx, user?.id ?? null, filters, { after });
  }
  const next = page.next ? feedCursor.to(page.next, "feed") : page.nextTop ? topCursor.to(page.nextTop, "feed-top") : null;
  return {
    filters,
    signedIn: user !== null,
    // The member's own anonymous name, for "shown as ..." beside the short form (theirs alone).
    postingAs: user ? (await anonymousIdentity(ctx, user.id)).name : null,
    paged: Boolean(raw),
    posts: page.posts.map((post) => feedCardView(post, { lang })),
    nextHref: next ? feedHref(filters, next) : null,
    ...(await pageMessages(request, ["feed"])),
  };
}

/** What an empty first page says: which filter found nothing, or that nothing is posted yet. */
function emptyMessage(filters: FeedFiltersValue, t: Translate, isolate: (text: string) => string): string {
  const { topic } = filters;
  const company = filters.company && isolate(filters.company);
  const industry = filters.industry && isolate(filters.industry);
  if (filters.sort === "top") return hasFilters(filters) ? t("feed.list.emptyTopFiltered") : t("feed.list.emptyTop");
  if (topic && !company && !industry) return t("feed.list.emptyTopic", { topic: t(topicLabelId(topic)) });
  if (company && !topic && !industry) return t("feed.list.emptyCompany", { company });
  if (industry && !topic && !company) return t("feed.list.emptyIndustry", { industry });
  return hasFilters(filters) ? t("feed.list.emptyFiltered") : t("feed.list.empty");
}

export default function Feed() {
  const { filters, signedIn, postingAs, paged, posts, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  const filtered = hasFilters(filters);
  // A company or industry typed in another script stays whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  const empty = paged ? t("feed.list.noMore") : emptyMessage(filters, t, rtl ? bidi : (text) => text);
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 id="feed-title">{t("feed.list.title")}</h1>
        <p className="text-sm text-stone-600">{t("feed.list.intro")}</p>
      </div>
      {signedIn ? (
        <QuickPostForm postingAs={postingAs} topic={filters.topic} />
      ) : (
        <p className="card">
          <Link to={`/login?${new URLSearchParams({ redirectTo: "/feed/new" })}`}>{t("feed.list.signIn")}</Link>
        </p>
      )}
      <FeedFilters filters={filters} />
      <section aria-labelledby="posts-title" className="space-y-3">
        <h2 id="posts-title">{filters.sort === "top" ? t("feed.list.postsTop") : t("feed.list.postsNew")}</h2>
        {posts.length === 0 ? (
          <div className="card space-y-2">
            <p>{empty}</p>
            {filtered && !paged ? <Link to={feedHref({ topic: null, company: null, industry: null, sort: filters.sort })}>{t("feed.filters.clear")}</Link> : null}
          </div>
        ) : (
          <ul className="list">
            {posts.map((post) => (
              <li key={post.id}>
                <FeedCard post={post} signedIn={signedIn} />
              </li>
            ))}
          </ul>
        )}
        {paged || nextHref ? (
          <p className="flex flex-wrap gap-3">
            {paged ? <Link to={feedHref(filters)}>{t("feed.list.firstPage")}</Link> : null}
            {nextHref ? <Link to={nextHref}>{filters.sort === "top" ? t("feed.list.more") : t("feed.list.older")}</Link> : null}
          </p>
        ) : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("feed.list.metaTitle"), t("feed.list.metaDescription")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
