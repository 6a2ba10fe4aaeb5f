/**
 * The signed-in home page's data, per role, shaped for the page: words and dates are made here,
 * on the server's terms (UTC or the member's saved zone), so hydration changes nothing.
 */
import type { Ctx } from "~/db.server";
import { formatDate, placeOf } from "~/lib/format";
import type { CurrentUser } from "~/modules/accounts/index.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { DAILY_MESSAGES } from "~/modules/coach/index.server";
import { applicationPath, jobPath, ROUND_TYPE_LABELS, zonedTime } from "~/modules/jobs/index.server";
import { memberHome } from "./member.server";
import { recruiterHome } from "./recruiter.server";
import { APPLICATION_BUCKETS, BUCKET_LABELS, HIRING_BUCKET_LABELS, homeKindOf, type ApplicationBucket } from "./rules";
import { staffHome, todaysNumbers } from "./staff.server";

const hiringJobPath = (feed: string, jobId: string) => `/hiring/${feed}/${encodeURIComponent(jobId)}`;

/** "Pending 2 · Interviewing 1": the statuses that have applications, in pipeline order. */
export function countsLine(counts: Record<ApplicationBucket, number>, labels = BUCKET_LABELS): { bucket: ApplicationBucket; label: string; n: number }[] {
  return APPLICATION_BUCKETS.filter((b) => counts[b] > 0).map((b) => ({ bucket: b, label: labels[b], n: counts[b] }));
}

const firstName = (user: CurrentUser) => (user.name ?? "").trim().split(" ")[0] || null;

export async function dashboardFor(ctx: Ctx, user: CurrentUser, request: Request, now = new Date()) {
  const kind = homeKindOf(user.role);
  const greeting = firstName(user);
  if (kind === "recruiter") {
    const [home, zone] = await Promise.all([recruiterHome(ctx, user.id, now), effectiveZone(ctx, user.id, request)]);
    return {
      kind,
      greeting,
      jobs: home.jobs.map((j) => ({
        href: hiringJobPath(j.feed, j.jobId),
        title: j.title ?? "Untitled job",
        employer: j.employer,
        total: j.total,
        counts: countsLine(j.counts, HIRING_BUCKET_LABELS),
      })),
      rounds: home.rounds.map((r) => ({
        href: `/hiring/applications/${r.applicationId}`,
        candidate: r.candidate,
        round: `Round ${r.roundNumber}, ${ROUND_TYPE_LABELS[r.roundType] ?? r.roundType}`,
        title: r.title ?? "Untitled job",
        when: zonedTime(zone.zone, r.scheduledAt),
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
        title: q.title ?? "Untitled job",
        employer: q.employer,
        poster: q.poster,
        posted: formatDate(q.postedAt),
        at: q.postedAt.toISOString(),
      })),
      decisions: home.decisions.map((d) => ({
        href: jobPath(d.feed, d.jobId),
        title: d.title ?? "Untitled job",
        approved: d.approved,
        reason: d.reason,
        decider: d.decider,
        decided: formatDate(d.decidedAt),
        at: d.decidedAt.toISOString(),
      })),
    };
  }
  if (kind === "admin") {
    return { kind, greeting, today: formatDate(now), numbers: await todaysNumbers(ctx, now) };
  }
  const home = await memberHome(ctx, user.id, now);
  return {
    kind,
    greeting,
    applications: {
      total: home.applications.total,
      counts: countsLine(home.applications.counts),
      latest: home.applications.latest.map((a) => ({
        href: applicationPath(a.id),
        title: a.title ?? "A job that is no longer listed",
        employer: a.employer,
        status: BUCKET_LABELS[a.bucket],
        updated: formatDate(a.updatedAt),
        at: a.updatedAt.toISOString(),
      })),
    },
    unread: home.unread,
    requests: {
      total: home.requests.total,
      latest: home.requests.latest.map((r) => ({ href: `/u/${r.id}`, name: r.name ?? "A member", headline: r.headline })),
    },
    coach: { left: home.coachLeft, daily: DAILY_MESSAGES },
    fit: {
      words: home.fit.words.join(" "),
      moreHref: `/jobs?${new URLSearchParams({ q: home.fit.words.join(" ") })}`,
      jobs: home.fit.jobs.map((j) => ({
        href: jobPath("general", j.jobId),
        title: j.title ?? "Untitled job",
        employer: j.employer,
        place: placeOf(j.city, j.country, j.remote),
        posted: formatDate(j.createdAt),
      })),
    },
    people: home.people.map((p) => ({ href: `/u/${p.id}`, name: p.name ?? "A member", headline: p.headline, mutual: p.mutual })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;
