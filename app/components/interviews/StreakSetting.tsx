/**
 * "Show my interview streak on my profile" (issue 19): one checkbox, its own small form posting
 * to /settings/interview-streak, shown on /settings/profile and on that page. Needs the
 * "interviewsHistory" messages on the page.
 */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";

export function StreakSetting({ show, error, heading: Heading = "h2" }: { show: boolean; error?: string | null; heading?: "h1" | "h2" }) {
  const t = useT();
  return (
    <section aria-labelledby="interview-streak" className="card space-y-2">
      <Heading id="interview-streak">{t("interviewsHistory.setting.title")}</Heading>
      <Form method="post" action="/settings/interview-streak" className="space-y-2">
        <CsrfInput />
        <label className="inline-flex min-h-6 items-center gap-2">
          <input type="checkbox" name="show" defaultChecked={show} aria-describedby="interview-streak-hint" />
          {t("interviewsHistory.setting.label")}
        </label>
        <p id="interview-streak-hint" className="text-sm text-stone-600">
          {t("interviewsHistory.setting.hint")}
        </p>
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
        <Button variant="secondary">{t("interviewsHistory.setting.save")}</Button>
      </Form>
    </section>
  );
}
