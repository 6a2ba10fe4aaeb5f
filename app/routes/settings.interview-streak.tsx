/**
 * /settings/interview-streak (issue 19): whether the member's interview streak shows on their
 * profile (member_settings.show_interview_streak, off by default). The same form is a section of
 * /settings/profile, which a save returns to; this page shows it alone (and a refused form).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { StreakSetting } from "~/components/interviews/StreakSetting";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { saveStreakOnProfile, showsStreakOnProfile } from "~/modules/interviews/index.server";
import { streakSettingForm } from "~/modules/interviews/history-forms.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { show: await showsStreakOnProfile(getCtx(), user.id), userId: user.id, ...(await pageMessages(request, ["interviewsHistory"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, streakSettingForm, { maxBytes: 2_000 });
  if (!read.ok) return data({ error: read.errors.show ?? read.errors.form ?? null }, { status: 400 });
  const ctx = getCtx();
  // A member without a settings row gets the zone they are shown now (a row means a chosen zone).
  const { zone } = await effectiveZone(ctx, user.id, request);
  await saveStreakOnProfile(ctx, user.id, read.data.show, zone);
  const flash = await flashHeader(read.data.show ? "interviewsHistory.setting.savedOn" : "interviewsHistory.setting.savedOff");
  return redirect("/settings/profile#interview-streak", { headers: { "Set-Cookie": flash } });
}

export default function InterviewStreakSetting() {
  const { show, userId } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-3">
      <StreakSetting show={show} error={failed?.error} heading="h1" />
      <p className="text-sm">
        <Link to={`/u/${userId}`}>{t("interviewsHistory.setting.seeProfile")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("interviewsHistory.setting.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/settings/profile", label: t("common.nav.profileAndSettings") }]} />;
}
