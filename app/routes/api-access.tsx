/** Requests for access to Ladder's API: a public form; the admins follow up by email. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields } from "~/components/ContactFields";
import { CsrfInput, ErrorSummary, Field, Honeypot, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { apiAccessSchema } from "~/modules/signups/forms.server";
import { answerPublicForm, PUBLIC_FORM_MAX_BYTES } from "~/modules/signups/public-form.server";
import { saveApiAccessRequest } from "~/modules/signups/signups.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { name: user?.name ?? "", email: user?.email ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, apiAccessSchema, { maxBytes: PUBLIC_FORM_MAX_BYTES });
  return answerPublicForm(read, context, {
    name: "api-access",
    notSent: "Your request could not be sent. Please try again.",
    tooMany: "Too many API access requests from your network.",
    save: saveApiAccessRequest,
    thanks: "/api-access/thanks",
  });
}

const labels = {
  fullName: "Full name",
  email_address: "Email address",
  phone_number: "Phone number",
  orgName: "Organisation",
  work: "Your work",
  benefits: "How would the API help the people you serve?",
};

export default function ApiAccess() {
  const defaults = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <section aria-labelledby="api-title" className="mx-auto max-w-md space-y-4">
      <h1 id="api-title">API access</h1>
      <p>
        Placement cells, training programmes and employers can ask for access to Ladder&apos;s API to post jobs and follow
        applications. Tell us who you are and we will write to you.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <ContactFields names={{ fullName: "fullName", email: "email_address", phone: "phone_number" }} labels={labels} values={values} errors={errors} defaults={defaults} />
        <Field
          label={`${labels.orgName} (optional)`}
          name="orgName"
          autoComplete="organization"
          maxLength={200}
          defaultValue={values?.orgName}
          error={errors?.orgName}
        />
        <Field
          label={`${labels.work} (optional)`}
          name="work"
          maxLength={2000}
          hint="Your role, e.g. placement officer or HR systems lead."
          defaultValue={values?.work}
          error={errors?.work}
        />
        <TextareaField
          label={`${labels.benefits} (optional)`}
          name="benefits"
          rows={4}
          maxLength={2000}
          hint="At most 2,000 characters."
          defaultValue={values?.benefits}
          error={errors?.benefits}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Sending…" : "Ask for API access"}
        </Button>
      </Form>
      <p className="text-sm text-stone-600">We use these details only to write to you about API access.</p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("API access | Ladder", "Placement cells, training programmes and employers can ask for access to Ladder's API to post jobs and follow applications.");
