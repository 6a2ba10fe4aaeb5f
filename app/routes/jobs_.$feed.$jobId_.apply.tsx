/**
 * /jobs/<feed>/<job_id>/apply: the application form for a listed job posted in Ladder (name and
 * email prefilled, cover letter, CV as PDF or DOCX up to 5 MB). A plain multipart form; refusals
 * come back with the message beside the field and what was typed (a browser cannot keep a chosen
 * file, so the page says to choose it again). Nothing is stored unless everything is right.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { CV_MESSAGE_IDS, cvMessageId, type CvKind } from "~/modules/jobs/cv";
import { jobPath, isFeedSlug } from "~/modules/jobs/feeds";
import { flashHeader } from "~/services/flash.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { Arrow } from "~/components/ui/Arrow";

/** The job, or the honest error page: closed jobs are gone (410), others are not open here (404). */
function requireTarget(target: ApplyTarget, t: Translate): Extract<ApplyTarget, { ok: true }> {
  if (target.ok) return target;
  if (target.reason === "closed") throw new Response(t("jobs.apply.closed", { title: target.title ?? t("jobs.job.untitled") }), { status: 410 });
  if (target.reason === "external") throw new Response(t("jobs.apply.external", { title: target.title ?? t("jobs.job.untitled") }), { status: 404 });
  throw new Response(t("jobs.apply.notOpen"), { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const t = await translatorFor(request);
  const target = requireTarget(await applyTarget(ctx, params.feed, params.jobId), t);
  const [already, savedCv] = await Promise.all([liveApplicationId(ctx, user.id, target.feed, target.jobId), savedCvOf(ctx, user.id)]);
  return {
    savedCv: savedCv ? { id: String(savedCv.uploadId), label: savedCv.label } : null,
    job: { title: target.title ?? t("jobs.job.untitled"), employer: target.employer, href: jobPath(target.feed, target.jobId) },
    already: already ? applicationPath(already) : null,
    values: { name: user.name ?? "", email: user.email, coverLetter: "" },
    ...(await pageMessages(request, ["jobs"])),
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string>; already?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const t = await translatorFor(request);
  const target = requireTarget(await applyTarget(ctx, params.feed, params.jobId), t);
  const limited = await hit(ctx, `apply:${user.id}`, LIMITS.applyPerMember);
  if (!limited.allowed) {
    const minutes = Math.ceil(limited.retryAfterSeconds / 60);
    throw new Response(t("jobs.apply.limited", { minutes }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }

  const read = await readForm(request, applySchema, CV_FORM);
  if (read.tooLarge) {
    const message = `${t(CV_MESSAGE_IDS.tooLarge)} ${t("jobs.apply.tooLargeMore")}`;
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
    else errors.cv = cv ? `${t(cvMessageId(checked.message))} ${t("jobs.apply.chooseAgain")}` : t(cvMessageId(checked.message));
  } else {
    const saved = await readSavedCv(ctx, user.id, Number(choice));
    if (saved) file = { bytes: saved.bytes, kind: saved.kind };
    else [errors.cv, values.cvChoice] = [t("jobs.apply.savedCvGone"), "upload"];
  }
  if (!read.ok || !file) {
    if (!errors.cv && choice === "upload") errors.cv = t("jobs.apply.chooseAgain");
    return data<Failure>({ errors, values }, { status: 400 });
  }

  const outcome = await submitApplication(ctx, { userId: user.id, accountEmail: user.email, target, input: read.data, cv: file });
  if (!outcome.ok) {
    return data<Failure>(
      { errors: { form: t("jobs.apply.already") }, values, already: outcome.applicationId ? applicationPath(outcome.applicationId) : "/applications" },
      { status: 409 },
    );
  }
  let kept = false;
  if (uploaded && form.get("keepCv") === "on") {
    await keepProfileCv(ctx, user, file, request);
    kept = true;
  }
  return redirect(applicationPath(outcome.id), {
    headers: { "Set-Cookie": await flashHeader(kept ? "jobs.apply.sentKept" : "jobs.apply.sent", "success", { title: target.title ?? t("jobs.job.untitled") }) },
  });
}

export default function Apply() {
  const t = useT();
  const LABELS = { name: t("jobs.apply.name"), email: t("jobs.apply.email"), coverLetter: t("jobs.apply.coverLetter"), cv: t("jobs.apply.cv") };
  const CV_HINT = t("jobs.apply.cvHint");
  const { job, already, savedCv, values: prefilled } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  // With JavaScript, a CV over 5 MB is refused before it is sent (no upload on a slow link).
  const [tooLarge, checkSize] = useCvSizeCheck();
  const errors = tooLarge ? { ...(failure?.errors ?? {}), cv: t(CV_MESSAGE_IDS.tooLarge) } : (failure?.errors ?? {});
  const values: Record<string, string> = { ...prefilled, ...(failure?.values ?? {}) };
  const [useSaved, setUseSaved] = useState(savedCv !== null && (values.cvChoice ?? savedCv.id) === savedCv.id);
  const alreadyHref = failure?.already ?? already;

  return (
    <section aria-labelledby="apply-title" className="space-y-4">
      <p>
        <Link to={job.href}>
          <Arrow to="back" /> {t("jobs.apply.back")}
        </Link>
      </p>
      <h1 id="apply-title">
        {t("jobs.apply.heading")} <bdi>{job.title}</bdi>
        {job.employer ? (
          <span className="block text-base font-normal" dir="auto">
            {job.employer}
          </span>
        ) : null}
      </h1>
      {alreadyHref ? (
        <div role="status" className="card space-y-2">
          <p className="font-medium">{t("jobs.apply.already")}</p>
          <p>
            <Link to={alreadyHref}>{t("jobs.apply.seeApplication")}</Link> · <Link to="/applications">{t("jobs.apply.allApplications")}</Link>
          </p>
          <p className="text-sm text-stone-600">{t("jobs.apply.again")}</p>
        </div>
      ) : (
        <Form method="post" encType="multipart/form-data" className="card space-y-4" noValidate onSubmit={checkSize}>
          <CsrfInput />
          <ErrorSummary errors={failure?.already ? null : errors} labels={LABELS} />
          <Field label={LABELS.name} name="name" autoComplete="name" dir="auto" defaultValue={values.name} error={errors.name} required maxLength={255} />
          <Field
            label={LABELS.email}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            error={errors.email}
            hint={t("jobs.apply.emailHint")}
            required
          />
          <TextareaField
            label={LABELS.coverLetter}
            name="coverLetter"
            dir="auto"
            rows={10}
            defaultValue={values.coverLetter}
            error={errors.coverLetter}
            hint={t("jobs.apply.coverHint", { max: COVER_LETTER_MAX })}
            required
          />
          {savedCv ? (
            <fieldset className="space-y-2">
              <legend className="font-medium">{LABELS.cv}</legend>
              <label className="flex items-start gap-2">
                <input type="radio" name="cvChoice" value={savedCv.id} checked={useSaved} onChange={() => setUseSaved(true)} className="mt-1.5" />
                <span className="break-words">{t("jobs.apply.useSaved", { label: savedCv.label })}</span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" name="cvChoice" value="upload" checked={!useSaved} onChange={() => setUseSaved(false)} className="mt-1.5" />
                <span>{t("jobs.apply.uploadAnother")}</span>
              </label>
              <CvFileInput error={errors.cv} label={t("jobs.apply.anotherCv")} hint={CV_HINT} onPick={() => setUseSaved(false)} required={false} />
            </fieldset>
          ) : (
            <CvFileInput error={errors.cv} label={LABELS.cv} hint={CV_HINT} required />
          )}
          <label className="flex items-start gap-2">
            <input type="checkbox" name="keepCv" defaultChecked={values.keepCv === "on"} className="mt-1.5" />
            <span>{t(savedCv ? "jobs.apply.keepInstead" : "jobs.apply.keepAlso")}</span>
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn" disabled={busy}>
              {t(busy ? "jobs.apply.sending" : "jobs.apply.send")}
            </button>
            <Link to={job.href}>{t("jobs.cancel")}</Link>
          </div>
        </Form>
      )}
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.apply.title", { title: args.data?.job.title ?? "" }) })));

export function ErrorBoundary() {
  const t = useT();
  const { feed, jobId } = useParams();
  const jobHref = isFeedSlug(feed) && jobId ? jobPath(feed, jobId) : null;
  return (
    <RouteErrorBoundary
      back={[
        // Only the common words reach an error page (this route's own messages come with its data, which failed).
        { to: jobHref ?? "/jobs", label: t("common.area.jobs") },
        { to: "/applications", label: t("common.area.applications") },
      ]}
    />
  );
}
