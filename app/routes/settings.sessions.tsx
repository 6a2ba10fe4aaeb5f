/** Your sessions: every device signed in to this account, and a way to sign any of them out. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { endSessionSchema, endSessionsFromSettings, sessionsPage } from "~/modules/accounts/manage-sessions.server";
import { browserOnSystem } from "~/modules/accounts/session-view";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  return { zone, sessions: await sessionsPage(ctx, user.id, user.sessionId, zone) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, endSessionSchema, { maxBytes: 10_000 });
  if (!parsed.ok) {
    return data({ error: "Choose a session to end from the list, or end all other sessions." }, { status: 400 });
  }
  const result = await endSessionsFromSettings(getCtx(), {
    userId: user.id,
    currentSessionId: user.sessionId,
    request: parsed.data,
    ip: clientIp(context),
    userAgent: userAgentOf(request),
  });
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  return redirect("/settings/sessions", { headers: { "Set-Cookie": await flashHeader(result.message) } });
}

export default function Sessions() {
  const { zone, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const others = sessions.filter((s) => !s.current);
  return (
    <section aria-labelledby="sessions-title" className="space-y-4">
      <h1 id="sessions-title">Your sessions</h1>
      <p>
        Each browser or device signed in to your account has a session. If you see one you do not recognise, end it and{" "}
        <Link to="/settings/password">change your password</Link>. Times are in {zone}.
      </p>
      {actionData?.error ? (
        <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
          {actionData.error}
        </p>
      ) : null}
      <ul className="space-y-3">
        {sessions.map((s) => (
          <li key={s.id} className="card space-y-2">
            <h2 className="text-base font-semibold">
              {browserOnSystem(s.browser, s.os)}
              {s.current ? <span className="ms-2 rounded bg-teal-100 px-1.5 text-sm font-medium text-teal-900">This device</span> : null}
            </h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
              <dt className="font-medium">Device</dt>
              <dd>{s.device}</dd>
              <dt className="font-medium">IP address</dt>
              <dd className="break-all">{s.ip}</dd>
              <dt className="font-medium">Signed in</dt>
              <dd>{s.started}</dd>
              <dt className="font-medium">Last active</dt>
              <dd>{s.lastActive}</dd>
            </dl>
            {s.current ? (
              <p className="text-sm">To end this session, sign out.</p>
            ) : (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="sessionId" value={s.id} />
                <Button variant="secondary">
                  End this session<span className="sr-only"> ({browserOnSystem(s.browser, s.os)}, last active {s.lastActive})</span>
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post" className="card space-y-2">
          <h2 className="text-base font-semibold">Sign out everywhere else</h2>
          <p className="text-sm">Ends all {others.length === 1 ? "1 other session" : `${others.length} other sessions`}; this device stays signed in.</p>
          <CsrfInput />
          <input type="hidden" name="intent" value="end-others" />
          <Button>
            End all other sessions
          </Button>
        </Form>
      ) : (
        <p>You are signed in on this device only.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your sessions | Ladder");
