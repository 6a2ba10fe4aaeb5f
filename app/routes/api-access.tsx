/** Requests for access to Ladder's API: a public form; the admins follow up by email. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields } from "~/components/ContactFields";
import { CsrfInput, ErrorSummary, Field, Honeypot, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { apiAccessSchema } from "~/modules/signups/forms.server";
import { answerPublicForm, PUBLIC_FORM_MAX_BYTES } from "~/modules/signups/public-form.server";
import { saveApiAccessRequest } from "~/modules/signups/signups.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { name: user?.name ?? "", email: user?.email ?? "", ...(await pageMessages(request, ["signups"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, apiAccessSchema, { maxBytes: PUBLIC_FORM_MAX_BYTES });
  return answerPublicForm(request, read, context, {
    name: "api-access",
    notSent: "signups.api.notSent",
    tooMany: "signups.api.tooMany",
    save: saveApiAccessRequest,
    thanks: "/api-access/thanks",
  });
}

export default function ApiAccess() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const labels = {
    fullName: t("signups.form.fullName"),
    email_address: t("signups.form.email"),
    phone_number: t("signups.form.phone"),
    orgName: t("signups.api.orgName"),
    work: t("signups.api.work"),
    benefits: t("signups.api.benefits"),
  };
  const optional = (label: string) => `${label} (${t("common.form.optional")})`;
  return (
    <section aria-labelledby="api-title" className="mx-auto max-w-md space-y-4">
      <h1 id="api-title">{t("signups.api.title")}</h1>
      <p>{t("signups.api.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <ContactFields
          names={{ fullName: "fullName", email: "email_address", phone: "phone_number" }}
          labels={labels}
          values={values}
          errors={errors}
          defaults={{ name, email }}
        />
        <Field
          label={optional(labels.orgName)}
          name="orgName"
          autoComplete="organization"
          maxLength={200}
          defaultValue={values?.orgName}
          error={errors?.orgName}
        />
        <Field
          label={optional(labels.work)}
          name="work"
          maxLength={2000}
          hint={t("signups.api.workHint")}
          defaultValue={values?.work}
          error={errors?.work}
        />
        <TextareaField
          label={optional(labels.benefits)}
          name="benefits"
          rows={4}
          maxLength={2000}
          hint={t("signups.form.at2000")}
          defaultValue={values?.benefits}
          error={errors?.benefits}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("signups.form.sending") : t("signups.api.submit")}
        </Button>
      </Form>
      <p className="text-sm text-stone-600">{t("signups.api.privacy")}</p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("signups.api.metaTitle"), t("signups.api.metaDescription")));
