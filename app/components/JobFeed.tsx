/**
 * One job feed page, results first (decision 028): the feed nav, the result count, the filters folded
 * into a disclosure with the chosen ones as removable links, the list with Save toggles, paging, RSS.
 */
import { Form, Link, NavLink } from "@remix-run/react";
import type { MetaDescriptor } from "@remix-run/node";
import { CsrfInput, ErrorSummary, Field, SelectField } from "~/components/forms";
import { pageMeta } from "~/lib/meta";
import { FEED_SLUGS, FEEDS, jobPath, type FeedSlug } from "~/modules/jobs/feeds";
import { CITY_MAX, COUNTRIES, EMPLOYMENT_TYPES, KEYWORDS_MAX, POSTER_LABELS, POSTERS } from "~/modules/jobs/filters";
import type { FeedPageData } from "~/modules/jobs/feed-page.server";

const LABELS = { q: "Keywords", city: "City", country: "Country", type: "Job type", remote: "Remote", days: "Posted within", by: "Posted by" };
const COUNTRY_OPTIONS = Object.entries(COUNTRIES).sort((a, b) => a[1].localeCompare(b[1]));

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
    <SelectField label={LABELS[name]} name={name} id={`f-${name}`} defaultValue={value ?? ""} error={error} className="w-full">
      <option value="">{any}</option>
      {known ? null : <option value={value}>{value}</option>}
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </SelectField>
  );
}

function Text({ name, value, error, maxLength, type = "text" }: { name: "q" | "city"; value?: string; error?: string; maxLength: number; type?: string }) {
  return <Field label={LABELS[name]} name={name} id={`f-${name}`} type={type} defaultValue={value ?? ""} maxLength={maxLength} error={error} />;
}

/**
 * The Save / Saved toggle: a POST form that works without JavaScript. It says what it will do
 * (save or unsave), so sending it twice is harmless; `back` is the page to come back to.
 */
export function SaveJobButton({ feed, jobId, title, saved, back }: { feed: FeedSlug; jobId: string; title: string; saved: boolean; back: string }) {
  return (
    <Form method="post" action={`${jobPath(feed, jobId)}/save`} preventScrollReset className="shrink-0">
      <CsrfInput />
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={`${saved ? "btn" : "btn-quiet"} min-h-[24px] text-sm`}>
        {saved ? "Saved" : "Save"}
        <span className="sr-only">{saved ? `: remove ${title} from your saved jobs` : ` ${title}`}</span>
      </button>
    </Form>
  );
}

export function JobFeed({ page }: { page: FeedPageData }) {
  const info = FEEDS[page.feed];
  const v = page.values;
  const e = page.errors ?? {};
  const chosen = page.active.length;
  return (
    <section aria-labelledby="feed-title" className="space-y-3">
      <FeedNav current={page.feed} />
      <div className="space-y-1">
        <h1 id="feed-title">{info.label}</h1>
        <p className="text-sm text-stone-600">{info.blurb}</p>
      </div>
      <ErrorSummary errors={page.errors} labels={LABELS} />
      {/* Results first: the form folds into a disclosure (no script needed); open when a value was refused. */}
      <div className="space-y-2">
        {page.countLabel !== null ? (
          <p id="job-count" className="font-medium">
            {page.countLabel}
          </p>
        ) : null}
        <details open={page.errors ? true : undefined}>
          <summary className="inline-flex min-h-[24px] cursor-pointer items-center rounded border border-stone-300 bg-white px-3 py-1 font-medium">
            {`Filters${chosen ? ` (${chosen})` : ""}`}
          </summary>
          <Form method="get" action={info.path} role="search" aria-label="Filter jobs" className="card mt-2 grid gap-3 sm:grid-cols-2">
            <Text name="q" value={v.q} error={e.q} maxLength={KEYWORDS_MAX} type="search" />
            <Text name="city" value={v.city} error={e.city} maxLength={CITY_MAX} />
            <Select name="country" value={v.country} error={e.country} any="Any country" options={COUNTRY_OPTIONS} />
            <Select name="type" value={v.type} error={e.type} any="Any type" options={EMPLOYMENT_TYPES.map((t) => [t, t])} />
            <Select name="remote" value={v.remote} error={e.remote} any="Remote or on site" options={[["yes", "Remote only"]]} />
            <Select name="days" value={v.days} error={e.days} any="Any time" options={[["1", "1 day"], ["3", "3 days"], ["7", "7 days"], ["14", "14 days"], ["30", "30 days"]]} />
            <Select name="by" value={v.by} error={e.by} any="Anyone" options={POSTERS.map((p) => [p, POSTER_LABELS[p]])} />
            <p className="flex items-end gap-3">
              <button type="submit" className="btn">
                Show jobs
              </button>
            </p>
          </Form>
        </details>
      </div>
      {chosen || page.filtered ? (
        <ul aria-label="Active filters" className="flex flex-wrap gap-2 text-sm">
          {page.active.map((f) => (
            <li key={f.name}>
              <Link to={f.removeHref} className="inline-flex min-h-[24px] items-center gap-1 rounded-full border border-teal-800 px-2 py-0.5 no-underline">
                {f.label}
                <span aria-hidden="true">×</span>
                <span className="sr-only"> (remove this filter)</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to={info.path} className="inline-flex min-h-[24px] items-center px-1">
              Clear filters
            </Link>
          </li>
        </ul>
      ) : null}
      {page.errors ? null : page.jobs.length === 0 ? (
        <p className="card">{page.paged ? "No more jobs." : page.filtered ? "No job matches these filters. Try fewer words or fewer filters." : "No jobs in this feed yet."}</p>
      ) : (
        <ul aria-label="Jobs" aria-describedby={page.countLabel !== null ? "job-count" : undefined} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {page.jobs.map((job) => (
            <li key={job.id} className="flex items-start justify-between gap-3 p-3">
              <div className="min-w-0 space-y-0.5">
                <p className="break-words">
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
              </div>
              <SaveJobButton feed={page.feed} jobId={job.id} title={job.title} saved={job.saved} back={page.here} />
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
      {page.signedIn ? (
        <nav aria-label="Your jobs" className="flex flex-wrap gap-3 border-t border-stone-200 pt-3">
          <Link to="/jobs/saved">Saved jobs</Link>
          <Link to="/jobs/new">Post a job</Link>
          <Link to="/jobs/mine">My job posts</Link>
          <Link to="/applications">My applications</Link>
          <Link to="/hiring">Hiring</Link>
        </nav>
      ) : null}
    </section>
  );
}

export function feedMeta(data: FeedPageData | undefined, feed: FeedSlug): MetaDescriptor[] {
  const info = FEEDS[feed];
  return pageMeta(`${info.label} | Ladder`, info.blurb, {
    tagName: "link",
    rel: "alternate",
    type: "application/rss+xml",
    title: `${info.label} (RSS)`,
    href: data?.rssHref ?? `${info.path}/rss`,
  });
}
