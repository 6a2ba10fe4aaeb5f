/**
 * /settings/profile: the member's own profile, one plain form with one Save for photo, basics,
 * goals and the anonymous identity, so nothing typed in one section is lost by saving another
 * (docs/decisions/027-flows-that-keep-place-and-typing.md).
 * The four lists (education, experience, skills, certifications) are edited on their own pages,
 * /settings/profile/<list>, so that adding or moving an entry without JavaScript reloads a short
 * page that starts at the list (see docs/decisions/009-profiles-and-uploads.md).
 */
import { publicOrigin } from "~/services/request-info.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { AnonymousBadge, TagList } from "~/components/profile";
import { Avatar } from "~/components/ui/Avatar";
import { StreakSetting } from "~/components/interviews/StreakSetting";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { getCtx } from "~/db.server";
import { fieldErrors, formObject, typedValues, type FieldErrors } from "~/lib/forms";
import { useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translatorFor } from "~/lib/i18n.server";
import { newReferralCode } from "~/modules/accounts/accounts.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { showsStreakOnProfile } from "~/modules/interviews/index.server";
import { ANONYMOUS_AVATARS } from "~/modules/profile/anonymous-avatars";
import { replaceAvatar } from "~/modules/profile/avatar.server";
import { AVATAR_BOX, MAX_AVATAR_BYTES, MAX_AVATAR_SIDE } from "~/modules/profile/images";
import { ensureReferralCode, getOwnProfile, updateProfile } from "~/modules/profile/profile.server";
import { savedCvOf } from "~/modules/profile/cv.server";
import { draftsFromSaved, LIST_NAMES, tagsOf, type ListName } from "~/modules/profile/rules";
import { profileSchemas } from "~/modules/profile/schemas.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { metaFor, pageMeta } from "~/lib/meta";

const BASICS = ["name", "headline", "phone", "linkedinURL", "FacebookURL"] as const;
const ABOUT = ["goals", "strengths", "interests"] as const;
const ANONYMOUS = ["anonymous_username", "anonymous_avatar"] as const;
/** A 2 MB photo plus the multipart framing; larger bodies are refused before they are read. */
const FORM_MAX_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

/** One text per field name, as the form shows it. */
type Texts<N extends string> = { [name in N]: string };
function textsOf<const N extends string>(names: readonly N[], text: (name: N) => string) {
  const texts = {} as Texts<N>;
  for (const name of names) texts[name] = text(name);
  return texts;
}

/** One line per saved entry, for the overview (the editors live on /settings/profile/<list>). */
function summaryOf(list: ListName, saved: unknown): string[] {
  return draftsFromSaved(list, saved).map((d) => {
    if (list === "education") return [d.school, d.degree].filter(Boolean).join(", ");
    if (list === "experience") return [d.title, d.company].filter(Boolean).join(", ");
    if (list === "skills") return d.skill;
    return [d.name, d.issuer].filter(Boolean).join(", ");
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const [profile, cv, showStreak] = await Promise.all([getOwnProfile(ctx, user.id), savedCvOf(ctx, user.id, lang), showsStreakOnProfile(ctx, user.id)]);
  if (!profile) throw new Response((await translatorFor(request))("profile.error.noAccount"), { status: 404 });
  const origin = publicOrigin(request);
  const lists = Object.fromEntries(
    LIST_NAMES.map((list) => [list, summaryOf(list, list === "skills" ? profile.professional_skills : profile[list])]),
  ) as Record<ListName, string[]>;
  return {
    id: profile.id,
    avatarUrl: profile.avatarUrl,
    basics: textsOf(BASICS, (f) => profile[f] ?? ""),
    about: textsOf(ABOUT, (f) => tagsOf(profile[f]).join(", ")),
    anonymous: { anonymous_username: profile.anonymous_username ?? "", anonymous_avatar: profile.anonymous_avatar ?? "" },
    lists,
    cv: cv ? { label: cv.label } : null,
    referral: {
      code: profile.referral_code,
      link: profile.referral_code ? `${origin}/signup?ref=${encodeURIComponent(profile.referral_code)}` : null,
      count: profile.referrals,
    },
    showStreak,
    ...(await pageMessages(request, ["profile", "interviewsHistory"])),
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string>; notice?: string };
function fail(errors: FieldErrors, values: Record<string, string> = {}, status = 400) {
  return data<Failure>({ errors, values }, { status });
}

/** The text sections of the one form, checked in the reader's words; a section is saved only when its fields were sent. */
function sections(t: Translate) {
  const { basicsSchema, aboutSchema, anonymousSchema } = profileSchemas(t);
  return [
    { names: BASICS, schema: basicsSchema },
    { names: ABOUT, schema: aboutSchema },
    { names: ANONYMOUS, schema: anonymousSchema },
  ] as const;
}
const TEXT_FIELDS = [...BASICS, ...ABOUT, ...ANONYMOUS];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  let form: FormData;
  try {
    // Each section is checked by its own schema below, and only when the form has its fields.
    ({ form } = await readForm(request, noFields, { maxBytes: FORM_MAX_BYTES }));
  } catch (error) {
    // Only a photo makes a form this large; nothing of it was read (with JavaScript the page refuses it before sending).
    if (error instanceof Response && error.status === 413) {
      return fail({ avatar: t("profile.photo.tooLargeLost") }, {}, 413);
    }
    throw error;
  }
  const ctx = getCtx();
  const meta = { ip: clientIp(context), userAgent: userAgentOf(request), sessionId: user.sessionId };
  const intent = String(form.get("intent") ?? "");
  const values = typedValues(form, TEXT_FIELDS);

  if (intent === "referral") {
    // Like a list's "Add" button (decision 009): it answers with what was typed, nothing else saved.
    await ensureReferralCode(ctx, user.id, newReferralCode);
    return data<Failure>({ errors: {}, values, notice: t("profile.referral.ready") });
  }
  if (intent !== "save") return fail({ form: t("profile.edit.pressSave") });

  // One Save for every section: all of it is checked before anything is written.
  const errors: FieldErrors = {};
  let update: Record<string, unknown> = {};
  for (const section of sections(t)) {
    if (!section.names.some((name) => form.has(name))) continue;
    const parsed = section.schema.safeParse(formObject(form));
    if (parsed.success) update = { ...update, ...parsed.data };
    else Object.assign(errors, fieldErrors(parsed.error));
  }
  const file = form.get("avatar");
  const photo = file instanceof File && !(file.size === 0 && file.name === "") ? file : null;
  if (Object.keys(errors).length > 0) {
    if (photo) errors.avatar = t("profile.photo.chooseAgain");
    return fail(errors, values);
  }
  if (photo) {
    const result = await replaceAvatar(ctx, user.id, new Uint8Array(await photo.arrayBuffer()), { ...meta, t });
    if (!result.ok) return fail({ avatar: result.message }, values, photo.size > MAX_AVATAR_BYTES ? 413 : 400);
  }
  const result = await updateProfile(ctx, user.id, update, { ...meta, t });
  if (!result.ok) return fail({ [result.field]: result.message, ...(photo ? { form: t("profile.photo.savedRestNot") } : {}) }, values);
  return redirect("/settings/profile", { headers: { "Set-Cookie": await flashHeader(photo ? "profile.edit.savedWithPhoto" : "profile.edit.saved", "success") } });
}

/** The form's fields, each named by profile.label.<field>. */
const LABELLED = ["avatar", ...BASICS, ...ABOUT, ...ANONYMOUS] as const;
/** Examples of the addresses the two link fields take (not words: the same in every language). */
const LINKEDIN_EXAMPLE = "https://www.linkedin.com/in/…";
const FACEBOOK_EXAMPLE = "https://www.facebook.com/…";

export default function ProfileSettings() {
  const profile = useLoaderData<typeof loader>();
  const t = useT();
  const LABELS: Record<string, string> = Object.fromEntries(LABELLED.map((name) => [name, t(`profile.label.${name}`)]));
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const lite = (useRouteLoaderData("root") as { lite?: boolean } | undefined)?.lite ?? false;
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  // With JavaScript, a photo over 2 MB is refused before sending, so nothing typed is at risk.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("avatar");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const over = !!file && file.size > MAX_AVATAR_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  const errors: FieldErrors = tooLarge ? { ...(answer?.errors ?? {}), avatar: t("profile.photo.tooLarge") } : (answer?.errors ?? {});
  const saved: Record<string, string> = { ...profile.basics, ...profile.about, ...profile.anonymous };
  // What was typed comes back after a refusal (or the invitation button); otherwise what is saved.
  const typed: Record<string, string> = answer?.values ?? {};
  const value = (name: string) => typed[name] ?? saved[name] ?? "";
  const button = (intent: string, label: string, pending: string, className = "btn") => (
    <button type="submit" name="intent" value={intent} className={className} disabled={busy === intent}>
      {busy === intent ? pending : label}
    </button>
  );

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1>{t("profile.edit.title")}</h1>
        <p>
          {t("profile.edit.introBefore")}{" "}
          <Link to={`/u/${profile.id}`} className="underline">
            {t("profile.edit.introLink")}
          </Link>
          {t("profile.edit.introAfter")}
        </p>
      </div>
      <ErrorSummary errors={errors} labels={LABELS} />
      {answer?.notice ? (
        <p role="status" className="rounded border-s-4 border-teal-700 bg-teal-50 p-3">
          {answer.notice}
        </p>
      ) : null}

      {/* One form and one Save: whatever was typed in any section is sent and kept together (decision 027). */}
      <Form method="post" encType="multipart/form-data" className="space-y-6" noValidate onSubmit={checkSize} key={JSON.stringify(saved)}>
        <CsrfInput />
        <section aria-labelledby="photo-title" className="card space-y-3">
          <h2 id="photo-title">{t("profile.photo.title")}</h2>
          <div className="flex flex-wrap items-center gap-3">
            <Avatar id={profile.id} name={profile.basics.name} avatarUrl={profile.avatarUrl} size="lg" />
            {lite && profile.avatarUrl ? <p className="text-sm">{t("profile.photo.hiddenLite")}</p> : null}
          </div>
          <Field
            label={LABELS.avatar}
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            hint={t("profile.photo.hint", { side: MAX_AVATAR_SIDE, box: AVATAR_BOX })}
            error={errors.avatar}
          />
        </section>

        <section aria-labelledby="basics-title" className="card space-y-3">
          <h2 id="basics-title">{t("profile.basics.title")}</h2>
          <Field label={LABELS.name} name="name" autoComplete="name" required maxLength={100} dir="auto" defaultValue={value("name")} error={errors.name} />
          <Field label={LABELS.headline} name="headline" hint={t("profile.basics.headlineHint")} dir="auto" defaultValue={value("headline")} error={errors.headline} />
          <Field label={LABELS.phone} name="phone" type="tel" autoComplete="tel" hint={t("profile.basics.phoneHint")} dir="ltr" defaultValue={value("phone")} error={errors.phone} />
          <Field label={LABELS.linkedinURL} name="linkedinURL" type="url" placeholder={LINKEDIN_EXAMPLE} dir="ltr" defaultValue={value("linkedinURL")} error={errors.linkedinURL} />
          <Field label={LABELS.FacebookURL} name="FacebookURL" type="url" placeholder={FACEBOOK_EXAMPLE} dir="ltr" defaultValue={value("FacebookURL")} error={errors.FacebookURL} />
        </section>

        <section aria-labelledby="about-title" className="card space-y-3">
          <h2 id="about-title">{t("profile.about.title")}</h2>
          <p className="text-sm text-stone-600">{t("profile.about.hint")}</p>
          {ABOUT.map((name) => (
            <div key={name} className="space-y-1">
              <Field label={LABELS[name]} name={name} dir="auto" defaultValue={value(name)} error={errors[name]} />
              <TagList label={t(`profile.about.your.${name}`)} tags={tagsOf(saved[name])} />
            </div>
          ))}
        </section>

        <section aria-labelledby="anonymous-title" className="card space-y-3">
          <h2 id="anonymous-title">{t("profile.anonymous.title")}</h2>
          <p className="text-sm text-stone-600">{t("profile.anonymous.intro")}</p>
          <Field
            label={LABELS.anonymous_username}
            name="anonymous_username"
            autoComplete="off"
            hint={t("profile.anonymous.nameHint")}
            dir="ltr"
            defaultValue={value("anonymous_username")}
            error={errors.anonymous_username}
          />
          <fieldset aria-describedby={errors.anonymous_avatar ? "anonymous_avatar-error" : undefined}>
            <legend className="font-medium">{LABELS.anonymous_avatar}</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
              {ANONYMOUS_AVATARS.map((name) => (
                <label key={name} className="flex items-center gap-2 rounded p-1 hover:bg-stone-100">
                  <input type="radio" name="anonymous_avatar" value={name} defaultChecked={value("anonymous_avatar") === name} />
                  <AnonymousBadge name={name} />
                  {t(`profile.anonymous.picture.${name}`)}
                </label>
              ))}
            </div>
            {errors.anonymous_avatar ? (
              <p id="anonymous_avatar-error" className="text-sm font-medium text-red-800">
                {errors.anonymous_avatar}
              </p>
            ) : null}
          </fieldset>
        </section>

        {/* The first submit button of the form, so Enter in any field saves. */}
        <div className="flex flex-wrap items-center gap-3">
          {button("save", t("profile.edit.save"), t("profile.edit.saving"))}
          <span className="text-sm text-stone-600">{t("profile.edit.saveHint")}</span>
        </div>

        <section aria-labelledby="referral-title" className="card space-y-2">
          <h2 id="referral-title">{t("profile.referral.title")}</h2>
          {profile.referral.link ? (
            <>
              <p>
                {t("profile.referral.codeBefore")}{" "}
                <strong>
                  <bdi>{profile.referral.code}</bdi>
                </strong>
                {t("profile.referral.codeAfter")}
              </p>
              <label htmlFor="referral-link" className="block font-medium">
                {t("profile.referral.linkLabel")}
              </label>
              <input id="referral-link" readOnly dir="ltr" value={profile.referral.link} className="w-full rounded border border-stone-400 px-2 py-1.5" />
            </>
          ) : (
            button("referral", t("profile.referral.create"), t("profile.referral.creating"), "btn-quiet")
          )}
          <p>{t("profile.referral.joined", { count: profile.referral.count })}</p>
        </section>
      </Form>

      <section aria-labelledby="lists-title" className="card space-y-3">
        <h2 id="lists-title">{t("profile.lists.title")}</h2>
        <p className="text-sm text-stone-600">{t("profile.lists.hint")}</p>
        {LIST_NAMES.map((list) => {
          const lines = profile.lists[list];
          return (
            <div key={list}>
              <h3 className="font-semibold">{t(`profile.list.${list}.title`)}</h3>
              {lines.length === 0 ? (
                <p className="text-sm text-stone-600">{t("profile.lists.nothing")}</p>
              ) : (
                <p className="text-sm" dir="auto">
                  {lines.join(list === "skills" ? ", " : "; ")}
                </p>
              )}
              <Link to={`/settings/profile/${list}`} className="text-sm">
                {t(`profile.list.${list}.edit`)}
              </Link>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="cv-title" className="card space-y-2">
        <h2 id="cv-title">{t("profile.cv.title")}</h2>
        <p>
          {profile.cv ? t("profile.cv.savedLabel", { label: profile.cv.label }) : t("profile.cv.none")} {t("profile.cv.keepOneEachTime")}
        </p>
        <Link to="/settings/cv">{profile.cv ? t("profile.cv.replace") : t("profile.cv.add")}</Link>
      </section>

      <section aria-labelledby="recruiters-title" className="card space-y-2">
        <h2 id="recruiters-title">{t("profile.verified.settingsTitle")}</h2>
        <p>{t("profile.verified.settingsText")}</p>
        <Link to="/settings/candidates">{t("profile.verified.settingsLink")}</Link>
      </section>

      <StreakSetting show={profile.showStreak} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("profile.edit.pageTitle")));

export function ErrorBoundary() {
  // The route failed, so its own messages never came: the way back is named with the root's words.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/settings/profile", label: t("common.nav.profileAndSettings") }]} />;
}
