/**
 * The signed-in home page per role (app/modules/home/dashboard.server.ts shapes the data). The
 * home route loads this module lazily (the default export), so a visitor's first visit never
 * downloads it; the server renders it before it answers, so the HTML is the same as before.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Dashboard } from "~/modules/home/dashboard.server";

type Of<K extends Dashboard["kind"]> = Extract<Dashboard, { kind: K }>;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

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

function Line({ to, title, detail }: { to: string; title: string; detail?: ReactNode }) {
  return (
    <li className="py-2">
      <p>
        <Link to={to} className="font-medium">
          {title}
        </Link>
      </p>
      {detail ? <p className="text-sm text-stone-600">{detail}</p> : null}
    </li>
  );
}

function Counts({ label, counts }: { label: string; counts: { bucket: string; label: string; n: number }[] }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {counts.map((c) => (
        <li key={c.bucket}>
          {c.label} <span className="font-semibold">{c.n}</span>
        </li>
      ))}
    </ul>
  );
}

function Greeting({ name, line }: { name: string | null; line: string }) {
  return (
    <div className="space-y-1">
      <h1 id="home-title">{name ? `Welcome back, ${name}` : "Welcome back"}</h1>
      <p className="text-stone-700">{line}</p>
    </div>
  );
}

export function MemberHome({ data }: { data: Of<"member"> }) {
  const { applications, unread, requests, coach, fit, people } = data;
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line="Your applications, messages and what to do next." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block
          id="home-applications"
          title="Your applications"
          more={applications.total > 0 ? { to: "/applications", label: `All ${plural(applications.total, "application", "applications")}` } : { to: "/jobs", label: "Find a job to apply to" }}
        >
          {applications.total === 0 ? (
            <p>You have not applied to any job yet.</p>
          ) : (
            <>
              <Counts label="Your applications by status" counts={applications.counts} />
              <Lines label="Your latest applications">
                {applications.latest.map((a) => (
                  <Line
                    key={a.href}
                    to={a.href}
                    title={a.title}
                    detail={
                      <>
                        {a.employer ? `${a.employer} · ` : null}
                        <span className="font-medium text-stone-800">{a.status}</span> · updated <time dateTime={a.at}>{a.updated}</time>
                      </>
                    }
                  />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block id="home-messages" title="Messages" more={{ to: "/messages", label: unread.messages > 0 ? "Read your messages" : "Your conversations" }}>
          <p>
            {unread.messages === 0
              ? "No unread messages."
              : `${plural(unread.messages, "unread message", "unread messages")} from ${plural(unread.people, "person", "people")}.`}
          </p>
        </Block>

        <Block
          id="home-requests"
          title="Connection requests"
          more={requests.total > 0 ? { to: "/network", label: "Answer them in your network" } : { to: "/people", label: "Find people you know" }}
        >
          {requests.total === 0 ? (
            <p>No requests wait for your answer.</p>
          ) : (
            <>
              <p>{plural(requests.total, "person wants", "people want")} to connect with you.</p>
              <Lines label="Newest connection requests">
                {requests.latest.map((r) => (
                  <Line key={r.href} to={r.href} title={r.name} detail={r.headline} />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block id="home-coach" title="Career coach" more={{ to: "/coach", label: coach.left > 0 ? "Ask the coach" : "Your chats" }}>
          <p>
            {coach.left > 0
              ? `${coach.left} of ${coach.daily} coach messages left today.`
              : `You have used today's ${coach.daily} coach messages; they come back at midnight UTC.`}
          </p>
        </Block>

        <Block
          id="home-fit"
          title="Jobs that fit you"
          more={fit.words ? { to: fit.moreHref, label: `More jobs for “${fit.words}”` } : { to: "/settings/profile", label: "Add a headline to your profile" }}
        >
          {!fit.words ? (
            <p>Tell us what you do or want to do, in your profile's headline, and jobs that match it appear here.</p>
          ) : fit.jobs.length === 0 ? (
            <p>No open jobs match “{fit.words}” right now.</p>
          ) : (
            <Lines label="Jobs that fit your profile">
              {fit.jobs.map((j) => (
                <Line key={j.href} to={j.href} title={j.title} detail={`${j.employer ?? "Employer not given"} · ${j.place} · posted ${j.posted}`} />
              ))}
            </Lines>
          )}
        </Block>

        <Block id="home-people" title="People you may know" more={{ to: "/people", label: "Search people" }}>
          {people.length === 0 ? (
            <p>When your connections have connections of their own, some of them appear here.</p>
          ) : (
            <Lines label="People you may know">
              {people.map((p) => (
                <Line key={p.href} to={p.href} title={p.name} detail={`${plural(p.mutual, "shared connection", "shared connections")}${p.headline ? ` · ${p.headline}` : ""}`} />
              ))}
            </Lines>
          )}
        </Block>
      </div>
    </section>
  );
}

export function RecruiterHome({ data }: { data: Of<"recruiter"> }) {
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line="Your jobs, their applications and the interviews ahead." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block id="home-jobs" title="Your jobs" more={data.jobs.length > 0 ? { to: "/hiring", label: "All your jobs in Hiring" } : { to: "/jobs/new", label: "Post a job" }}>
          {data.jobs.length === 0 ? (
            <p>You have not posted a job yet. Its applications arrive here once you do.</p>
          ) : (
            <Lines label="Your newest jobs">
              {data.jobs.map((j) => (
                <li key={j.href} className="space-y-1 py-2">
                  <p>
                    <Link to={j.href} className="font-medium">
                      {j.title}
                    </Link>
                    {j.employer ? <span className="text-stone-700"> · {j.employer}</span> : null}
                  </p>
                  {j.total === 0 ? <p className="text-sm text-stone-600">No applications yet.</p> : <Counts label={`Applications to ${j.title} by status`} counts={j.counts} />}
                </li>
              ))}
            </Lines>
          )}
        </Block>

        <Block id="home-rounds" title="Next interviews" more={{ to: "/hiring", label: data.rounds.length > 0 ? "Your hiring pipelines" : "Plan interviews in Hiring" }}>
          {data.rounds.length === 0 ? (
            <p>No interviews are scheduled from now on.</p>
          ) : (
            <Lines label="Next interview rounds">
              {data.rounds.map((r) => (
                <Line
                  key={r.href + r.round}
                  to={r.href}
                  title={`${r.candidate}: ${r.round}`}
                  detail={
                    <>
                      {r.title} · <time dateTime={r.at}>{r.when}</time>
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
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line="Posts waiting for the career team, and what was decided lately." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Block id="home-review" title="Waiting for review" more={{ to: "/jobs/review", label: data.waiting > 0 ? "Review them" : "The review queue" }}>
          {data.waiting === 0 ? (
            <p>No posts wait for review.</p>
          ) : (
            <>
              <p>{plural(data.waiting, "post waits", "posts wait")} for review, oldest first:</p>
              <Lines label="Oldest posts waiting for review">
                {data.oldest.map((q) => (
                  <Line
                    key={q.href}
                    to={q.href}
                    title={q.title}
                    detail={
                      <>
                        {q.employer ? `${q.employer} · ` : null}by {q.poster ?? "a former member"} · posted <time dateTime={q.at}>{q.posted}</time>
                      </>
                    }
                  />
                ))}
              </Lines>
            </>
          )}
        </Block>

        <Block id="home-decisions" title="Recent decisions" more={{ to: "/jobs/new", label: "Post a job for members" }}>
          {data.decisions.length === 0 ? (
            <p>No post has been approved or declined yet.</p>
          ) : (
            <Lines label="Recent decisions on posts">
              {data.decisions.map((d) => (
                <Line
                  key={d.href}
                  to={d.href}
                  title={d.title}
                  detail={
                    <>
                      <span className="font-medium text-stone-800">{d.approved ? "Approved" : "Declined"}</span>
                      {d.decider ? ` by ${d.decider}` : null} · <time dateTime={d.at}>{d.decided}</time>
                      {d.reason ? ` · “${d.reason}”` : null}
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
  const n = data.numbers;
  const rows: { label: string; value: number; more?: { to: string; label: string } }[] = [
    { label: "Sign-ups today", value: n.signUps, more: { to: "/admin/users", label: "Members" } },
    { label: "Active sessions (used in the last 30 days)", value: n.activeSessions },
    { label: "Applications today", value: n.applications, more: { to: "/hiring", label: "Hiring" } },
    { label: "Messages today", value: n.messages },
    { label: "Posts waiting for review", value: n.pendingPosts, more: { to: "/jobs/review", label: "Review queue" } },
  ];
  return (
    <section aria-labelledby="home-title" className="space-y-4">
      <Greeting name={data.greeting} line={`Today on Ladder, ${data.today} (the UTC day).`} />
      <Block id="home-today" title="Today's numbers" more={{ to: "/admin", label: "More in Admin" }}>
        <dl className="divide-y divide-stone-200">
          {rows.map((r) => (
            <div key={r.label} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1">
              <dt>{r.label}</dt>
              <dd>
                <span className="font-semibold">{r.value.toLocaleString("en-US")}</span>
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
