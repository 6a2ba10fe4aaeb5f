/**
 * Name, email and phone, as the public sign-up forms (/premium, /api-access) ask for them. Each
 * field is named after its table's column, and the two tables spell the columns differently
 * (premuser.emailAddress, apiuser.email_address), so the names are passed in.
 */
import { Field } from "~/components/forms";
import { useT } from "~/lib/i18n";

type Names = { fullName: string; email: string; phone: string };

export function ContactFields({
  names,
  labels,
  values,
  errors,
  defaults,
}: {
  names: Names;
  labels: Record<string, string>;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  defaults: { name: string; email: string };
}) {
  const t = useT();
  return (
    <>
      <Field label={labels[names.fullName]} name={names.fullName} autoComplete="name" required maxLength={128} defaultValue={values?.[names.fullName] ?? defaults.name} error={errors?.[names.fullName]} />
      <Field
        label={labels[names.email]}
        name={names.email}
        type="email"
        autoComplete="email"
        required
        maxLength={128}
        defaultValue={values?.[names.email] ?? defaults.email}
        error={errors?.[names.email]}
      />
      <Field label={`${labels[names.phone]} (${t("common.form.optional")})`} name={names.phone} type="tel" autoComplete="tel" maxLength={32} defaultValue={values?.[names.phone]} error={errors?.[names.phone]} />
    </>
  );
}
