/**
 * The signed-in home page per role (app/modules/home/dashboard.server.ts shapes the data). The
 * home route loads this module lazily (the default export), so a visitor's first visit never
 * downloads it; the server renders it before it answers, so the HTML is the same as before.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatNumber } from "~/lib/format";
import { useLanguage, useT } from "~/lib/i18n";
import type { Dashboard } from "~/modules/home/dashboard.server";
import { SLOT, withNode } from "~/components/WithNode";

/** One role's dashboard (on two lines: tests/support/english-left.ts reads `> = Extract<` as page text). */
type Of<K extends Dashboard["kind"]> =
  Extract<Dashboard, { kind: K }>;

/** One block of a dashboard: a card with its heading; `more` is the block's way onward. */
function Block({ id, title, more, children }: { id: string; title: string; more?: { to: string; label: string }; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card space-y-2">
      <h2 id={id}>{title}</h2>
      {children}
      {more ? (
        <p>
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Lines of a block, each a link and a quieter line under it. */
function Lines({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="divide-y divide-stone-200">
      {children}
    </ul>
  );
}

/** A line's title is members' content (a job title, a name): it keeps its own direction. */
function Line({ to, title, detail }: { to: string; title: string; detail?: ReactNode }) {
  return (
    <li className="py-2">
      <p>
        <Link to={to} className="font-medium" dir="auto">
          {title}
        </Link>
      </p>
      {detail ? <p className="text-sm text-stone-600">{detail}</p> : null}
    </li>
  );
}

function Counts({ label, counts }: { label: string; counts: { bucket: string; label: string; n: number }[] }) {
  const lang = useLanguage();
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {counts.map((c) => (
        <li key={c.bucket}>
          {c.label} <span className="font-semibold">{formatNumber(c.n, lang)}</span>
        </li>
      ))}
    </ul>
  );
}

function Greeting({ name, line }: { name: string | null; line: string }) {
  const t = useT();
  return (
    <div className="space-y-1">
      <h1 id="home-title">{name ? t("home.greeting.named", { name }) : t("home.greeting.plain")}</h1>
      <p className="text-stone-700">{line}</p>
    </div>
  );
}

export function MemberHome({ data }: { data: Of<"member"> }) {
  const t = useT();
  const { applications, unread, requests, coach, fit, people } = data;
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line={t("home.member.line")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block
          id="home-applications"
          title={t("home.member.applications.title")}
          more={
            applications.total > 0
              ? { to: "/applications", label: t("home.member.applications.all", { count: applications.total }) }
              : { to: "/jobs", label: t("home.member.applications.find") }
          }
        >
          {applications.total === 0 ? (
            <p>{t("home.member.applications.none")}</p>
          ) : (
            <>
              <Counts label={t("home.member.applications.byStatus")} counts={applications.counts} />
              <Lines label={t("home.member.applications.latest")}>
                {applications.latest.map((a) => (
                  <Line
                    key={a.href}
                    to={a.href}
                    title={a.title}
                    detail={
                      <>
                        {a.employer ? `${a.employer} · ` : null}
                        <span className="font-medium text-stone-800">{a.status}</span>
                        {" · "}
                        {withNode(t("home.member.applications.updated", { date: SLOT }), <time dateTime={a.at}>{a.updated}</time>)}
                      </>
                    }
                  />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block
          id="home-messages"
          title={t("common.area.messages")}
          more={{ to: "/messages", label: unread.messages > 0 ? t("home.member.messages.read") : t("home.member.messages.conversations") }}
        >
          <p>
            {unread.messages === 0
              ? t("home.member.messages.none")
              : t("home.member.messages.unread", { count: unread.messages, people: unread.people })}
          </p>
        </Block>

        <Block
          id="home-requests"
          title={t("home.member.requests.title")}
          more={requests.total > 0 ? { to: "/network", label: t("home.member.requests.answer") } : { to: "/people", label: t("home.member.requests.find") }}
        >
          {requests.total === 0 ? (
            <p>{t("home.member.requests.none")}</p>
          ) : (
            <>
              <p>{t("home.member.requests.waiting", { count: requests.total })}</p>
              <Lines label={t("home.member.requests.newest")}>
                {requests.latest.map((r) => (
                  <Line key={r.href} to={r.href} title={r.name} detail={r.headline ? <bdi>{r.headline}</bdi> : null} />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block
          id="home-coach"
          title={t("home.member.coach.title")}
          more={{ to: "/coach", label: coach.left > 0 ? t("home.member.coach.ask") : t("home.member.coach.chats") }}
        >
          <p>
            {coach.left > 0
              ? t("home.member.coach.left", { left: coach.left, daily: coach.daily })
              : t("home.member.coach.usedUp", { daily: coach.daily })}
          </p>
        </Block>

        <Block
          id="home-fit"
          title={t("home.member.fit.title")}
          more={
            fit.words
              ? { to: fit.moreHref, label: t("home.member.fit.more", { words: fit.words }) }
              : { to: "/settings/profile", label: t("home.member.fit.addHeadline") }
          }
        >
          {!fit.words ? (
            <p>{t("home.member.fit.empty")}</p>
          ) : fit.jobs.length === 0 ? (
            <p>{t("home.member.fit.none", { words: fit.words })}</p>
          ) : (
            <Lines label={t("home.member.fit.list")}>
              {fit.jobs.map((j) => (
                <Line
                  key={j.href}
                  to={j.href}
                  title={j.title}
                  detail={t("home.jobLine", { employer: j.employer ?? t("home.employerUnknown"), place: j.place, date: j.posted })}
                />
              ))}
            </Lines>
          )}
        </Block>

        <Block id="home-people" title={t("home.member.people.title")} more={{ to: "/people", label: t("home.member.people.search") }}>
          {people.length === 0 ? (
            <p>{t("home.member.people.empty")}</p>
          ) : (
            <Lines label={t("home.member.people.title")}>
              {people.map((p) => (
                <Line
                  key={p.href}
                  to={p.href}
                  title={p.name}
                  detail={
                    <>
                      {t("home.member.people.shared", { count: p.mutual })}
                      {p.headline ? (
                        <>
                          {" · "}
                          <bdi>{p.headline}</bdi>
                        </>
                      ) : null}
                    </>
                  }
                />
              ))}
            </Lines>
          )}
        </Block>
      </div>
    </section>
  );
}

export function RecruiterHome({ data }: { data: Of<"recruiter"> }) {
  const t = useT();
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line={t("home.recruiter.line")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block
          id="home-jobs"
          title={t("home.recruiter.jobs.title")}
          more={data.jobs.length > 0 ? { to: "/hiring", label: t("home.recruiter.jobs.all") } : { to: "/jobs/new", label: t("home.recruiter.jobs.post") }}
        >
          {data.jobs.length === 0 ? (
            <p>{t("home.recruiter.jobs.none")}</p>
          ) : (
            <Lines label={t("home.recruiter.jobs.newest")}>
              {data.jobs.map((j) => (
                <li key={j.href} className="space-y-1 py-2">
                  <p>
                    <Link to={j.href} className="font-medium" dir="auto">
                      {j.title}
                    </Link>
                    {j.employer ? (
                      <span className="text-stone-700">
                        {" · "}
                        <bdi>{j.employer}</bdi>
                      </span>
                    ) : null}
                  </p>
                  {j.total === 0 ? (
                    <p className="text-sm text-stone-600">{t("home.recruiter.jobs.noApplications")}</p>
                  ) : (
                    <Counts label={t("home.recruiter.jobs.byStatus", { title: j.title })} counts={j.counts} />
                  )}
                </li>
              ))}
            </Lines>
          )}
        </Block>

        <Block
          id="home-rounds"
          title={t("home.recruiter.rounds.title")}
          more={{ to: "/hiring", label: data.rounds.length > 0 ? t("home.recruiter.rounds.pipelines") : t("home.recruiter.rounds.plan") }}
        >
          {data.rounds.length === 0 ? (
            <p>{t("home.recruiter.rounds.none")}</p>
          ) : (
            <Lines label={t("home.recruiter.rounds.list")}>
              {data.rounds.map((r) => (
                <Line
                  key={r.href + r.round}
                  to={r.href}
                  title={`${r.candidate}: ${r.round}`}
                  detail={
                    <>
                      <bdi>{r.title}</bdi> · <time dateTime={r.at}>{r.when}</time>
                    </>
                  }
                />
              ))}
            </Lines>
          )}
        </Block>
      </div>
    </section>
  );
}

export function StaffHome({ data }: { data: Of<"staff"> }) {
  const t = useT();
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line={t("home.staff.line")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block
          id="home-review"
          title={t("home.staff.review.title")}
          more={{ to: "/jobs/review", label: data.waiting > 0 ? t("home.staff.review.them") : t("home.staff.review.queue") }}
        >
          {data.waiting === 0 ? (
            <p>{t("home.staff.review.none")}</p>
          ) : (
            <>
              <p>{t("home.staff.review.waiting", { count: data.waiting })}</p>
              <Lines label={t("home.staff.review.oldest")}>
                {data.oldest.map((q) => (
                  <Line
                    key={q.href}
                    to={q.href}
                    title={q.title}
                    detail={
                      <>
                        {q.employer ? `${q.employer} · ` : null}
                        {withNode(
                          t("home.staff.review.detail", { poster: q.poster ?? t("home.staff.review.formerMember"), date: SLOT }),
                          <time dateTime={q.at}>{q.posted}</time>,
                        )}
                      </>
                    }
                  />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block id="home-decisions" title={t("home.staff.decisions.title")} more={{ to: "/jobs/new", label: t("home.staff.decisions.post") }}>
          {data.decisions.length === 0 ? (
            <p>{t("home.staff.decisions.none")}</p>
          ) : (
            <Lines label={t("home.staff.decisions.list")}>
              {data.decisions.map((d) => (
                <Line
                  key={d.href}
                  to={d.href}
                  title={d.title}
                  detail={
                    <>
                      <span className="font-medium text-stone-800">{d.approved ? t("home.staff.decisions.approved") : t("home.staff.decisions.declined")}</span>
                      {d.decider ? ` ${t("home.staff.decisions.by", { name: d.decider })}` : null} · <time dateTime={d.at}>{d.decided}</time>
                      {d.reason ? ` · ${t("home.quoted", { text: d.reason })}` : null}
                    </>
                  }
                />
              ))}
            </Lines>
          )}
        </Block>
      </div>
    </section>
  );
}

export function AdminHome({ data }: { data: Of<"admin"> }) {
  const t = useT();
  const lang = useLanguage();
  const n = data.numbers;
  const rows: { key: string; label: string; value: number; more?: { to: string; label: string } }[] = [
    { key: "signUps", label: t("home.admin.signUps"), value: n.signUps, more: { to: "/admin/users", label: t("home.admin.members") } },
    { key: "sessions", label: t("home.admin.activeSessions"), value: n.activeSessions },
    { key: "applications", label: t("home.admin.applications"), value: n.applications, more: { to: "/hiring", label: t("common.area.hiring") } },
    { key: "messages", label: t("home.admin.messages"), value: n.messages },
    { key: "pending", label: t("home.admin.pendingPosts"), value: n.pendingPosts, more: { to: "/jobs/review", label: t("home.admin.reviewQueue") } },
  ];
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line={t("home.admin.line", { date: data.today })} />
      <Block id="home-today" title={t("home.admin.title")} more={{ to: "/admin", label: t("home.admin.more") }}>
        <dl className="divide-y divide-stone-200">
          {rows.map((r) => (
            <div key={r.key} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1">
              <dt>{r.label}</dt>
              <dd>
                <span className="font-semibold">{formatNumber(r.value, lang)}</span>
                {r.more ? (
                  <>
                    {" · "}
                    <Link to={r.more.to}>{r.more.label}</Link>
                  </>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </Block>
    </section>
  );
}

/** The home of a signed-in member's role: what `/` renders lazily for anyone signed in. */
export default function SignedInHome({ data }: { data: Dashboard }) {
  switch (data.kind) {
    case "member":
      return <MemberHome data={data} />;
    case "recruiter":
      return <RecruiterHome data={data} />;
    case "staff":
      return <StaffHome data={data} />;
    case "admin":
      return <AdminHome data={data} />;
  }
}
