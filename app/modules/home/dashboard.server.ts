/**
 * The signed-in home page's data, per role, shaped for the page: words and dates are made here,
 * on the server's terms (UTC or the member's saved zone), so hydration changes nothing.
 */
import { roundTypes } from "../../../db/enums";
import type { Ctx } from "~/db.server";
import { formatDate, formatDateTime } from "~/lib/format";
import type { Translate } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import type { CurrentUser } from "~/modules/accounts/index.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { DAILY_MESSAGES } from "~/modules/coach/index.server";
import { applicationPath, jobPath, zonedTime } from "~/modules/jobs/index.server";
import { memberHome } from "./member.server";
import { recruiterHome } from "./recruiter.server";
import { APPLICATION_BUCKETS, BUCKET_LABELS, HIRING_BUCKET_LABELS, homeKindOf, placeIn, type ApplicationBucket } from "./rules";
import { staffHome, todaysNumbers } from "./staff.server";

const hiringJobPath = (feed: string, jobId: string) => `/hiring/${feed}/${encodeURIComponent(jobId)}`;

/** "Pending 2 · Interviewing 1": the statuses that have applications, in pipeline order, in the reader's words. */
export function countsLine(t: Translate, counts: Record<ApplicationBucket, number>, labels = BUCKET_LABELS): { bucket: ApplicationBucket; label: string; n: number }[] {
  return APPLICATION_BUCKETS.filter((b) => counts[b] > 0).map((b) => ({ bucket: b, label: t(labels[b]), n: counts[b] }));
}

/** The interview round types the catalog names (home.roundType.*); any other stored text shows as it is. */
const ROUND_TYPES = new Set<string>(roundTypes);

const firstName = (user: CurrentUser) => (user.name ?? "").trim().split(" ")[0] || null;

/**
 * The words that come with the data (statuses, dates, the stand-ins for a missing title or name)
 * are in the reader's language; the page's own words are in the home namespace (Dashboards.tsx).
 */
export async function dashboardFor(ctx: Ctx, user: CurrentUser, request: Request, now = new Date()) {
  const kind = homeKindOf(user.role);
  const greeting = firstName(user);
  const lang = await languageOf(request);
  const t = translator(lang);
  const untitled = t("home.untitledJob");
  if (kind === "recruiter") {
    const [home, zone] = await Promise.all([recruiterHome(ctx, user.id, now), effectiveZone(ctx, user.id, request)]);
    return {
      kind,
      greeting,
      jobs: home.jobs.map((j) => ({
        href: hiringJobPath(j.feed, j.jobId),
        title: j.title ?? untitled,
        employer: j.employer,
        total: j.total,
        counts: countsLine(t, j.counts, HIRING_BUCKET_LABELS),
      })),
      rounds: home.rounds.map((r) => ({
        href: `/hiring/applications/${r.applicationId}`,
        candidate: r.candidate,
        round: t("home.recruiter.round", {
          number: r.roundNumber,
          type: ROUND_TYPES.has(r.roundType) ? t(`home.roundType.${r.roundType}`) : r.roundType,
        }),
        title: r.title ?? untitled,
        // English keeps the jobs area's long form ("Tuesday 2 December 2026, 10:00 UTC").
        when: lang === "en" ? zonedTime(zone.zone, r.scheduledAt) : formatDateTime(r.scheduledAt, zone.zone, { lang }),
        at: r.scheduledAt.toISOString(),
      })),
    };
  }
  if (kind === "staff") {
    const home = await staffHome(ctx);
    return {
      kind,
      greeting,
      waiting: home.queue.total,
      oldest: home.queue.oldest.map((q) => ({
        href: jobPath(q.feed, q.jobId),
        title: q.title ?? untitled,
        employer: q.employer,
        poster: q.poster,
        posted: formatDate(q.postedAt, lang),
        at: q.postedAt.toISOString(),
      })),
      decisions: home.decisions.map((d) => ({
        href: jobPath(d.feed, d.jobId),
        title: d.title ?? untitled,
        approved: d.approved,
        reason: d.reason,
        decider: d.decider,
        decided: formatDate(d.decidedAt, lang),
        at: d.decidedAt.toISOString(),
      })),
    };
  }
  if (kind === "admin") {
    return { kind, greeting, today: formatDate(now, lang), numbers: await todaysNumbers(ctx, now) };
  }
  const home = await memberHome(ctx, user.id, now);
  return {
    kind,
    greeting,
    applications: {
      total: home.applications.total,
      counts: countsLine(t, home.applications.counts),
      latest: home.applications.latest.map((a) => ({
        href: applicationPath(a.id),
        title: a.title ?? t("home.member.applications.unlisted"),
        employer: a.employer,
        status: t(BUCKET_LABELS[a.bucket]),
        updated: formatDate(a.updatedAt, lang),
        at: a.updatedAt.toISOString(),
      })),
    },
    unread: home.unread,
    requests: {
      total: home.requests.total,
      latest: home.requests.latest.map((r) => ({ href: `/u/${r.id}`, name: r.name ?? t("home.aMember"), headline: r.headline })),
    },
    coach: { left: home.coachLeft, daily: DAILY_MESSAGES },
    fit: {
      words: home.fit.words.join(" "),
      moreHref: `/jobs?${new URLSearchParams({ q: home.fit.words.join(" ") })}`,
      jobs: home.fit.jobs.map((j) => ({
        href: jobPath("general", j.jobId),
        title: j.title ?? untitled,
        employer: j.employer,
        place: placeIn(t, j.city, j.country, j.remote),
        posted: formatDate(j.createdAt, lang),
      })),
    },
    people: home.people.map((p) => ({ href: `/u/${p.id}`, name: p.name ?? t("home.aMember"), headline: p.headline, mutual: p.mutual })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;
