/**
 * /feed's order and filters, all GET (a filtered feed is a link): Newest or Top this week, the
 * topics as links (the chosen one marked), and a small form for company and industry, whose chosen
 * values show as links that remove them. Every link keeps the other choices. Wraps on a 360 px phone.
 */
import { Form, Link } from "@remix-run/react";
import { Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { COMPANY_MAX, feedHref, hasFilters, INDUSTRY_MAX, NO_FILTERS, TOPICS, topicLabelId, type FeedFilters as Filters } from "~/modules/feed/rules";

const CHIP = "inline-flex min-h-8 items-center rounded-full border px-3 text-sm no-underline";
const chipClass = (current: boolean) => `${CHIP} ${current ? "border-teal-800 bg-teal-800 text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"}`;

function Chip({ to, current, children }: { to: string; current: boolean; children: string }) {
  return (
    <Link to={to} className={chipClass(current)} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function FeedFilters({ filters }: { filters: Filters }) {
  const t = useT();
  // A company or industry in another script stays whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  const isolate = (text: string) => (rtl ? bidi(text) : text);
  return (
    <div className="space-y-3">
      <nav aria-label={t("feed.filters.sortLabel")}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Chip to={feedHref({ ...filters, sort: "new" })} current={filters.sort === "new"}>
              {t("feed.filters.sortNew")}
            </Chip>
          </li>
          <li>
            <Chip to={feedHref({ ...filters, sort: "top" })} current={filters.sort === "top"}>
              {t("feed.filters.sortTop")}
            </Chip>
          </li>
        </ul>
      </nav>
      <nav aria-label={t("feed.filters.topicsLabel")}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Chip to={feedHref({ ...filters, topic: null })} current={filters.topic === null}>
              {t("feed.filters.allTopics")}
            </Chip>
          </li>
          {TOPICS.map((topic) => (
            <li key={topic}>
              <Chip to={feedHref({ ...filters, topic })} current={filters.topic === topic}>
                {t(topicLabelId(topic))}
              </Chip>
            </li>
          ))}
        </ul>
      </nav>
      <details className="rounded border border-stone-200 bg-white p-3" open={filters.company !== null || filters.industry !== null}>
        <summary className="cursor-pointer font-medium">{t("feed.filters.formLabel")}</summary>
        <Form method="get" action="/feed" className="mt-2 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          {filters.sort === "top" ? <input type="hidden" name="sort" value="top" /> : null}
          {filters.topic ? <input type="hidden" name="topic" value={filters.topic} /> : null}
          <Field label={t("feed.filters.company")} name="company" id="f-company" dir="auto" maxLength={COMPANY_MAX} defaultValue={filters.company ?? ""} />
          <Field label={t("feed.filters.industry")} name="industry" id="f-industry" dir="auto" maxLength={INDUSTRY_MAX} defaultValue={filters.industry ?? ""} />
          <div>
            <Button variant="secondary">{t("feed.filters.apply")}</Button>
          </div>
        </Form>
      </details>
      {hasFilters(filters) ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("feed.filters.active")}</span>
          {filters.company ? (
            <Link to={feedHref({ ...filters, company: null })} className={chipClass(false)} dir="auto">
              {t("feed.filters.removeCompany", { company: isolate(filters.company) })}
            </Link>
          ) : null}
          {filters.industry ? (
            <Link to={feedHref({ ...filters, industry: null })} className={chipClass(false)} dir="auto">
              {t("feed.filters.removeIndustry", { industry: isolate(filters.industry) })}
            </Link>
          ) : null}
          <Link to={feedHref({ ...NO_FILTERS, sort: filters.sort })}>{t("feed.filters.clear")}</Link>
        </p>
      ) : null}
    </div>
  );
}
