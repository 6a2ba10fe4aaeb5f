/** One job feed page: the feed nav, the GET filter form, the list, paging and the RSS link. */
import { Form, Link, NavLink } from "@remix-run/react";
import type { MetaDescriptor } from "@remix-run/node";
import { ErrorSummary } from "~/components/forms";
import { FEED_SLUGS, FEEDS, type FeedSlug } from "~/modules/jobs/feeds";
import { CITY_MAX, COUNTRIES, EMPLOYMENT_TYPES, KEYWORDS_MAX, POSTER_LABELS, POSTERS } from "~/modules/jobs/filters";
import type { FeedPageData } from "~/modules/jobs/feed-page.server";

const LABELS = { q: "Keywords", city: "City", country: "Country", type: "Job type", remote: "Remote", days: "Posted within", by: "Posted by" };
const inputClass = "w-full rounded border border-stone-400 px-2 py-1.5";

export function FeedNav({ current }: { current: FeedSlug | null }) {
  return (
    <nav aria-label="Job feeds">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {FEED_SLUGS.map((slug) => (
          <li key={slug}>
            <NavLink to={FEEDS[slug].path} end aria-current={slug === current ? "page" : undefined} className={slug === current ? "font-semibold" : undefined}>
              {FEEDS[slug].label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Select({ name, value, error, options, any }: { name: keyof typeof LABELS; value?: string; error?: string; options: [string, string][]; any: string }) {
  const known = value === undefined || value === "" || options.some(([v]) => v === value);
  return (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block font-medium">
        {LABELS[name]}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `f-${name}-error` : undefined} className={inputClass}>
        <option value="">{any}</option>
        {known ? null : <option value={value}>{value}</option>}
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`f-${name}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Text({ name, value, error, maxLength, type = "text" }: { name: "q" | "city"; value?: string; error?: string; maxLength: number; type?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block font-medium">
        {LABELS[name]}
      </label>
      <input id={`f-${name}`} name={name} type={type} defaultValue={value ?? ""} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={error ? `f-${name}-error` : undefined} className={inputClass} />
      {error ? (
        <p id={`f-${name}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function JobFeed({ page }: { page: FeedPageData }) {
  const info = FEEDS[page.feed];
  const v = page.values;
  const e = page.errors ?? {};
  return (
    <section aria-labelledby="feed-title" className="space-y-4">
      <FeedNav current={page.feed} />
      <div className="space-y-1">
        <h1 id="feed-title">{info.label}</h1>
        <p className="text-stone-600">{info.blurb}</p>
      </div>
      {page.signedIn ? (
        <p className="flex flex-wrap gap-3">
          <Link to="/jobs/new">Post a job</Link>
          <Link to="/jobs/mine">My job posts</Link>
          <Link to="/applications">My applications</Link>
          <Link to="/hiring">Hiring</Link>
        </p>
      ) : null}
      <ErrorSummary errors={page.errors} labels={LABELS} />
      <Form method="get" action={info.path} role="search" aria-label="Filter jobs" className="card grid gap-3 sm:grid-cols-2">
        <Text name="q" value={v.q} error={e.q} maxLength={KEYWORDS_MAX} type="search" />
        <Text name="city" value={v.city} error={e.city} maxLength={CITY_MAX} />
        <Select name="country" value={v.country} error={e.country} any="Any country" options={Object.entries(COUNTRIES).map(([code, name]) => [code, name] as [string, string]).sort((a, b) => a[1].localeCompare(b[1]))} />
        <Select name="type" value={v.type} error={e.type} any="Any type" options={EMPLOYMENT_TYPES.map((t) => [t, t])} />
        <Select name="remote" value={v.remote} error={e.remote} any="Remote or on site" options={[["yes", "Remote only"]]} />
        <Select name="days" value={v.days} error={e.days} any="Any time" options={[["1", "1 day"], ["3", "3 days"], ["7", "7 days"], ["14", "14 days"], ["30", "30 days"]]} />
        <Select name="by" value={v.by} error={e.by} any="Anyone" options={POSTERS.map((p) => [p, POSTER_LABELS[p]])} />
        <p className="flex items-end gap-3">
          <button type="submit" className="btn">
            Show jobs
          </button>
          {page.filtered ? <Link to={info.path}>Clear filters</Link> : null}
        </p>
      </Form>
      {page.errors ? null : page.jobs.length === 0 ? (
        <p className="card">{page.paged ? "No more jobs." : page.filtered ? "No job matches these filters. Try fewer words or fewer filters." : "No jobs in this feed yet."}</p>
      ) : (
        <ul aria-label="Jobs" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {page.jobs.map((job) => (
            <li key={job.id} className="space-y-0.5 p-3">
              <p>
                <Link to={job.href} className="font-medium">
                  {job.title}
                </Link>
              </p>
              <p className="text-sm">
                {job.employer} · {job.place}
              </p>
              <p className="text-sm text-stone-600">
                {job.type ? `${job.type} · ` : ""}
                {job.salary} · <time dateTime={job.postedAt}>{job.posted}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {page.paged ? <Link to={page.firstHref}>First page</Link> : null}
        {page.nextHref ? <Link to={page.nextHref}>Next page</Link> : null}
        <a href={page.rssHref} type="application/rss+xml">
          RSS{page.filtered ? " for these filters" : ""}
        </a>
      </p>
    </section>
  );
}

export function feedMeta(data: FeedPageData | undefined, feed: FeedSlug): MetaDescriptor[] {
  const info = FEEDS[feed];
  return [
    { title: `${info.label} | Ladder` },
    { name: "description", content: info.blurb },
    { tagName: "link", rel: "alternate", type: "application/rss+xml", title: `${info.label} (RSS)`, href: data?.rssHref ?? `${info.path}/rss` },
  ];
}
