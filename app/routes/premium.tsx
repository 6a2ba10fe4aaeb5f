/** Interest in Ladder Premium: a public form; the admins follow up by email. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields } from "~/components/ContactFields";
import { CsrfInput, ErrorSummary, Honeypot, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { premiumSchema } from "~/modules/signups/forms.server";
import { answerPublicForm, PUBLIC_FORM_MAX_BYTES } from "~/modules/signups/public-form.server";
import { savePremiumInterest } from "~/modules/signups/signups.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { name: user?.name ?? "", email: user?.email ?? "", ...(await pageMessages(request, ["signups"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, premiumSchema, { maxBytes: PUBLIC_FORM_MAX_BYTES });
  return answerPublicForm(request, read, context, {
    name: "premium",
    notSent: "signups.premium.notSent",
    tooMany: "signups.premium.tooMany",
    save: savePremiumInterest,
    thanks: "/premium/thanks",
  });
}

export default function Premium() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const labels = {
    fullName: t("signups.form.fullName"),
    emailAddress: t("signups.form.email"),
    phoneNumber: t("signups.form.phone"),
    paragraphInterest: t("signups.premium.interest"),
  };
  const optional = (label: string) => `${label} (${t("common.form.optional")})`;
  return (
    <section aria-labelledby="premium-title" className="mx-auto max-w-md space-y-4">
      <h1 id="premium-title">{t("signups.premium.title")}</h1>
      <p>{t("signups.premium.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <ContactFields
          names={{ fullName: "fullName", email: "emailAddress", phone: "phoneNumber" }}
          labels={labels}
          values={values}
          errors={errors}
          defaults={{ name, email }}
        />
        <TextareaField
          label={optional(labels.paragraphInterest)}
          name="paragraphInterest"
          rows={4}
          maxLength={2000}
          hint={t("signups.form.at2000")}
          defaultValue={values?.paragraphInterest}
          error={errors?.paragraphInterest}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("signups.form.sending") : t("signups.premium.submit")}
        </Button>
      </Form>
      <p className="text-sm text-stone-600">{t("signups.premium.privacy")}</p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("signups.premium.metaTitle"), t("signups.premium.metaDescription")));
