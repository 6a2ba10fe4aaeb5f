/** Interest in Ladder Premium: a public form; the admins follow up by email. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContactFields } from "~/components/ContactFields";
import { CsrfInput, ErrorSummary, Honeypot, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { premiumSchema } from "~/modules/signups/forms.server";
import { savePremiumInterest } from "~/modules/signups/signups.server";
import { hit, tooManyRequests, LIMITS } from "~/services/rate-limit.server";
import { clientIp } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { name: user?.name ?? "", email: user?.email ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, premiumSchema, { maxBytes: 64_000 });
  const { values } = parsed;
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  if (parsed.form.get("website")) return invalid({ form: "Your message could not be sent. Please try again." });
  if (!parsed.ok) return invalid(parsed.errors);

  const ctx = getCtx();
  const limit = await hit(ctx, `premium:ip:${clientIp(context) ?? "unknown"}`, LIMITS.publicFormPerIp);
  if (!limit.allowed) throw tooManyRequests("Too many Premium sign-ups from your network.", limit.retryAfterSeconds);
  await savePremiumInterest(ctx, parsed.data);
  return redirect("/premium/thanks");
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
