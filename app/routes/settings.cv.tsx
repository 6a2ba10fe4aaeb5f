/**
 * /settings/cv: the one CV a member keeps on their profile, to pick when applying instead of
 * uploading it again on a slow link (decision 027). Upload or replace it (PDF or DOCX, at most
 * 5 MB, checked by its bytes), download it, or remove it. Only its owner sees any of this.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CvFileInput, useCvSizeCheck } from "~/components/CvFileInput";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getCtx } from "~/db.server";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { checkCvUpload, CV_FORM } from "~/modules/jobs/apply-form.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { CV_MESSAGES } from "~/modules/jobs/cv";
import { keepProfileCv, removeProfileCv, savedCvOf } from "~/modules/profile/cv.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cv = await savedCvOf(getCtx(), user.id);
  return { cv: cv ? { label: cv.label } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const read = await readForm(request, noFields, CV_FORM);
  if (read.tooLarge) return data({ error: CV_MESSAGES.tooLarge }, { status: 413 });
  const intent = read.form.get("intent");
  const done = async (message: string) => redirect("/settings/cv", { headers: { "Set-Cookie": await flashHeader(message) } });
  if (intent === "remove") {
    const removed = await removeProfileCv(ctx, user.id);
    return done(removed ? "Your CV is removed from your profile. Applications you sent keep theirs." : "There was no CV on your profile.");
  }
  if (intent !== "upload") return data({ error: "Choose a file, then press Save CV." }, { status: 400 });
  const checked = checkCvUpload(read.files.cv);
  if (!checked.ok) return data({ error: checked.message }, { status: checked.message === CV_MESSAGES.tooLarge ? 413 : 400 });
  await keepProfileCv(ctx, user, checked.file, request);
  return done("Your CV is saved. Pick it when you apply for a job.");
}

export default function CvSettings() {
  const { cv } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  // With JavaScript, a file over 5 MB is refused before it is sent.
  const [tooLarge, checkSize] = useCvSizeCheck();
  const error = tooLarge ? CV_MESSAGES.tooLarge : failed?.error;
  return (
    <section aria-labelledby="cv-title" className="space-y-4">
      <h1 id="cv-title">Your CV</h1>
      <p>Keep one CV here and pick it when you apply, instead of uploading it every time. Only you can open it; an employer sees it only in an application you send.</p>
      <ErrorSummary errors={error ? { cv: error } : null} labels={{ cv: cv ? "A new CV" : "Your CV file" }} />
      {cv ? (
        <div className="card space-y-2">
          <p>
            Saved: <strong className="break-words">{cv.label}</strong>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <a href="/settings/cv/file">Download your CV</a>
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <button type="submit" name="intent" value="remove" className="btn-quiet" disabled={busy === "remove"}>
                {busy === "remove" ? "Removing…" : "Remove it from my profile"}
              </button>
            </Form>
          </div>
        </div>
      ) : (
        <p className="card">No CV saved yet.</p>
      )}
      <Form method="post" encType="multipart/form-data" className="card space-y-3" noValidate onSubmit={checkSize}>
        <CsrfInput />
        <CvFileInput error={error} label={cv ? "A new CV (replaces the saved one)" : "Your CV file"} hint="A PDF or Word (.docx) file of at most 5 MB." required />
        <button type="submit" name="intent" value="upload" className="btn" disabled={busy === "upload"}>
          {busy === "upload" ? "Saving…" : "Save CV"}
        </button>
      </Form>
      <p>
        <Link to="/settings/profile">Back to your profile</Link> · <Link to="/jobs">Find a job</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your CV | Ladder", "The CV you keep on Ladder to apply without uploading it again.");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/settings/cv", label: "Your CV" }, { to: "/settings/profile", label: "Your profile" }]} />;
}
