import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n";

/** The page after a public sign-up form: what happens next, and a way back (its route sends `signups`). */
export function ThankYou({ message }: { message: string }) {
  const t = useT();
  return (
    <section aria-labelledby="thanks-title" className="card mx-auto max-w-md space-y-3">
      <h1 id="thanks-title">{t("signups.thanks.title")}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("common.error.backHome")}</Link>
      </p>
    </section>
  );
}
