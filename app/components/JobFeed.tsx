/**
 * One job feed page, results first (decision 028): the feed nav, the result count, the filters folded
 * into a disclosure with the chosen ones as removable links, the list with Save toggles, paging, RSS.
 */
import { Form, Link, NavLink } from "@remix-run/react";
import type { MetaDescriptor } from "@remix-run/node";
import { CsrfInput, ErrorSummary, Field, SelectField } from "~/components/forms";
import { INTL_LOCALE, useLanguage, useT, type Translate } from "~/lib/i18n";
import { metaFor, pageMeta } from "~/lib/meta";
import { FEED_SLUGS, FEEDS, jobPath, type FeedSlug } from "~/modules/jobs/feeds";
import { CITY_MAX, COUNTRIES, countryLabel, EMPLOYMENT_TYPES, jobTypeLabel, KEYWORDS_MAX, POSTED_WITHIN_DAYS, POSTER_LABELS, POSTERS } from "~/modules/jobs/filters";
import type { FeedPageData } from "~/modules/jobs/feed-page.server";

const FILTERS = ["q", "city", "country", "type", "remote", "days", "by"] as const;
type FilterField = (typeof FILTERS)[number];
const labelsOf = (t: Translate) => Object.fromEntries(FILTERS.map((name) => [name, t(`jobs.filter.${name}`)])) as Record<FilterField, string>;

export function FeedNav({ current }: { current: FeedSlug | null }) {
  const t = useT();
  return (
    <nav aria-label={t("jobs.feed.nav")}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {FEED_SLUGS.map((slug) => (
          <li key={slug}>
            <NavLink to={FEEDS[slug].path} end aria-current={slug === current ? "page" : undefined} className={slug === current ? "font-semibold" : undefined}>
              {t(FEEDS[slug].labelId)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Select({ name, value, error, options, any }: { name: FilterField; value?: string; error?: string; options: [string, string][]; any: string }) {
  const t = useT();
  const known = value === undefined || value === "" || options.some(([v]) => v === value);
  return (
    <SelectField label={t(`jobs.filter.${name}`)} name={name} id={`f-${name}`} defaultValue={value ?? ""} error={error} className="w-full">
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
  const t = useT();
  return <Field label={t(`jobs.filter.${name}`)} name={name} id={`f-${name}`} type={type} defaultValue={value ?? ""} maxLength={maxLength} error={error} />;
}

/**
 * The Save / Saved toggle: a POST form that works without JavaScript. It says what it will do
 * (save or unsave), so sending it twice is harmless; `back` is the page to come back to.
 */
export function SaveJobButton({ feed, jobId, title, saved, back }: { feed: FeedSlug; jobId: string; title: string; saved: boolean; back: string }) {
  const t = useT();
  return (
    <Form method="post" action={`${jobPath(feed, jobId)}/save`} preventScrollReset className="shrink-0">
      <CsrfInput />
      <input type="hidden" name="intent" value={saved ? "unsave" : "save"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className={`${saved ? "btn" : "btn-quiet"} min-h-[24px] text-sm`}>
        {saved ? t("jobs.save.saved") : t("jobs.save.save")}
        <span className="sr-only">{saved ? t("jobs.save.removeTitle", { title }) : ` ${title}`}</span>
      </button>
    </Form>
  );
}

export function JobFeed({ page }: { page: FeedPageData }) {
  const t = useT();
  const lang = useLanguage();
  const info = FEEDS[page.feed];
  const countries = COUNTRIES.map((code): [string, string] => [code, countryLabel(t, code) ?? code]).sort((a, b) => a[1].localeCompare(b[1], INTL_LOCALE[lang]));
  const v = page.values;
  const e = page.errors ?? {};
  const chosen = page.active.length;
  return (
    <section aria-labelledby="feed-title" className="space-y-3">
      <FeedNav current={page.feed} />
      <div className="space-y-1">
        <h1 id="feed-title">{t(info.labelId)}</h1>
        <p className="text-sm text-stone-600">{t(info.blurbId)}</p>
      </div>
      <ErrorSummary errors={page.errors} labels={labelsOf(t)} />
      {/* Results first: the form folds into a disclosure (no script needed); open when a value was refused. */}
      <div className="space-y-2">
        {page.countLabel !== null ? (
          <p id="job-count" className="font-medium">
            {page.countLabel}
          </p>
        ) : null}
        <details open={page.errors ? true : undefined}>
          <summary className="inline-flex min-h-[24px] cursor-pointer items-center rounded border border-stone-300 bg-white px-3 py-1 font-medium">
            {chosen ? t("jobs.filter.toggleCount", { count: chosen }) : t("jobs.filter.toggle")}
          </summary>
          <Form method="get" action={info.path} role="search" aria-label={t("jobs.filter.form")} className="card mt-2 grid gap-3 sm:grid-cols-2">
            <Text name="q" value={v.q} error={e.q} maxLength={KEYWORDS_MAX} type="search" />
            <Text name="city" value={v.city} error={e.city} maxLength={CITY_MAX} />
            <Select name="country" value={v.country} error={e.country} any={t("jobs.filter.anyCountry")} options={countries} />
            <Select name="type" value={v.type} error={e.type} any={t("jobs.filter.anyType")} options={EMPLOYMENT_TYPES.map((type) => [type, jobTypeLabel(t, type)])} />
            <Select name="remote" value={v.remote} error={e.remote} any={t("jobs.filter.remoteAny")} options={[["yes", t("jobs.filter.remoteOnly")]]} />
            <Select
              name="days"
              value={v.days}
              error={e.days}
              any={t("jobs.filter.anyTime")}
              options={POSTED_WITHIN_DAYS.map((days) => [days, t("jobs.filter.dayCount", { count: Number(days) })])}
            />
            <Select name="by" value={v.by} error={e.by} any={t("jobs.filter.anyone")} options={POSTERS.map((p) => [p, t(POSTER_LABELS[p])])} />
            <p className="flex items-end gap-3">
              <button type="submit" className="btn">
                {t("jobs.filter.submit")}
              </button>
            </p>
          </Form>
        </details>
      </div>
      {chosen || page.filtered ? (
        <ul aria-label={t("jobs.filter.active")} className="flex flex-wrap gap-2 text-sm">
          {page.active.map((f) => (
            <li key={f.name}>
              <Link to={f.removeHref} className="inline-flex min-h-[24px] items-center gap-1 rounded-full border border-teal-800 px-2 py-0.5 no-underline">
                {f.label}
                <span aria-hidden="true">×</span>
                <span className="sr-only"> {t("jobs.filter.remove")}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to={info.path} className="inline-flex min-h-[24px] items-center px-1">
              {t("jobs.filter.clear")}
            </Link>
          </li>
        </ul>
      ) : null}
      {page.errors ? null : page.jobs.length === 0 ? (
        <p className="card">{t(page.paged ? "jobs.feed.noMore" : page.filtered ? "jobs.feed.noMatch" : "jobs.feed.empty")}</p>
      ) : (
        <ul aria-label={t("jobs.feed.list")} aria-describedby={page.countLabel !== null ? "job-count" : undefined} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {page.jobs.map((job) => (
            <li key={job.id} className="flex items-start justify-between gap-3 p-3">
              <div className="min-w-0 space-y-0.5">
                <p className="break-words">
                  <Link to={job.href} className="font-medium" dir="auto">
                    {job.title}
                  </Link>
                </p>
                <p className="text-sm">
                  <bdi>{job.employer}</bdi> · {job.place}
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
        {page.paged ? <Link to={page.firstHref}>{t("jobs.feed.firstPage")}</Link> : null}
        {page.nextHref ? <Link to={page.nextHref}>{t("jobs.feed.nextPage")}</Link> : null}
        <a href={page.rssHref} type="application/rss+xml">
          {t(page.filtered ? "jobs.feed.rssFiltered" : "jobs.feed.rss")}
        </a>
      </p>
      {page.signedIn ? (
        <nav aria-label={t("jobs.yours.nav")} className="flex flex-wrap gap-3 border-t border-stone-200 pt-3">
          <Link to="/jobs/saved">{t("jobs.yours.saved")}</Link>
          <Link to="/jobs/new">{t("jobs.yours.new")}</Link>
          <Link to="/jobs/mine">{t("jobs.yours.mine")}</Link>
          <Link to="/applications">{t("jobs.yours.applications")}</Link>
          <Link to="/hiring">{t("common.area.hiring")}</Link>
        </nav>
      ) : null}
    </section>
  );
}

/** A feed page's title, description and RSS link, in the reader's language (the route's meta passes its args). */
export function feedMeta(args: Parameters<typeof metaFor>[0] & { data?: FeedPageData }, feed: FeedSlug): MetaDescriptor[] {
  const info = FEEDS[feed];
  return metaFor(args, (t) =>
    pageMeta(t("common.title.suffix", { title: t(info.labelId) }), t(info.blurbId), {
      tagName: "link",
      rel: "alternate",
      type: "application/rss+xml",
      title: t("jobs.feed.rssTitle", { label: t(info.labelId) }),
      href: args.data?.rssHref ?? `${info.path}/rss`,
    }),
  );
}
