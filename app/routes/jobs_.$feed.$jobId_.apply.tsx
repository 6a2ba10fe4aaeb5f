/**
 * /jobs/<feed>/<job_id>/apply: the application form for a listed job posted in Ladder (name and
 * email prefilled, cover letter, CV as PDF or DOCX up to 5 MB). A plain multipart form; refusals
 * come back with the message beside the field and what was typed (a browser cannot keep a chosen
 * file, so the page says to choose it again). Nothing is stored unless everything is right.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useState } from "react";
import { CvFileInput, useCvSizeCheck } from "~/components/CvFileInput";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { getCtx } from "~/db.server";
import type { FieldErrors } from "~/lib/forms";
import { requireUser } from "~/modules/accounts/current-user.server";
import { checkCvUpload, CV_FORM } from "~/modules/jobs/apply-form.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { keepProfileCv, readSavedCv, savedCvOf } from "~/modules/profile/cv.server";
import { COVER_LETTER_MAX } from "~/modules/jobs/application-rules";
import { applicationPath, applySchema, applyTarget, liveApplicationId, submitApplication, type ApplyTarget } from "~/modules/jobs/applications.server";
import { CV_MESSAGES, type CvKind } from "~/modules/jobs/cv";
import { jobPath, isFeedSlug } from "~/modules/jobs/feeds";
import { flashHeader } from "~/services/flash.server";
import { hit, LIMITS, tooManyRequests } from "~/services/rate-limit.server";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

const SAVED_CV_GONE = "The CV on your profile changed or was removed since this page was opened. Choose a file to upload, or open the form again.";
const CHOOSE_AGAIN = "Choose your CV file again: browsers do not keep a chosen file after the page reloads.";

/** The job, or the honest error page: closed jobs are gone (410), others are not open here (404). */
function requireTarget(target: ApplyTarget): Extract<ApplyTarget, { ok: true }> {
  if (target.ok) return target;
  if (target.reason === "closed") throw new Response(`“${target.title}” is closed and no longer takes applications.`, { status: 410 });
  if (target.reason === "external") {
    throw new Response(`“${target.title}” takes applications on the employer’s own site, not in Ladder: the job page has the link.`, { status: 404 });
  }
  throw new Response("There is no job open for applications at this address. It may not be approved yet, or the link is wrong.", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const target = requireTarget(await applyTarget(ctx, params.feed, params.jobId));
  const [already, savedCv] = await Promise.all([liveApplicationId(ctx, user.id, target.feed, target.jobId), savedCvOf(ctx, user.id)]);
  return {
    savedCv: savedCv ? { id: String(savedCv.uploadId), label: savedCv.label } : null,
    job: { title: target.title, employer: target.employer, href: jobPath(target.feed, target.jobId) },
    already: already ? applicationPath(already) : null,
    values: { name: user.name ?? "", email: user.email, coverLetter: "" },
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string>; already?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const target = requireTarget(await applyTarget(ctx, params.feed, params.jobId));
  const limited = await hit(ctx, `apply:${user.id}`, LIMITS.applyPerMember);
  if (!limited.allowed) throw tooManyRequests("You have sent many applications in the last hour.", limited.retryAfterSeconds);

  const read = await readForm(request, applySchema, CV_FORM);
  if (read.tooLarge) {
    const message = `${CV_MESSAGES.tooLarge} The upload was too large to read, so your cover letter did not arrive either: please paste it again.`;
    return data<Failure>({ errors: { cv: message }, values: {} }, { status: 413 });
  }
  const { form, values } = read;
  const cv = read.files.cv;
  const errors: FieldErrors = { ...read.errors };
  // A chosen file wins; otherwise "Use my saved CV" names the upload, which must be on this member's own profile.
  let file: { bytes: Uint8Array; kind: CvKind } | null = null;
  let uploaded = false;
  const choice = values.cvChoice ?? "upload";
  if (cv || choice === "upload") {
    const checked = checkCvUpload(cv);
    if (checked.ok) [file, uploaded] = [checked.file, true];
    else errors.cv = cv ? `${checked.message} ${CHOOSE_AGAIN}` : checked.message;
  } else {
    const saved = await readSavedCv(ctx, user.id, Number(choice));
    if (saved) file = { bytes: saved.bytes, kind: saved.kind };
    else [errors.cv, values.cvChoice] = [SAVED_CV_GONE, "upload"];
  }
  if (!read.ok || !file) {
    if (!errors.cv && choice === "upload") errors.cv = CHOOSE_AGAIN;
    return data<Failure>({ errors, values }, { status: 400 });
  }

  const outcome = await submitApplication(ctx, { userId: user.id, accountEmail: user.email, target, input: read.data, cv: file });
  if (!outcome.ok) {
    return data<Failure>(
      { errors: { form: "You already applied to this job." }, values, already: outcome.applicationId ? applicationPath(outcome.applicationId) : "/applications" },
      { status: 409 },
    );
  }
  let kept = "";
  if (uploaded && form.get("keepCv") === "on") {
    await keepProfileCv(ctx, user, file, request);
    kept = " Your CV is also kept on your profile for next time.";
  }
  return redirect(applicationPath(outcome.id), {
    headers: { "Set-Cookie": await flashHeader(`Your application to ${target.title} is sent. You will hear here and by email when its status changes.${kept}`) },
  });
}

const LABELS = { name: "Your name", email: "Email for this application", coverLetter: "Cover letter", cv: "CV" };
const CV_HINT = "A PDF or Word (.docx) file of at most 5 MB. Only you, the person who posted the job and the career team can open it.";

export default function Apply() {
  const { job, already, savedCv, values: prefilled } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  // With JavaScript, a CV over 5 MB is refused before it is sent (no upload on a slow link).
  const [tooLarge, checkSize] = useCvSizeCheck();
  const errors = tooLarge ? { ...(failure?.errors ?? {}), cv: CV_MESSAGES.tooLarge } : (failure?.errors ?? {});
  const values: Record<string, string> = { ...prefilled, ...(failure?.values ?? {}) };
  const [useSaved, setUseSaved] = useState(savedCv !== null && (values.cvChoice ?? savedCv.id) === savedCv.id);
  const alreadyHref = failure?.already ?? already;

  return (
    <section aria-labelledby="apply-title" className="space-y-4">
      <p>
        <Link to={job.href}><Arrow to="back" /> Back to the job</Link>
      </p>
      <h1 id="apply-title">
        Apply: {job.title}
        {job.employer ? <span className="block text-base font-normal">{job.employer}</span> : null}
      </h1>
      {alreadyHref ? (
        <div role="status" className="card space-y-2">
          <p className="font-medium">You already applied to this job.</p>
          <p>
            <Link to={alreadyHref}>See your application</Link> · <Link to="/applications">All your applications</Link>
          </p>
          <p className="text-sm text-stone-600">You can apply again only after withdrawing that application.</p>
        </div>
      ) : (
        <Form method="post" encType="multipart/form-data" className="card space-y-4" noValidate onSubmit={checkSize}>
          <CsrfInput />
          <ErrorSummary errors={failure?.already ? null : errors} labels={LABELS} />
          <Field label={LABELS.name} name="name" autoComplete="name" defaultValue={values.name} error={errors.name} required maxLength={255} />
          <Field
            label={LABELS.email}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            error={errors.email}
            hint="The employer writes to this address about this application. Change it if you like."
            required
          />
          <TextareaField
            label={LABELS.coverLetter}
            name="coverLetter"
            rows={10}
            defaultValue={values.coverLetter}
            error={errors.coverLetter}
            hint={`Why this job, and why you. At most ${COVER_LETTER_MAX.toLocaleString("en")} characters.`}
            required
          />
          {savedCv ? (
            <fieldset className="space-y-2">
              <legend className="font-medium">{LABELS.cv}</legend>
              <label className="flex items-start gap-2">
                <input type="radio" name="cvChoice" value={savedCv.id} checked={useSaved} onChange={() => setUseSaved(true)} className="mt-1.5" />
                <span className="break-words">{`Use my saved CV (${savedCv.label})`}</span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="cvChoice" value="upload" checked={!useSaved} onChange={() => setUseSaved(false)} className="mt-1.5" />
                <span>Upload another file (choosing a file below uses it)</span>
              </label>
              <CvFileInput error={errors.cv} label="Another CV file" hint={CV_HINT} onPick={() => setUseSaved(false)} required={false} />
            </fieldset>
          ) : (
            <CvFileInput error={errors.cv} label={LABELS.cv} hint={CV_HINT} required />
          )}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="keepCv" defaultChecked={values.keepCv === "on"} className="mt-1.5" />
            <span>{savedCv ? "Keep an uploaded file on my profile instead of the saved one" : "Also keep this file on my profile, to apply without uploading next time"}</span>
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn" disabled={busy}>
              {busy ? "Sending…" : "Send application"}
            </button>
            <Link to={job.href}>Cancel</Link>
          </div>
        </Form>
      )}
    </section>
  );
}

/** The root's headers; a 429 shown by this route's boundary keeps its Retry-After. */
export const headers: HeadersFunction = ({ errorHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  const retry = errorHeaders?.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `Apply: ${d.job.title} | Ladder` : "Apply | Ladder");

export function ErrorBoundary() {
  const { feed, jobId } = useParams();
  const jobHref = isFeedSlug(feed) && jobId ? jobPath(feed, jobId) : null;
  return (
    <RouteErrorBoundary
      back={[
        ...(jobHref ? [{ to: jobHref, label: "The job page" }] : []),
        { to: "/jobs", label: "All jobs" },
        { to: "/applications", label: "Your applications" },
      ]}
    />
  );
}
