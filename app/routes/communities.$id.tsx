/**
 * /communities/<id>: the community page (issue 16). Everyone reads the about part (banner,
 * description, member count, moderators, upcoming events) and gets the membership control for
 * their standing; approved members (and its moderators) read the posts, newest first in keyset
 * pages (?posts=<cursor>), write a short update here, and switch "tell me about new events"
 * (POST intent=events-on|events-off). Moderators get the requests and members pages; the creator
 * (or an admin) edit and delete.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { JoinControl } from "~/components/communities/JoinControl";
import { PostCard } from "~/components/communities/PostCard";
import { CommunityErrorBoundary } from "~/components/communities/CommunityErrorBoundary";
import { CsrfInput, TextareaField } from "~/components/forms";
import { Button, ButtonLink } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { getCtx } from "~/db.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { CommunityBanner } from "~/components/communities/CommunityBanner";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser, requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { standingIn } from "~/modules/communities/access.server";
import { hearsOfEvents, setEventNews, upcomingEvents } from "~/modules/communities/events.server";
import { communityAbout } from "~/modules/communities/page.server";
import { eventsSwitchForm } from "~/modules/communities/post-forms.server";
import { communityPostsCursor } from "~/modules/communities/posts-cursor.server";
import { listPosts, postHref } from "~/modules/communities/posts.server";
import { postView } from "~/modules/communities/post-view.server";
import { eventTitle, joinControl, POST_CONTENT_MAX } from "~/modules/communities/post-rules";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";

const notFound = (message: string) => new Response(message, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const viewer = user ? { id: user.id, role: user.role } : null;
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const id = params.id ?? "";
  const standing = await standingIn(ctx, viewer, id);
  if (!standing) throw notFound(t("communityPosts.notFound"));
  const url = new URL(request.url);
  const after = communityPostsCursor.from(url.searchParams.get("posts"), "posts");
  if (after === null) throw new Response(t("communityPosts.brokenLink"), { status: 400 });
  const member = standing.membership === "approved";
  const readsPosts = viewer !== null && (member || standing.moderates);
  const [about, events, zone] = await Promise.all([
    communityAbout(ctx, standing.communityId),
    upcomingEvents(ctx, standing.communityId),
    user ? effectiveZone(ctx, user.id, request).then((z) => z.zone) : Promise.resolve("UTC"),
  ]);
  if (!about) throw notFound(t("communityPosts.notFound"));
  const [page, hears] = readsPosts && viewer ? await Promise.all([listPosts(ctx, viewer, about.id, { after }), hearsOfEvents(ctx, viewer.id, about.id)]) : [null, false];
  const next = new URLSearchParams();
  if (page?.next) next.set("posts", communityPostsCursor.to(page.next, "posts"));
  return {
    about: {
      id: about.id,
      name: about.name,
      description: about.description,
      hasBanner: about.hasBanner,
      members: formatNumber(about.members, lang),
      memberCount: about.members,
      moderators: about.moderators.map((m) => ({ id: m.id, name: displayName(m.name, t) })),
      moreModerators: about.moreModerators,
    },
    control: joinControl(viewer ? standing : null),
    member,
    moderates: standing.moderates,
    owns: standing.owns,
    events: events.map((e) => ({
      postId: e.postId,
      href: readsPosts ? postHref(about.id, e.postId) : null,
      title: eventTitle(e.content),
      starts: formatDateTime(e.startsAt, zone, { lang }),
    })),
    posts: page && viewer ? page.rows.map((p) => postView(p, { viewer, moderates: standing.moderates, zone, lang, t })) : null,
    paged: Boolean(after),
    nextHref: page?.next ? `/communities/${about.id}?${next}` : null,
    hears,
    ...(await pageMessages(request, ["communityPosts"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, eventsSwitchForm, { maxBytes: 2_000 });
  const t = await translatorFor(request);
  const id = params.id ?? "";
  if (!read.ok) throw new Response(t("communityPosts.form.unknownForm"), { status: 400 });
  const on = read.data.intent === "events-on";
  const outcome = await setEventNews(getCtx(), { id: user.id, role: user.role }, id, on);
  if (outcome === "not_member") throw notFound(t("communityPosts.notFound"));
  const flash = await flashHeader(on ? "communityPosts.events.onDone" : "communityPosts.events.offDone");
  return redirect(`/communities/${id}#events`, { headers: { "Set-Cookie": flash } });
}

export default function CommunityPage() {
  const { about, control, member, moderates, owns, events, posts, paged, nextHref, hears } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/communities/${about.id}`;
  return (
    <div className="space-y-6">
      <section aria-labelledby="community-title" className="card space-y-3">
        <CommunityBanner communityId={about.id} hasBanner={about.hasBanner} name={about.name} />
        <h1 id="community-title" className="break-words" dir="auto">
          {about.name}
        </h1>
        <MetaLine parts={[t("communityPosts.about.members", { count: about.memberCount, shown: about.members })]} />
        {about.description ? (
          <p className="whitespace-pre-wrap break-words" dir="auto">
            {about.description}
          </p>
        ) : null}
        {about.moderators.length > 0 ? (
          <div>
            <h2 className="text-base font-semibold">{t("communityPosts.about.moderators")}</h2>
            <ul className="flex flex-wrap gap-x-3">
              {about.moderators.map((m) => (
                <li key={m.id}>
                  <Link to={`/u/${m.id}`} dir="auto">
                    {m.name}
                  </Link>
                </li>
              ))}
              {about.moreModerators ? <li>{t("communityPosts.about.moreModerators")}</li> : null}
            </ul>
          </div>
        ) : null}
        <JoinControl communityId={about.id} control={control} />
        {moderates || owns ? (
          <nav aria-label={t("communityPosts.manage.label")} className="flex flex-wrap gap-3 text-sm">
            {moderates ? <Link to={`${base}/requests`}>{t("communityPosts.manage.requests")}</Link> : null}
            {moderates ? <Link to={`${base}/members`}>{t("communityPosts.manage.members")}</Link> : null}
            {owns ? <Link to={`${base}/edit`}>{t("communityPosts.manage.edit")}</Link> : null}
            {owns ? <Link to={`${base}/delete`}>{t("communityPosts.manage.delete")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section id="events" aria-labelledby="events-title" className="space-y-2">
        <h2 id="events-title">{t("communityPosts.events.title")}</h2>
        {events.length === 0 ? (
          <p className="text-stone-600">{t("communityPosts.events.none")}</p>
        ) : (
          <ul className="list">
            {events.map((e) => (
              <li key={e.postId}>
                <p className="font-semibold" dir="auto">
                  {e.href ? <Link to={e.href}>{e.title}</Link> : e.title}
                </p>
                <p className="meta">{e.starts}</p>
              </li>
            ))}
          </ul>
        )}
        {member ? (
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <CsrfInput />
            <input type="hidden" name="intent" value={hears ? "events-off" : "events-on"} />
            <span className="text-sm">{hears ? t("communityPosts.events.hearing") : t("communityPosts.events.notHearing")}</span>
            <Button variant="secondary" size="sm">
              {hears ? t("communityPosts.events.turnOff") : t("communityPosts.events.turnOn")}
            </Button>
          </Form>
        ) : null}
      </section>

      {posts ? (
        <section aria-labelledby="posts-title" className="space-y-3">
          <h2 id="posts-title">{t("communityPosts.posts.title")}</h2>
          {member ? (
            // Keyed by the newest post: with JavaScript the page stays mounted after posting, and a new key empties the box.
            <Form key={posts[0]?.id ?? "none"} method="post" action={`${base}/posts/new`} className="card space-y-2">
              <CsrfInput />
              <input type="hidden" name="type" value="update" />
              <TextareaField label={t("communityPosts.posts.quickLabel")} name="content" rows={3} dir="auto" hint={t("communityPosts.form.contentHint", { max: POST_CONTENT_MAX })} />
              <div className="flex flex-wrap items-center gap-3">
                <Button>{t("communityPosts.posts.quickSubmit")}</Button>
                <ButtonLink to={`${base}/posts/new?type=event`} variant="secondary">
                  {t("communityPosts.posts.newEvent")}
                </ButtonLink>
              </div>
            </Form>
          ) : null}
          {posts.length === 0 ? (
            <p className="text-stone-600">{paged ? t("communityPosts.posts.noMore") : t("communityPosts.posts.none")}</p>
          ) : (
            <ul className="list" aria-label={t("communityPosts.posts.title")}>
              {posts.map((post) => (
                <li key={post.id}>
                  <PostCard post={post} />
                </li>
              ))}
            </ul>
          )}
          {nextHref ? <Link to={nextHref}>{t("communityPosts.posts.older")}</Link> : null}
        </section>
      ) : (
        <p className="text-stone-600">{t("communityPosts.posts.membersOnly")}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data?.about.name ?? t("communityPosts.pageTitle") })));

export function ErrorBoundary() {
  return <CommunityErrorBoundary />;
}
