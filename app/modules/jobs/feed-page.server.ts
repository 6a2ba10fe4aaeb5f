/**
 * What the three feed routes and their RSS routes share, on plain values (the route reads the
 * request and writes the response): read the filters, read a page, shape the rows for display;
 * and the feed's RSS 2.0 document (written by ~/lib/rss).
 */
import type { Ctx } from "~/db.server";
import type { Language, Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { writeRss } from "~/lib/rss";
import { jobCursor } from "./cursor.server";
import { countFeed, listFeed, type FeedJob } from "./feed.server";
import { FEEDS, jobPath, type FeedSlug } from "./feeds";
import {
  activeFilters, countLabel, FILTER_NAMES, jobTypeLabel, placeIn, filterQuery, formatSalary, hasFilters, parseFilters, postedLabel, RSS_ITEMS, type ActiveFilter, type FilterName,
} from "./rules";
import { savedAmong } from "./saved.server";

export const rssPath = (feed: FeedSlug) => `${FEEDS[feed].path}/rss`;

/** A feed row in the reader's words (the title and employer are the job's own content). */
function shape(job: FeedJob, now: Date, t: Translate, lang: Language) {
  return {
    id: job.jobId,
    href: "", // filled by the caller, which knows the feed
    title: job.title ?? t("jobs.job.untitled"),
    employer: job.employer ?? t("jobs.job.noEmployer"),
    place: placeIn(t, job.city, job.country, job.remote),
    type: job.type ? jobTypeLabel(t, job.type) : null,
    salary: formatSalary(job.minSalary, job.maxSalary, job.salaryPeriod, job.country, t, lang),
    posted: postedLabel(job.createdAt, now, t, lang),
    postedAt: job.createdAt.toISOString(),
    saved: false, // set by the caller for a signed-in member
  };
}

export type FeedPageJob = ReturnType<typeof shape>;

export interface FeedPageData {
  feed: FeedSlug;
  values: Partial<Record<FilterName, string>>;
  errors: Partial<Record<FilterName | "form", string>> | null;
  jobs: FeedPageJob[];
  filtered: boolean;
  paged: boolean;
  firstHref: string;
  nextHref: string | null;
  rssHref: string;
  signedIn: boolean;
  /** "240 jobs", "More than 1,000 jobs" (a capped count, decision 028); null on a 400 page. */
  countLabel: string | null;
  /** The chosen filters, each with the address of this feed without it. */
  active: ActiveFilter[];
  /** This page's address, where a Save form comes back to. */
  here: string;
}

/** What a feed route reads from its request. */
export interface FeedPageInput {
  feed: FeedSlug;
  /** The query string (filters and cursor). */
  query: URLSearchParams;
  /** This page's address (path and query), where a Save form comes back to. */
  here: string;
  /** The signed-in member, or null for a visitor. */
  viewer: { id: string } | null;
  now: Date;
  /** The reader's language: labels, counts, salaries, dates and messages are written in it. */
  lang: Language;
}

/**
 * A feed page: the page (status 200, or 400 with the form when a filter is bad), a redirect to
 * the short address of the same filters, or the words of a broken page link (400).
 */
export type FeedPageOutcome =
  | { kind: "page"; status: 200 | 400; page: FeedPageData }
  | { kind: "redirect"; to: string }
  | { kind: "broken"; message: string };

export async function feedPage(ctx: Ctx, input: FeedPageInput): Promise<FeedPageOutcome> {
  const { feed, query: params, viewer: user, now, lang } = input;
  const t = translator(lang);
  const base = FEEDS[feed].path;
  const parsed = parseFilters(params, t);
  if (!parsed.ok) {
    const page: FeedPageData = {
      feed, values: parsed.values, errors: parsed.errors, jobs: [], filtered: true, paged: false,
      firstHref: base, nextHref: null, rssHref: rssPath(feed), signedIn: Boolean(user), countLabel: null, active: [], here: base,
    };
    return { kind: "page", status: 400, page };
  }
  // The GET form sends every field, chosen or not: answer with the short address of the same filters.
  if ([...params].some(([name, value]) => (FILTER_NAMES as readonly string[]).includes(name) && value.trim() === "")) {
    const query = filterQuery(parsed.filters);
    return { kind: "redirect", to: query ? `${base}?${query}` : base };
  }
  const after = jobCursor.from(params.get("cursor"), feed);
  if (after === null) return { kind: "broken", message: t("jobs.brokenLink", { path: base }) };
  const [page, count] = await Promise.all([listFeed(ctx, feed, parsed.filters, { after, now }), countFeed(ctx, feed, parsed.filters, { now })]);
  const saved = user ? await savedAmong(ctx, user.id, feed, page.jobs.map((j) => j.jobId)) : new Set<string>();
  const query = filterQuery(parsed.filters);
  const withQuery = (path: string, extra?: Record<string, string>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra ?? {})) params.set(k, v);
    const s = params.toString();
    return s ? `${path}?${s}` : path;
  };
  const values: Partial<Record<FilterName, string>> = {};
  for (const [k, v] of Object.entries(parsed.filters)) if (v !== undefined) values[k as FilterName] = v;
  const body: FeedPageData = {
    feed,
    values,
    errors: null,
    jobs: page.jobs.map((j) => ({ ...shape(j, now, t, lang), href: jobPath(feed, j.jobId), saved: saved.has(j.jobId) })),
    filtered: hasFilters(parsed.filters),
    paged: Boolean(after),
    firstHref: withQuery(base),
    nextHref: page.next ? withQuery(base, { cursor: jobCursor.to(page.next, feed) }) : null,
    rssHref: withQuery(rssPath(feed)),
    signedIn: Boolean(user),
    countLabel: countLabel(count.count, count.capped, t),
    active: activeFilters(parsed.filters, base, t),
    here: input.here,
  };
  return { kind: "page", status: 200, page: body };
}

// ---- RSS 2.0

/** What an RSS route reads from its request. */
export interface FeedRssInput {
  feed: FeedSlug;
  query: URLSearchParams;
  /** The public origin the links start with ("https://ladder.example"). */
  origin: string;
  now: Date;
  /** The reader's language: the channel's title and description, and each item's line. */
  lang: Language;
}

export type FeedRssOutcome = { ok: true; xml: string } | { ok: false; message: string };

/** The response headers of a feed's RSS document and of its 400 answer. */
export const RSS_HEADERS = {
  "Content-Type": "application/rss+xml; charset=utf-8",
  // Feed readers poll; five minutes of caching anywhere is harmless for a public list.
  "Cache-Control": "public, max-age=300",
  "X-Content-Type-Options": "nosniff",
  // The channel's words follow the reader's language (their cookie, or their reader's Accept-Language).
  Vary: "Accept-Language, Cookie",
} as const;
export const RSS_ERROR_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" } as const;

export async function feedRss(ctx: Ctx, input: FeedRssInput): Promise<FeedRssOutcome> {
  const { feed, origin, now, lang } = input;
  const t = translator(lang);
  const parsed = parseFilters(input.query, t);
  if (!parsed.ok) {
    const message = Object.values(parsed.errors).join(" ");
    return { ok: false, message: t("jobs.rss.badFilter", { message, path: FEEDS[feed].path }) };
  }
  const page = await listFeed(ctx, feed, parsed.filters, { pageSize: RSS_ITEMS, withSummary: true, now });
  const query = filterQuery(parsed.filters);
  const suffix = query ? `?${query}` : "";
  const info = FEEDS[feed];
  const xml = writeRss({
    title: t(query ? "jobs.rss.titleFiltered" : "jobs.rss.title", { label: t(info.labelId) }),
    link: `${origin}${info.path}${suffix}`,
    description: t(info.blurbId),
    language: lang,
    self: `${origin}${rssPath(feed)}${suffix}`,
    lastBuildDate: page.jobs[0]?.createdAt ?? now,
    items: page.jobs.map((job) => {
      const link = `${origin}${jobPath(feed, job.jobId)}`;
      const s = shape(job, now, t, lang);
      const summary = job.summary ? `${job.summary.replace(/\s+/g, " ").trim()}${job.summary.length >= 400 ? "…" : ""}` : "";
      const description = [`${s.employer} · ${s.place}${s.type ? ` · ${s.type}` : ""} · ${s.salary}`, summary].filter(Boolean).join("\n\n");
      return { title: t("jobs.job.titleAt", { title: s.title, employer: s.employer }), link, guid: link, pubDate: job.createdAt, description };
    }),
  });
  return { ok: true, xml };
}
