/** Interest in Ladder Premium: a public form; the admins follow up by email. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields } from "~/components/ContactFields";
import { CsrfInput, ErrorSummary, Honeypot, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { premiumSchema } from "~/modules/signups/forms.server";
import { answerPublicForm, PUBLIC_FORM_MAX_BYTES } from "~/modules/signups/public-form.server";
import { savePremiumInterest } from "~/modules/signups/signups.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { name: user?.name ?? "", email: user?.email ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, premiumSchema, { maxBytes: PUBLIC_FORM_MAX_BYTES });
  return answerPublicForm(read, context, {
    name: "premium",
    notSent: "Your message could not be sent. Please try again.",
    tooMany: "Too many Premium sign-ups from your network.",
    save: savePremiumInterest,
    thanks: "/premium/thanks",
  });
}

const labels = { fullName: "Full name", emailAddress: "Email address", phoneNumber: "Phone number", paragraphInterest: "What would help you most" };

export default function Premium() {
  const defaults = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <section aria-labelledby="premium-title" className="mx-auto max-w-md space-y-4">
      <h1 id="premium-title">Ladder Premium</h1>
      <p>
        Premium is coming: CV reviews by people who hire, more coach messages, and priority on applications. Leave your
        details and we will write to you when it opens. Ladder stays free.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <ContactFields names={{ fullName: "fullName", email: "emailAddress", phone: "phoneNumber" }} labels={labels} values={values} errors={errors} defaults={defaults} />
        <TextareaField
          label={`${labels.paragraphInterest} (optional)`}
          name="paragraphInterest"
          rows={4}
          maxLength={2000}
          hint="At most 2,000 characters."
          defaultValue={values?.paragraphInterest}
          error={errors?.paragraphInterest}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Sending…" : "Tell me when Premium opens"}
        </Button>
      </Form>
      <p className="text-sm text-stone-600">We use these details only to write to you about Premium.</p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Ladder Premium | Ladder", "Ladder Premium is coming: CV reviews by people who hire, more coach messages and priority on applications. Ladder stays free.");
