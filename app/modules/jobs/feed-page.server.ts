/**
 * What the three feed routes and their RSS routes share: read the filters (400 with the form on
 * bad values), read a page, shape the rows for display; and the RSS 2.0 document.
 */
import { data, redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { placeOf } from "~/lib/format";
import { getCurrentUser } from "~/modules/accounts/index.server";
import { publicOrigin } from "~/services/request-info.server";
import { jobCursor } from "./cursor.server";
import { countFeed, listFeed, type FeedJob } from "./feed.server";
import { FEEDS, jobPath, type FeedSlug } from "./feeds";
import {
  activeFilters, countLabel, countryName, FILTER_NAMES, filterQuery, formatSalary, hasFilters, parseFilters, postedLabel, RSS_ITEMS, type ActiveFilter, type FilterName,
} from "./rules";
import { savedAmong } from "./saved.server";

export const rssPath = (feed: FeedSlug) => `${FEEDS[feed].path}/rss`;

function shape(job: FeedJob, now: Date) {
  return {
    id: job.jobId,
    href: "", // filled by the caller, which knows the feed
    title: job.title ?? "Untitled job",
    employer: job.employer ?? "Employer not given",
    place: placeOf(job.city, countryName(job.country), job.remote),
    type: job.type,
    salary: formatSalary(job.minSalary, job.maxSalary, job.salaryPeriod, job.country),
    posted: postedLabel(job.createdAt, now),
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

export async function loadFeedPage(request: Request, feed: FeedSlug) {
  const url = new URL(request.url);
  const base = FEEDS[feed].path;
  const user = await getCurrentUser(request);
  const parsed = parseFilters(url.searchParams);
  if (!parsed.ok) {
    const body: FeedPageData = {
      feed, values: parsed.values, errors: parsed.errors, jobs: [], filtered: true, paged: false,
      firstHref: base, nextHref: null, rssHref: rssPath(feed), signedIn: Boolean(user), countLabel: null, active: [], here: base,
    };
    return data(body, { status: 400 });
  }
  // The GET form sends every field, chosen or not: answer with the short address of the same filters.
  if ([...url.searchParams].some(([name, value]) => (FILTER_NAMES as readonly string[]).includes(name) && value.trim() === "")) {
    const query = filterQuery(parsed.filters);
    throw redirect(query ? `${base}?${query}` : base);
  }
  const after = jobCursor.from(url.searchParams.get("cursor"), feed);
  if (after === null) throw new Response(`This page link is broken or was changed. Start again from ${base}.`, { status: 400 });
  const now = new Date();
  const ctx = getCtx();
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
    jobs: page.jobs.map((j) => ({ ...shape(j, now), href: jobPath(feed, j.jobId), saved: saved.has(j.jobId) })),
    filtered: hasFilters(parsed.filters),
    paged: Boolean(after),
    firstHref: withQuery(base),
    nextHref: page.next ? withQuery(base, { cursor: jobCursor.to(page.next, feed) }) : null,
    rssHref: withQuery(rssPath(feed)),
    signedIn: Boolean(user),
    countLabel: countLabel(count.count, count.capped),
    active: activeFilters(parsed.filters, base),
    here: url.pathname + url.search,
  };
  return data(body);
}

// ---- RSS 2.0

// Characters XML 1.0 does not allow at all (imported text may carry them).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export async function feedRss(request: Request, feed: FeedSlug): Promise<Response> {
  const url = new URL(request.url);
  const parsed = parseFilters(url.searchParams);
  if (!parsed.ok) {
    const message = Object.values(parsed.errors).join(" ");
    return new Response(`This feed address has a filter Ladder cannot read: ${message} Open ${FEEDS[feed].path} and choose the filters again.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" },
    });
  }
  const now = new Date();
  const page = await listFeed(getCtx(), feed, parsed.filters, { pageSize: RSS_ITEMS, withSummary: true, now });
  const origin = publicOrigin(request);
  const query = filterQuery(parsed.filters);
  const suffix = query ? `?${query}` : "";
  const info = FEEDS[feed];
  const items = page.jobs
    .map((job) => {
      const link = `${origin}${jobPath(feed, job.jobId)}`;
      const s = shape(job, now);
      const summary = job.summary ? `${job.summary.replace(/\s+/g, " ").trim()}${job.summary.length >= 400 ? "…" : ""}` : "";
      const description = [`${s.employer} · ${s.place}${s.type ? ` · ${s.type}` : ""} · ${s.salary}`, summary].filter(Boolean).join("\n\n");
      return [
        "<item>",
        `<title>${xmlEscape(`${s.title} at ${s.employer}`)}</title>`,
        `<link>${xmlEscape(link)}</link>`,
        `<guid isPermaLink="true">${xmlEscape(link)}</guid>`,
        `<pubDate>${job.createdAt.toUTCString()}</pubDate>`,
        `<description>${xmlEscape(description)}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    `<title>${xmlEscape(`Ladder: ${info.label}${query ? " (filtered)" : ""}`)}</title>`,
    `<link>${xmlEscape(`${origin}${info.path}${suffix}`)}</link>`,
    `<description>${xmlEscape(info.blurb)}</description>`,
    "<language>en</language>",
    `<atom:link href="${xmlEscape(`${origin}${rssPath(feed)}${suffix}`)}" rel="self" type="application/rss+xml"/>`,
    `<lastBuildDate>${(page.jobs[0]?.createdAt ?? now).toUTCString()}</lastBuildDate>`,
    items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      // Feed readers poll; five minutes of caching anywhere is harmless for a public list.
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
