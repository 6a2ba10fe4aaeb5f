/**
 * /admin/users/<id> (issue 20, item 5): one member as an admin sees them: who they are, their
 * sessions, recent activity, feature usage and page views, each list in keyset pages whose
 * cursors sit side by side in the address. An index route under "users_.$id", so the role page
 * (admin.users_.$id.role.tsx) stays its sibling and both render in the admin layout.
 * Never a secret, an IP address or a user agent (decision 053). Queries: member-view.server.ts.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { browserOnSystem, deviceLabel } from "~/modules/accounts/session-view";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { MEMBER_LISTS, memberPageHref, minutesAndSeconds, type MemberListName } from "~/modules/admin/member-view";
import {
  memberActivity,
  memberCursor,
  memberPageViews,
  memberSessions,
  memberSummary,
  memberUsage,
  memberUsageCounts,
  USAGE_DAYS,
  type DatedPosition,
} from "~/modules/admin/member-view.server";
import { roleLabel } from "~/modules/admin/roles";
import { activityWords } from "~/modules/analytics/catalog-words";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const raw: Partial<Record<MemberListName, string>> = {};
  const after: Partial<Record<MemberListName, DatedPosition>> = {};
  for (const list of MEMBER_LISTS) {
    const value = url.searchParams.get(list);
    const position = memberCursor.from(value, list);
    if (position === null) throw new Response(t("adminMember.brokenLink"), { status: 400 });
    if (position && value) {
      raw[list] = value;
      after[list] = position;
    }
  }
  const ctx = getCtx();
  const member = await memberSummary(ctx, params.id ?? "");
  if (!member) throw new Response(t("adminMember.notFound"), { status: 404 });
  const now = new Date();
  const [{ zone }, sessions, activity, counts, usage, views] = await Promise.all([
    effectiveZone(ctx, me.id, request),
    memberSessions(ctx, member.id, after.sessions, now),
    memberActivity(ctx, member.id, after.activity),
    memberUsageCounts(ctx, member.id, new Date(now.getTime() - USAGE_DAYS * DAY_MS)),
    memberUsage(ctx, member.id, after.usage),
    memberPageViews(ctx, member.id, after.views),
  ]);
  const when = (at: Date) => formatDateTime(at, zone, { lang });
  const pager = (list: MemberListName, next: DatedPosition | null) => ({
    paged: Boolean(after[list]),
    newestHref: memberPageHref(member.id, raw, list, null),
    olderHref: next ? memberPageHref(member.id, raw, list, memberCursor.to(next, list)) : null,
  });
  return {
    member: {
      id: member.id,
      name: member.name,
      email: member.email,
      role: member.role ?? "user",
      joined: formatDate(member.createdAt, lang),
      lastSignIn: member.lastSignInAt ? when(member.lastSignInAt) : null,
    },
    sessions: {
      ...pager("sessions", sessions.next),
      rows: sessions.rows.map((s) => ({
        id: s.id,
        title: `${browserOnSystem(s.browser, s.os, t)} · ${deviceLabel(s.deviceType, t)}`,
        started: when(s.startedAt),
        lastActive: when(s.lastActivityAt),
        ended: s.endedAt ? when(s.endedAt) : null,
        state: s.state,
      })),
    },
    activity: {
      ...pager("activity", activity.next),
      rows: activity.rows.map((a) => ({ id: a.id, what: activityWords(t, "type", a.actionType, a.description), category: a.category, at: when(a.createdAt) })),
    },
    usageDays: USAGE_DAYS,
    counts,
    usage: {
      ...pager("usage", usage.next),
      rows: usage.rows.map((u) => ({ id: u.id, feature: u.feature, action: u.action, at: when(u.createdAt) })),
    },
    views: {
      ...pager("views", views.next),
      rows: views.rows.map((v) => ({ id: v.id, path: v.path, title: v.title, at: when(v.createdAt), time: minutesAndSeconds(v.timeOnPage) })),
    },
    ...(await pageMessages(request, ["adminMember"])),
  };
}

type Pager = { paged: boolean; newestHref: string; olderHref: string | null };

/** A list's section: its heading, its rows or its empty state, and its "Older"/"Newest" links. */
function ListSection({
  id,
  title,
  pager,
  count,
  empty,
  older,
  newest,
  children,
  intro,
}: {
  id: MemberListName;
  title: string;
  pager: Pager;
  count: number;
  empty: string;
  older: string;
  newest: string;
  children: ReactNode;
  intro?: ReactNode;
}) {
  const t = useT();
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-2">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro}
      {count === 0 ? <p className="card">{pager.paged ? t("adminMember.noMore") : empty}</p> : children}
      {pager.paged || pager.olderHref ? (
        <p className="flex flex-wrap gap-3">
          {pager.paged ? <Link to={pager.newestHref}>{newest}</Link> : null}
          {pager.olderHref ? (
            <Link to={pager.olderHref} rel="next">
              {older}
            </Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

const stateTone = { active: "green", ended: "stone", expired: "amber" } as const;

export default function AdminMember() {
  const { member, sessions, activity, usageDays, counts, usage, views } = useLoaderData<typeof loader>();
  const t = useT();
  const name = member.name || member.email;
  return (
    <div className="space-y-6">
      <section aria-labelledby="member-title" className="space-y-2">
        <h1 id="member-title" dir="auto">
          {name}
        </h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="font-medium">{t("adminMember.email")}</dt>
          <dd className="break-all">
            <bdi>{member.email}</bdi>
          </dd>
          <dt className="font-medium">{t("adminMember.role")}</dt>
          <dd>{roleLabel(member.role, t)}</dd>
          <dt className="font-medium">{t("adminMember.joined")}</dt>
          <dd>{member.joined}</dd>
          <dt className="font-medium">{t("adminMember.lastSignIn")}</dt>
          <dd>{member.lastSignIn ?? t("adminMember.noSignIn")}</dd>
        </dl>
        <p className="flex flex-wrap gap-3">
          <Link to={`/u/${member.id}`}>{t("adminMember.profile")}</Link>
          <Link to={`/admin/users/${member.id}/role`}>{t("adminMember.changeRole")}</Link>
          <Link to="/admin/users">{t("admin.role.back")}</Link>
        </p>
      </section>

      <ListSection
        id="sessions"
        title={t("adminMember.sessions.title")}
        intro={<p className="text-sm">{t("adminMember.sessions.intro")}</p>}
        pager={sessions}
        count={sessions.rows.length}
        empty={t("adminMember.sessions.empty")}
        older={t("adminMember.sessions.older")}
        newest={t("adminMember.sessions.newest")}
      >
        <ul aria-label={t("adminMember.sessions.title")} className="list">
          {sessions.rows.map((s) => (
            <li key={s.id} className="space-y-0.5">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{s.title}</span>
                <StatusPill tone={stateTone[s.state]}>
                  {s.state === "active" ? t("adminMember.sessions.active") : s.state === "expired" ? t("adminMember.sessions.expired") : t("adminMember.sessions.ended")}
                </StatusPill>
              </p>
              <p className="meta">
                {t("adminMember.sessions.started", { time: s.started })} · {t("adminMember.sessions.lastActive", { time: s.lastActive })}
                {s.ended ? ` · ${t("adminMember.sessions.endedAt", { time: s.ended })}` : null}
              </p>
            </li>
          ))}
        </ul>
      </ListSection>

      <ListSection
        id="activity"
        title={t("adminMember.activity.title")}
        pager={activity}
        count={activity.rows.length}
        empty={t("adminMember.activity.empty")}
        older={t("adminMember.activity.older")}
        newest={t("adminMember.activity.newest")}
      >
        <ol aria-label={t("adminMember.activity.title")} className="list">
          {activity.rows.map((a) => (
            <li key={a.id} className="space-y-0.5">
              <p dir="auto">{a.what}</p>
              <p className="meta">
                {a.at} · {t("adminMember.activity.category", { category: a.category })}
              </p>
            </li>
          ))}
        </ol>
      </ListSection>

      <ListSection
        id="usage"
        title={t("adminMember.usage.title")}
        intro={
          <>
            <h3>{t("adminMember.usage.counts", { days: usageDays })}</h3>
            {counts.length === 0 ? (
              <p className="card">{t("adminMember.usage.countsEmpty", { days: usageDays })}</p>
            ) : (
              <table className="text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="pe-3 text-start">
                      {t("adminMember.usage.feature")}
                    </th>
                    <th scope="col" className="pe-3 text-start">
                      {t("adminMember.usage.action")}
                    </th>
                    <th scope="col" className="text-end">
                      {t("adminMember.usage.times")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {counts.map((c) => (
                    <tr key={`${c.feature} ${c.action}`}>
                      <td className="pe-3">{c.feature}</td>
                      <td className="pe-3">{c.action}</td>
                      <td className="text-end">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>{t("adminMember.usage.recent")}</h3>
          </>
        }
        pager={usage}
        count={usage.rows.length}
        empty={t("adminMember.usage.empty")}
        older={t("adminMember.usage.older")}
        newest={t("adminMember.usage.newest")}
      >
        <ol aria-label={t("adminMember.usage.recent")} className="list text-sm">
          {usage.rows.map((u) => (
            <li key={u.id}>
              {u.feature} · {u.action} · <span className="meta">{u.at}</span>
            </li>
          ))}
        </ol>
      </ListSection>

      <ListSection
        id="views"
        title={t("adminMember.views.title")}
        pager={views}
        count={views.rows.length}
        empty={t("adminMember.views.empty")}
        older={t("adminMember.views.older")}
        newest={t("adminMember.views.newest")}
      >
        <ol aria-label={t("adminMember.views.title")} className="list">
          {views.rows.map((v) => (
            <li key={v.id} className="space-y-0.5">
              <p>
                <span dir="auto">{v.title || t("adminMember.views.noTitle")}</span> · <bdi className="break-all">{v.path}</bdi>
              </p>
              <p className="meta">
                {v.at}
                {v.time
                  ? ` · ${v.time.minutes > 0 ? t("adminMember.views.timeOnPage", v.time) : t("adminMember.views.secondsOnPage", { seconds: v.time.seconds })}`
                  : null}
              </p>
            </li>
          ))}
        </ol>
      </ListSection>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("adminMember.metaTitle", { name: args.data ? args.data.member.name || args.data.member.email : "" })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/admin/users", label: t("admin.role.back") }]} />;
}
