/**
 * The feed's write forms (issue 17), plain forms that work without JavaScript, field names as the
 * spec's columns:
 * - PostForm: a new post or an edit (text, topic, company, industry, image; a new post also
 *   "post anonymously", ticked unless the member unticked it). A draft handed back after the
 *   name step keeps its image as a signed token; an edit keeps, replaces or removes the image.
 * - QuickPostForm: the short form at the top of /feed (posts to /feed/new).
 * - NameStep: a member without an anonymous name chooses one (and a picture) before an anonymous
 *   post; the draft rides along in hidden fields and comes back intact.
 * With JavaScript an image over 2 MB is refused before it is sent (nothing uploaded on a slow link
 * only to be refused).
 */
import { Form, Link, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { AnonymousBadge } from "~/components/profile";
import { CsrfInput, ErrorSummary, Field, FileField, SelectField, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import type { FieldErrors } from "~/lib/forms";
import { useT, type Translate } from "~/lib/i18n";
import { COMPANY_MAX, DEFAULT_TOPIC, FEED_IMAGE_MAX_BYTES, INDUSTRY_MAX, isTicked, POST_CONTENT_MAX, TOPICS, topicLabelId } from "~/modules/feed/rules";

const ACCEPT = "image/png,image/jpeg,image/webp";
const DRAFT_FIELDS = ["content", "topic", "company_name", "industry"] as const;
const LIMIT_MB = FEED_IMAGE_MAX_BYTES / (1024 * 1024);

function TopicSelect({ value, error, id = "topic" }: { value: string; error?: string; id?: string }) {
  const t = useT();
  return (
    <SelectField label={t("feed.form.topic")} name="topic" id={id} defaultValue={value} error={error}>
      {TOPICS.map((topic) => (
        <option key={topic} value={topic}>
          {t(topicLabelId(topic))}
        </option>
      ))}
    </SelectField>
  );
}

/** "Post anonymously", with who the post will show. */
function AnonymousBox({ checked, postingAs, id = "is_anonymous" }: { checked: boolean; postingAs: string | null; id?: string }) {
  const t = useT();
  return (
    <div className="space-y-1">
      <label className="inline-flex items-center gap-2 font-medium">
        <input type="checkbox" name="is_anonymous" id={id} defaultChecked={checked} aria-describedby={`${id}-hint`} /> {t("feed.form.anonymous")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-stone-600">
        {postingAs ? t("feed.form.anonymousAs", { name: postingAs }) : t("feed.form.anonymousFirst")}
      </p>
    </div>
  );
}

/** With JavaScript: refuse an image over the limit before sending it. */
function useImageCheck(t: Translate) {
  const [tooLarge, setTooLarge] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("image");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const over = !!file && file.size > FEED_IMAGE_MAX_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  return { onSubmit, reset: () => setTooLarge(false), message: tooLarge ? t("feed.form.imageTooLargeHere", { limit: LIMIT_MB }) : null };
}

export interface PostFormProps {
  action: string;
  /** What was typed (a refused form, or a draft handed back); null for an empty new form. */
  values: Record<string, string> | null;
  errors?: FieldErrors;
  /** A new post: the member's anonymous name (null: they choose one first), the draft's image token, the topic to start with. */
  create?: { postingAs: string | null; draftImage: string | null; topic?: string | null };
  /** An edit: whether the post has an image (shown with "remove"), and whether it was posted anonymously. */
  edit?: { image: string | null; anonymous: boolean };
  submitLabel: string;
  cancelHref: string;
}

export function PostForm({ action, values, errors: serverErrors = {}, create, edit, submitLabel, cancelHref }: PostFormProps) {
  const t = useT();
  const lite = useRouteLoaderData<{ lite?: boolean }>("root")?.lite ?? false;
  const busy = useNavigation().state === "submitting";
  const check = useImageCheck(t);
  const errors: FieldErrors = check.message ? { ...serverErrors, image: check.message } : serverErrors;
  const typed = values ?? {};
  // A returned form always has its text field; an empty one (a 413 read nothing) starts as new.
  const returned = values !== null && "content" in values;
  const labels = {
    content: t("feed.form.content"),
    topic: t("feed.form.topic"),
    company_name: t("feed.form.company"),
    industry: t("feed.form.industry"),
    image: t("feed.form.image"),
  };
  return (
    <Form method="post" action={action} encType="multipart/form-data" className="space-y-4" noValidate onSubmit={check.onSubmit}>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      <TextareaField
        label={labels.content}
        name="content"
        rows={8}
        dir="auto"
        hint={t("feed.form.contentHint", { max: POST_CONTENT_MAX })}
        defaultValue={typed.content ?? ""}
        error={errors.content}
      />
      <TopicSelect value={typed.topic ?? create?.topic ?? DEFAULT_TOPIC} error={errors.topic} />
      <Field
        label={labels.company_name}
        name="company_name"
        dir="auto"
        hint={t("feed.form.companyHint", { max: COMPANY_MAX })}
        defaultValue={typed.company_name ?? ""}
        error={errors.company_name}
      />
      <Field
        label={labels.industry}
        name="industry"
        dir="auto"
        hint={t("feed.form.industryHint", { max: INDUSTRY_MAX })}
        defaultValue={typed.industry ?? ""}
        error={errors.industry}
      />
      {edit?.image ? (
        <div className="space-y-1">
          <p className="font-medium">{t("feed.form.imageCurrent")}</p>
          {lite ? (
            <p>
              <a href={edit.image}>{t("feed.card.image")}</a>
            </p>
          ) : (
            <img src={edit.image} alt={t("feed.card.imageAlt")} className="max-h-48 w-auto max-w-full rounded border border-stone-200 bg-stone-100" />
          )}
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="remove_image" defaultChecked={isTicked(typed.remove_image)} /> {t("feed.form.removeImage")}
          </label>
        </div>
      ) : null}
      {create?.draftImage ? (
        <div className="space-y-1 rounded border border-stone-200 p-2">
          <input type="hidden" name="draft_image" value={create.draftImage} />
          <p>{t("feed.form.draftImage")}</p>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="remove_draft_image" /> {t("feed.form.removeDraftImage")}
          </label>
        </div>
      ) : null}
      <FileField
        label={edit?.image || create?.draftImage ? t("feed.form.imageNew") : labels.image}
        name="image"
        accept={ACCEPT}
        error={errors.image}
        hint={t("feed.form.imageHint", { limit: LIMIT_MB })}
        onChange={check.reset}
      />
      {create ? <AnonymousBox checked={!returned || isTicked(typed.is_anonymous)} postingAs={create.postingAs} /> : null}
      {edit ? <p className="text-sm text-stone-600">{edit.anonymous ? t("feed.form.postedAnonymously") : t("feed.form.postedNamed")}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button name="intent" value="post" disabled={busy}>
          {busy ? (edit ? t("feed.edit.saving") : t("feed.form.posting")) : submitLabel}
        </Button>
        <Link to={cancelHref}>{t("feed.form.cancel")}</Link>
      </div>
    </Form>
  );
}

/**
 * The short form at the top of /feed, compact so the posts start on a phone's first screen: the
 * text, the topic and "post anonymously" on one line with the button; the rest is on /feed/new.
 */
export function QuickPostForm({ postingAs, topic }: { postingAs: string | null; topic: string | null }) {
  const t = useT();
  return (
    <Form method="post" action="/feed/new" className="card space-y-2 p-3">
      <TextareaField label={t("feed.quick.label")} name="content" id="quick-content" rows={2} dir="auto" />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="inline-flex items-center gap-2">
          {t("feed.form.topic")}
          <select name="topic" id="quick-topic" defaultValue={topic ?? DEFAULT_TOPIC} className="rounded border border-stone-400 px-2 py-1.5">
            {TOPICS.map((value) => (
              <option key={value} value={value}>
                {t(topicLabelId(value))}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="is_anonymous" id="quick-anonymous" defaultChecked />
          <span dir="auto">{postingAs ? t("feed.quick.anonymousAs", { name: postingAs }) : t("feed.quick.anonymousFirst")}</span>
        </label>
        <span className="inline-flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button name="intent" value="post">
            {t("feed.quick.submit")}
          </Button>
          <Link to={topic ? `/feed/new?topic=${topic}` : "/feed/new"} className="text-sm">
            {t("feed.quick.more")}
          </Link>
        </span>
      </div>
      {/* Last, so the spacing between the fields starts at the first one. */}
      <CsrfInput />
    </Form>
  );
}

export interface NameStepProps {
  /** The draft, carried in hidden fields. */
  draft: Record<string, string>;
  draftImage: string | null;
  /** What was typed in the step (after a refusal). */
  values: Record<string, string>;
  errors?: FieldErrors;
  /** The built-in pictures with their names in the reader's language. */
  pictures: { name: string; label: string }[];
}

export function NameStep({ draft, draftImage, values, errors = {}, pictures }: NameStepProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const labels = { anonymous_username: t("feed.name.label"), anonymous_avatar: t("feed.name.picture") };
  const picked = values.anonymous_avatar ?? pictures[0]?.name ?? "";
  // The draft's fields, carried through the step unchanged.
  const carried = DRAFT_FIELDS.flatMap((name) => (draft[name] === undefined ? [] : [[name, draft[name]] as const]));
  return (
    <Form method="post" action="/feed/new" className="space-y-4" noValidate>
      <CsrfInput />
      {carried.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {isTicked(draft.is_anonymous) ? <input type="hidden" name="is_anonymous" value="on" /> : null}
      {draftImage ? <input type="hidden" name="draft_image" value={draftImage} /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <p className="text-stone-700">{t("feed.name.intro")}</p>
      <Field
        label={labels.anonymous_username}
        name="anonymous_username"
        autoComplete="off"
        dir="ltr"
        hint={t("feed.name.hint")}
        defaultValue={values.anonymous_username ?? ""}
        error={errors.anonymous_username}
      />
      <fieldset aria-describedby={errors.anonymous_avatar ? "anonymous_avatar-error" : undefined}>
        <legend className="font-medium">{labels.anonymous_avatar}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
          {pictures.map((picture) => (
            <label key={picture.name} className="flex items-center gap-2 rounded p-1 hover:bg-stone-100">
              <input type="radio" name="anonymous_avatar" value={picture.name} defaultChecked={picked === picture.name} />
              <AnonymousBadge name={picture.name} />
              {picture.label}
            </label>
          ))}
        </div>
        {errors.anonymous_avatar ? (
          <p id="anonymous_avatar-error" className="text-sm font-medium text-red-800">
            {errors.anonymous_avatar}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button name="intent" value="choose-name" disabled={busy}>
          {t("feed.name.submit")}
        </Button>
        <Button name="intent" value="back" variant="secondary" disabled={busy}>
          {t("feed.name.back")}
        </Button>
      </div>
    </Form>
  );
}
