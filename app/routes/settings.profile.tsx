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
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { getCtx } from "~/db.server";
import { fieldErrors, formObject, typedValues, type FieldErrors } from "~/lib/forms";
import { newReferralCode } from "~/modules/accounts/accounts.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { ANONYMOUS_AVATARS, anonymousAvatarLook } from "~/modules/profile/anonymous-avatars";
import { replaceAvatar } from "~/modules/profile/avatar.server";
import { AVATAR_BOX, MAX_AVATAR_BYTES, MAX_AVATAR_SIDE } from "~/modules/profile/images";
import { ensureReferralCode, getOwnProfile, updateProfile } from "~/modules/profile/profile.server";
import { savedCvOf } from "~/modules/profile/cv.server";
import { draftsFromSaved, LISTS, LIST_NAMES, tagsOf, type ListName } from "~/modules/profile/rules";
import { aboutSchema, anonymousSchema, basicsSchema } from "~/modules/profile/schemas.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

const BASICS = ["name", "headline", "phone", "linkedinURL", "FacebookURL"] as const;
const ABOUT = ["goals", "strengths", "interests"] as const;
const ANONYMOUS = ["anonymous_username", "anonymous_avatar"] as const;
/** A 2 MB photo plus the multipart framing; larger bodies are refused before they are read. */
const FORM_MAX_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

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
  const [profile, cv] = await Promise.all([getOwnProfile(ctx, user.id), savedCvOf(ctx, user.id)]);
  if (!profile) throw new Response("Your account could not be found.", { status: 404 });
  const origin = publicOrigin(request);
  const lists = Object.fromEntries(
    LIST_NAMES.map((list) => [list, summaryOf(list, list === "skills" ? profile.professional_skills : profile[list])]),
  ) as Record<ListName, string[]>;
  return {
    id: profile.id,
    avatarUrl: profile.avatarUrl,
    basics: Object.fromEntries(BASICS.map((f) => [f, profile[f] ?? ""])) as Record<(typeof BASICS)[number], string>,
    about: Object.fromEntries(ABOUT.map((f) => [f, tagsOf(profile[f]).join(", ")])) as Record<(typeof ABOUT)[number], string>,
    anonymous: { anonymous_username: profile.anonymous_username ?? "", anonymous_avatar: profile.anonymous_avatar ?? "" },
    lists,
    cv: cv ? { label: cv.label } : null,
    referral: {
      code: profile.referral_code,
      link: profile.referral_code ? `${origin}/signup?ref=${encodeURIComponent(profile.referral_code)}` : null,
      count: profile.referrals,
    },
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string>; notice?: string };
const fail = (errors: FieldErrors, values: Record<string, string> = {}, status = 400) => data<Failure>({ errors, values }, { status });

/** The text sections of the one form; a section is saved only when its fields were sent. */
const SECTIONS = [
  { names: BASICS, schema: basicsSchema },
  { names: ABOUT, schema: aboutSchema },
  { names: ANONYMOUS, schema: anonymousSchema },
] as const;
const TEXT_FIELDS = SECTIONS.flatMap((section) => section.names);
const CHOOSE_PHOTO_AGAIN = "Choose your photo again: browsers do not keep a chosen file after the page reloads.";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let form: FormData;
  try {
    // Each section is checked by its own schema below, and only when the form has its fields.
    ({ form } = await readForm(request, noFields, { maxBytes: FORM_MAX_BYTES }));
  } catch (error) {
    // Only a photo makes a form this large; nothing of it was read (with JavaScript the page refuses it before sending).
    if (error instanceof Response && error.status === 413) {
      return fail({ avatar: "That photo is larger than 2 MB, so nothing you typed arrived either: choose a smaller photo and type your changes again." }, {}, 413);
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
    return data<Failure>({ errors: {}, values, notice: "Your invitation link is ready. Your other changes are not saved yet: press Save profile to keep them." });
  }
  if (intent !== "save") return fail({ form: "Press Save profile to save your changes." });

  // One Save for every section: all of it is checked before anything is written.
  const errors: FieldErrors = {};
  let update: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    if (!section.names.some((name) => form.has(name))) continue;
    const parsed = section.schema.safeParse(formObject(form));
    if (parsed.success) update = { ...update, ...parsed.data };
    else Object.assign(errors, fieldErrors(parsed.error));
  }
  const file = form.get("avatar");
  const photo = file instanceof File && !(file.size === 0 && file.name === "") ? file : null;
  if (Object.keys(errors).length > 0) {
    if (photo) errors.avatar = CHOOSE_PHOTO_AGAIN;
    return fail(errors, values);
  }
  if (photo) {
    const result = await replaceAvatar(ctx, user.id, new Uint8Array(await photo.arrayBuffer()), meta);
    if (!result.ok) return fail({ avatar: result.message }, values, photo.size > MAX_AVATAR_BYTES ? 413 : 400);
  }
  const result = await updateProfile(ctx, user.id, update, meta);
  if (!result.ok) return fail({ [result.field]: result.message, ...(photo ? { form: "Your new photo is saved; the rest is not yet." } : {}) }, values);
  return redirect("/settings/profile", { headers: { "Set-Cookie": await flashHeader(photo ? "Your profile and photo are saved." : "Your profile is saved.") } });
}

const LABELS: Record<string, string> = {
  avatar: "Profile photo",
  name: "Name",
  headline: "Headline",
  phone: "Phone",
  linkedinURL: "LinkedIn",
  FacebookURL: "Facebook",
  goals: "Goals",
  strengths: "Strengths",
  interests: "Interests",
  anonymous_username: "Anonymous name",
  anonymous_avatar: "Anonymous picture",
};

const PHOTO_TOO_LARGE = "That photo is larger than 2 MB. Choose a smaller one (or save it at a smaller size).";

export default function ProfileSettings() {
  const profile = useLoaderData<typeof loader>();
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
  const errors: FieldErrors = tooLarge ? { ...(answer?.errors ?? {}), avatar: PHOTO_TOO_LARGE } : (answer?.errors ?? {});
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
        <h1>Your profile</h1>
        <p>
          Others see it at <Link to={`/u/${profile.id}`} className="underline">
            your public profile
          </Link>. Your email, phone and anonymous identity are never shown there.
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
          <h2 id="photo-title">Photo</h2>
          <div className="flex flex-wrap items-center gap-3">
            <Avatar id={profile.id} name={profile.basics.name} avatarUrl={profile.avatarUrl} size="lg" />
            {lite && profile.avatarUrl ? <p className="text-sm">Your photo is hidden in lite mode.</p> : null}
          </div>
          <Field
            label="Profile photo"
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            hint={`PNG, JPEG or WebP, at most 2 MB and ${MAX_AVATAR_SIDE} × ${MAX_AVATAR_SIDE} pixels; saved with the rest when you press Save profile. We shrink it to ${AVATAR_BOX} pixels and remove location and camera details.`}
            error={errors.avatar}
          />
        </section>

        <section aria-labelledby="basics-title" className="card space-y-3">
          <h2 id="basics-title">Basics</h2>
          <Field label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={value("name")} error={errors.name} />
          <Field label="Headline" name="headline" hint="One line about you, like “Data analyst, open to remote work”." defaultValue={value("headline")} error={errors.headline} />
          <Field label="Phone" name="phone" type="tel" autoComplete="tel" hint="Only you see it." defaultValue={value("phone")} error={errors.phone} />
          <Field label="LinkedIn" name="linkedinURL" type="url" placeholder="https://www.linkedin.com/in/…" defaultValue={value("linkedinURL")} error={errors.linkedinURL} />
          <Field label="Facebook" name="FacebookURL" type="url" placeholder="https://www.facebook.com/…" defaultValue={value("FacebookURL")} error={errors.FacebookURL} />
        </section>

        <section aria-labelledby="about-title" className="card space-y-3">
          <h2 id="about-title">Goals, strengths and interests</h2>
          <p className="text-sm text-stone-600">Separate them with commas; each is shown as a tag (up to 20).</p>
          {ABOUT.map((name) => (
            <div key={name} className="space-y-1">
              <Field label={LABELS[name]} name={name} defaultValue={value(name)} error={errors[name]} />
              <TagList label={`Your ${name}`} tags={tagsOf(saved[name])} />
            </div>
          ))}
        </section>

        <section aria-labelledby="anonymous-title" className="card space-y-3">
          <h2 id="anonymous-title">Anonymous identity</h2>
          <p className="text-sm text-stone-600">The anonymous feed shows this name and picture instead of yours. Nobody else can use the same name.</p>
          <Field
            label="Anonymous name"
            name="anonymous_username"
            autoComplete="off"
            hint="3 to 30 letters a to z, digits or _; saved in lower case."
            defaultValue={value("anonymous_username")}
            error={errors.anonymous_username}
          />
          <fieldset aria-describedby={errors.anonymous_avatar ? "anonymous_avatar-error" : undefined}>
            <legend className="font-medium">Anonymous picture</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
              {ANONYMOUS_AVATARS.map((name) => (
                <label key={name} className="flex items-center gap-2 rounded p-1 hover:bg-stone-100">
                  <input type="radio" name="anonymous_avatar" value={name} defaultChecked={value("anonymous_avatar") === name} />
                  <AnonymousBadge name={name} />
                  {anonymousAvatarLook(name).label}
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
          {button("save", "Save profile", "Saving…")}
          <span className="text-sm text-stone-600">Saves every section above at once.</span>
        </div>

        <section aria-labelledby="referral-title" className="card space-y-2">
          <h2 id="referral-title">Invite friends</h2>
          {profile.referral.link ? (
            <>
              <p>
                Your code is <strong>{profile.referral.code}</strong>. Share this link:
              </p>
              <label htmlFor="referral-link" className="block font-medium">
                Your invitation link
              </label>
              <input id="referral-link" readOnly value={profile.referral.link} className="w-full rounded border border-stone-400 px-2 py-1.5" />
            </>
          ) : (
            button("referral", "Create my invitation link", "Creating…", "btn-quiet")
          )}
          <p>
            {profile.referral.count === 0
              ? "Nobody has joined with your link yet."
              : `${profile.referral.count} ${profile.referral.count === 1 ? "person has" : "people have"} joined with your link.`}
          </p>
        </section>
      </Form>

      <section aria-labelledby="lists-title" className="card space-y-3">
        <h2 id="lists-title">Education, experience, skills and certifications</h2>
        <p className="text-sm text-stone-600">Each list has its own page. Save your changes above before you open one.</p>
        {LIST_NAMES.map((list) => {
          const lines = profile.lists[list];
          return (
            <div key={list}>
              <h3 className="font-semibold">{LISTS[list].title}</h3>
              {lines.length === 0 ? (
                <p className="text-sm text-stone-600">Nothing yet.</p>
              ) : (
                <p className="text-sm">{lines.join(list === "skills" ? ", " : "; ")}</p>
              )}
              <Link to={`/settings/profile/${list}`} className="text-sm">
                {`Edit ${LISTS[list].title.toLowerCase()}`}
              </Link>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="cv-title" className="card space-y-2">
        <h2 id="cv-title">Your CV</h2>
        <p>
          {profile.cv ? `Saved: ${profile.cv.label}. ` : "No CV saved yet. "}
          Keep one CV here and pick it when you apply, instead of uploading it each time.
        </p>
        <Link to="/settings/cv">{profile.cv ? "Replace or remove your CV" : "Add your CV"}</Link>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => pageMeta("Your profile | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/settings/profile", label: "Your profile" }]} />;
}
