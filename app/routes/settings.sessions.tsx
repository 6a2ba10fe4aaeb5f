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
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  const lang = await languageOf(request);
  return {
    zone,
    sessions: await sessionsPage(ctx, user.id, user.sessionId, zone, { t: translator(lang), lang }),
    ...(await pageMessages(request, ["settings"])),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, endSessionSchema, { maxBytes: 10_000 });
  const t = translator(await languageOf(request));
  if (!parsed.ok) {
    return data({ error: t("settings.sessions.chooseError") }, { status: 400 });
  }
  const result = await endSessionsFromSettings(getCtx(), {
    userId: user.id,
    currentSessionId: user.sessionId,
    request: parsed.data,
    ip: clientIp(context),
    userAgent: userAgentOf(request),
  });
  if (!result.ok) return data({ error: t(result.message) }, { status: 400 });
  return redirect("/settings/sessions", { headers: { "Set-Cookie": await flashHeader(result.message, "success", result.values) } });
}

export default function Sessions() {
  const { zone, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const others = sessions.filter((s) => !s.current);
  const t = useT();
  return (
    <section aria-labelledby="sessions-title" className="space-y-4">
      <h1 id="sessions-title">{t("settings.sessions.title")}</h1>
      <p>
        {t("settings.sessions.introBefore")} <Link to="/settings/password">{t("settings.sessions.introLink")}</Link>
        {t("settings.sessions.introAfter", { zone })}
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
              {s.title}
              {s.current ? (
                <span className="ms-2 rounded bg-teal-100 px-1.5 text-sm font-medium text-teal-900">{t("settings.sessions.thisDevice")}</span>
              ) : null}
            </h2>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
              <dt className="font-medium">{t("settings.sessions.device")}</dt>
              <dd>{s.device}</dd>
              <dt className="font-medium">{t("settings.sessions.ip")}</dt>
              <dd className="break-all" dir="ltr">{s.ip}</dd>
              <dt className="font-medium">{t("settings.sessions.signedIn")}</dt>
              <dd>{s.started}</dd>
              <dt className="font-medium">{t("settings.sessions.lastActive")}</dt>
              <dd>{s.lastActive}</dd>
            </dl>
            {s.current ? (
              <p className="text-sm">{t("settings.sessions.useSignOutHint")}</p>
            ) : (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="sessionId" value={s.id} />
                <Button variant="secondary">
                  {t("settings.sessions.endOne")}
                  <span className="sr-only"> {t("settings.sessions.endOneDetail", { device: s.title, time: s.lastActive })}</span>
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post" className="card space-y-2">
          <h2 className="text-base font-semibold">{t("settings.sessions.othersTitle")}</h2>
          <p className="text-sm">{t("settings.sessions.othersBody", { count: others.length })}</p>
          <CsrfInput />
          <input type="hidden" name="intent" value="end-others" />
          <Button>
            {t("settings.sessions.endOthers")}
          </Button>
        </Form>
      ) : (
        <p>{t("settings.sessions.onlyThis")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("settings.sessions.pageTitle")));
