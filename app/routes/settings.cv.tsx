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
import { useT } from "~/lib/i18n";
import { isMessageId, languageOf, pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { checkCvUpload, CV_FORM } from "~/modules/jobs/apply-form.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { CV_MESSAGES } from "~/modules/jobs/cv";
import { keepProfileCv, removeProfileCv, savedCvOf } from "~/modules/profile/cv.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cv = await savedCvOf(getCtx(), user.id, await languageOf(request));
  return { cv: cv ? { label: cv.label } : null, ...(await pageMessages(request, ["profile"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const t = await translatorFor(request);
  const read = await readForm(request, noFields, CV_FORM);
  if (read.tooLarge) return data({ error: t("profile.cv.tooLarge") }, { status: 413 });
  const intent = read.form.get("intent");
  const done = async (message: string) => redirect("/settings/cv", { headers: { "Set-Cookie": await flashHeader(message, "success") } });
  if (intent === "remove") {
    const removed = await removeProfileCv(ctx, user.id);
    return done(removed ? "profile.cv.removed" : "profile.cv.noneToRemove");
  }
  if (intent !== "upload") return data({ error: t("profile.cv.chooseFile") }, { status: 400 });
  const checked = checkCvUpload(read.files.cv);
  if (!checked.ok) {
    // The CV check's words belong to the jobs area: a message id there is put into the reader's words here.
    const error = checked.message === CV_MESSAGES.tooLarge ? t("profile.cv.tooLarge") : isMessageId(checked.message) ? t(checked.message) : checked.message;
    return data({ error }, { status: checked.message === CV_MESSAGES.tooLarge ? 413 : 400 });
  }
  await keepProfileCv(ctx, user, checked.file, request);
  return done("profile.cv.saved");
}

export default function CvSettings() {
  const { cv } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  // With JavaScript, a file over 5 MB is refused before it is sent.
  const [tooLarge, checkSize] = useCvSizeCheck();
  const error = tooLarge ? t("profile.cv.tooLarge") : failed?.error;
  return (
    <section aria-labelledby="cv-title" className="space-y-4">
      <h1 id="cv-title">{t("profile.cv.title")}</h1>
      <p>{t("profile.cv.intro")}</p>
      <ErrorSummary errors={error ? { cv: error } : null} labels={{ cv: cv ? t("profile.cv.newLabel") : t("profile.cv.fileLabel") }} />
      {cv ? (
        <div className="card space-y-2">
          <p>
            {t("profile.cv.savedBefore")}{" "}
            <strong className="break-words" dir="auto">
              {cv.label}
            </strong>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <a href="/settings/cv/file">{t("profile.cv.download")}</a>
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <button type="submit" name="intent" value="remove" className="btn-quiet" disabled={busy === "remove"}>
                {busy === "remove" ? t("profile.cv.removing") : t("profile.cv.remove")}
              </button>
            </Form>
          </div>
        </div>
      ) : (
        <p className="card">{t("profile.cv.noneSaved")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="card space-y-3" noValidate onSubmit={checkSize}>
        <CsrfInput />
        <CvFileInput error={error} label={cv ? t("profile.cv.newLabelReplaces") : t("profile.cv.fileLabel")} hint={t("profile.cv.hint")} required />
        <button type="submit" name="intent" value="upload" className="btn" disabled={busy === "upload"}>
          {busy === "upload" ? t("profile.cv.saving") : t("profile.cv.save")}
        </button>
      </Form>
      <p>
        <Link to="/settings/profile">{t("profile.list.back")}</Link> · <Link to="/jobs">{t("profile.cv.findJob")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("profile.cv.pageTitle"), t("profile.cv.description")));

export function ErrorBoundary() {
  // The route failed, so its own messages never came: the way back is named with the root's words.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/settings/profile", label: t("common.nav.profileAndSettings") }]} />;
}
