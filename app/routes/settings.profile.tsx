/**
 * /settings/profile: the member's own profile, one plain form per section (each with an `intent`).
 * The four lists (education, experience, skills, certifications) are edited on their own pages,
 * /settings/profile/<list>, so that adding or moving an entry without JavaScript reloads a short
 * page that starts at the list (see docs/decisions/009-profiles-and-uploads.md).
 */
import { publicOrigin } from "~/services/request-info.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { AnonymousBadge, TagList } from "~/components/profile";
import { Avatar } from "~/components/ui/Avatar";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { getCtx } from "~/db.server";
import { fieldErrors, formObject, typedValues, type FieldErrors } from "~/lib/forms";
import { newReferralCode } from "~/modules/accounts/accounts.server";
import { parseForm } from "~/modules/accounts/csrf.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { ANONYMOUS_AVATARS, anonymousAvatarLook } from "~/modules/profile/anonymous-avatars";
import { replaceAvatar } from "~/modules/profile/avatar.server";
import { AVATAR_BOX, MAX_AVATAR_BYTES, MAX_AVATAR_SIDE } from "~/modules/profile/images";
import { ensureReferralCode, getOwnProfile, updateProfile } from "~/modules/profile/profile.server";
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
  const profile = await getOwnProfile(getCtx(), user.id);
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
    referral: {
      code: profile.referral_code,
      link: profile.referral_code ? `${origin}/signup?ref=${encodeURIComponent(profile.referral_code)}` : null,
      count: profile.referrals,
    },
  };
}

type Section = "basics" | "about" | "anonymous" | "avatar" | "form";
type Failure = { section: Section; errors: FieldErrors; values: Record<string, string> };
const fail = (section: Section, errors: FieldErrors, values: Record<string, string> = {}, status = 400) =>
  data<Failure>({ section, errors, values }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let form: FormData;
  try {
    form = await parseForm(request, { maxBytes: FORM_MAX_BYTES });
  } catch (error) {
    // Only a photo makes a form this large: say so beside the photo field.
    if (error instanceof Response && error.status === 413) {
      return fail("avatar", { avatar: "That photo is larger than 2 MB. Choose a smaller one (or save it at a smaller size)." }, {}, 413);
    }
    throw error;
  }
  const ctx = getCtx();
  const meta = { ip: clientIp(context), userAgent: userAgentOf(request), sessionId: user.sessionId };
  const saved = async (message: string) => redirect("/settings/profile", { headers: { "Set-Cookie": await flashHeader(message) } });
  const intent = String(form.get("intent") ?? "");

  if (intent === "basics" || intent === "about" || intent === "anonymous") {
    const names = intent === "basics" ? BASICS : intent === "about" ? ABOUT : ANONYMOUS;
    const schema = intent === "basics" ? basicsSchema : intent === "about" ? aboutSchema : anonymousSchema;
    const values = typedValues(form, names);
    const parsed = schema.safeParse(formObject(form));
    if (!parsed.success) return fail(intent, fieldErrors(parsed.error), values);
    const result = await updateProfile(ctx, user.id, parsed.data, meta);
    if (!result.ok) return fail(intent, { [result.field]: result.message }, values);
    const what = intent === "basics" ? "Your basic details are" : intent === "about" ? "Your goals, strengths and interests are" : "Your anonymous identity is";
    return saved(`${what} saved.`);
  }

  if (intent === "avatar") {
    const file = form.get("avatar");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return fail("avatar", { avatar: "Choose a photo to upload." });
    const result = await replaceAvatar(ctx, user.id, new Uint8Array(await file.arrayBuffer()), meta);
    if (!result.ok) return fail("avatar", { avatar: result.message }, {}, file.size > MAX_AVATAR_BYTES ? 413 : 400);
    return saved("Your photo is updated.");
  }

  if (intent === "referral") {
    await ensureReferralCode(ctx, user.id, newReferralCode);
    return saved("Your invitation link is ready.");
  }

  return fail("form", { form: "Choose a section of your profile to save, then press its button." });
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

export default function ProfileSettings() {
  const profile = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const lite = (useRouteLoaderData("root") as { lite?: boolean } | undefined)?.lite ?? false;
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const errors = failure?.errors ?? {};
  // A section shows what was typed after a refusal, otherwise what is saved.
  const shown = <T extends Record<string, string>>(section: Section, saved: T): T =>
    failure?.section === section ? ({ ...saved, ...failure.values } as T) : saved;
  const basics = shown("basics", profile.basics);
  const about = shown("about", profile.about);
  const anonymous = shown("anonymous", profile.anonymous);
  const button = (intent: string, label: string, pending: string) => (
    <button type="submit" name="intent" value={intent} className="btn" disabled={busy === intent}>
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

      <section aria-labelledby="photo-title" className="card space-y-3">
        <h2 id="photo-title">Photo</h2>
        <div className="flex flex-wrap items-center gap-3">
          <Avatar id={profile.id} name={profile.basics.name} avatarUrl={profile.avatarUrl} size="lg" />
          {lite && profile.avatarUrl ? <p className="text-sm">Your photo is hidden in lite mode.</p> : null}
        </div>
        <Form method="post" encType="multipart/form-data" className="space-y-3" noValidate>
          <CsrfInput />
          <Field
            label="Profile photo"
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            hint={`PNG, JPEG or WebP, at most 2 MB and ${MAX_AVATAR_SIDE} × ${MAX_AVATAR_SIDE} pixels. We shrink it to ${AVATAR_BOX} pixels and remove location and camera details.`}
            error={errors.avatar}
          />
          {button("avatar", "Upload photo", "Uploading…")}
        </Form>
      </section>

      <section aria-labelledby="basics-title" className="card">
        <h2 id="basics-title">Basics</h2>
        <Form method="post" className="mt-3 space-y-3" noValidate key={JSON.stringify(basics)}>
          <CsrfInput />
          <Field label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={basics.name} error={errors.name} />
          <Field label="Headline" name="headline" hint="One line about you, like “Data analyst, open to remote work”." defaultValue={basics.headline} error={errors.headline} />
          <Field label="Phone" name="phone" type="tel" autoComplete="tel" hint="Only you see it." defaultValue={basics.phone} error={errors.phone} />
          <Field label="LinkedIn" name="linkedinURL" type="url" placeholder="https://www.linkedin.com/in/…" defaultValue={basics.linkedinURL} error={errors.linkedinURL} />
          <Field label="Facebook" name="FacebookURL" type="url" placeholder="https://www.facebook.com/…" defaultValue={basics.FacebookURL} error={errors.FacebookURL} />
          {button("basics", "Save basics", "Saving…")}
        </Form>
      </section>

      <section aria-labelledby="about-title" className="card">
        <h2 id="about-title">Goals, strengths and interests</h2>
        <p className="text-sm text-stone-600">Separate them with commas; each is shown as a tag (up to 20).</p>
        <Form method="post" className="mt-3 space-y-3" noValidate key={JSON.stringify(about)}>
          <CsrfInput />
          {ABOUT.map((name) => (
            <div key={name} className="space-y-1">
              <Field label={LABELS[name]} name={name} defaultValue={about[name]} error={errors[name]} />
              {failure?.section !== "about" ? <TagList label={`Your ${name}`} tags={tagsOf(about[name])} /> : null}
            </div>
          ))}
          {button("about", "Save goals, strengths and interests", "Saving…")}
        </Form>
      </section>

      <section aria-labelledby="lists-title" className="card space-y-3">
        <h2 id="lists-title">Education, experience, skills and certifications</h2>
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

      <section aria-labelledby="anonymous-title" className="card">
        <h2 id="anonymous-title">Anonymous identity</h2>
        <p className="text-sm text-stone-600">The anonymous feed shows this name and picture instead of yours. Nobody else can use the same name.</p>
        <Form method="post" className="mt-3 space-y-3" noValidate key={JSON.stringify(anonymous)}>
          <CsrfInput />
          <Field
            label="Anonymous name"
            name="anonymous_username"
            autoComplete="off"
            hint="3 to 30 letters a to z, digits or _; saved in lower case."
            defaultValue={anonymous.anonymous_username}
            error={errors.anonymous_username}
          />
          <fieldset aria-describedby={errors.anonymous_avatar ? "anonymous_avatar-error" : undefined}>
            <legend className="font-medium">Anonymous picture</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
              {ANONYMOUS_AVATARS.map((name) => (
                <label key={name} className="flex items-center gap-2 rounded p-1 hover:bg-stone-100">
                  <input type="radio" name="anonymous_avatar" value={name} defaultChecked={anonymous.anonymous_avatar === name} />
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
          {button("anonymous", "Save anonymous identity", "Saving…")}
        </Form>
      </section>

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
          <Form method="post">
            <CsrfInput />
            {button("referral", "Create my invitation link", "Creating…")}
          </Form>
        )}
        <p>
          {profile.referral.count === 0
            ? "Nobody has joined with your link yet."
            : `${profile.referral.count} ${profile.referral.count === 1 ? "person has" : "people have"} joined with your link.`}
        </p>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => pageMeta("Your profile | Ladder");
