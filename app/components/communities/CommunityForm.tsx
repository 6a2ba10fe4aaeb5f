/**
 * The create and edit form of a community: name, description and banner, a plain multipart form
 * that works without JavaScript. With JavaScript a banner over 2 MB is refused before it is sent
 * (nothing is uploaded on a slow link only to be refused). A refused form comes back with the
 * message beside its field and what was typed; a browser cannot keep a chosen file, so the page
 * asks for it again.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { CsrfInput, ErrorSummary, Field, FileField, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { BANNER_BOX, BANNER_MAX_BYTES, DESCRIPTION_MAX, NAME_MAX, NAME_MIN } from "~/modules/communities/rules";
import { CommunityBanner } from "./CommunityBanner";

const ACCEPT = "image/png,image/jpeg,image/webp";

export function CommunityForm(props: {
  values: Record<string, string>;
  errors?: FieldErrors;
  submitLabel: string;
  cancelHref: string;
  /** Editing: the community whose banner is shown and may be removed. */
  editing?: { id: string; name: string; hasBanner: boolean };
}) {
  const { values, editing } = props;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("banner");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const over = !!file && file.size > BANNER_MAX_BYTES;
    setTooLarge(over);
    if (over) event.preventDefault();
  };
  const errors: FieldErrors = tooLarge ? { ...(props.errors ?? {}), banner: t("communities.form.bannerTooLargeHere", { limit: BANNER_MAX_BYTES / (1024 * 1024) }) } : (props.errors ?? {});
  const labels = { name: t("communities.form.name"), description: t("communities.form.description"), banner: t("communities.form.banner") };
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3" noValidate onSubmit={checkSize}>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      <Field
        label={labels.name}
        name="name"
        defaultValue={values.name ?? ""}
        error={errors.name}
        hint={t("communities.form.nameHint", { min: NAME_MIN, max: NAME_MAX })}
        maxLength={NAME_MAX}
        required
        dir="auto"
      />
      <TextareaField
        label={labels.description}
        name="description"
        defaultValue={values.description ?? ""}
        error={errors.description}
        hint={t("communities.form.descriptionHint", { max: DESCRIPTION_MAX })}
        rows={5}
        dir="auto"
      />
      {editing?.hasBanner ? (
        <div className="space-y-1">
          <CommunityBanner communityId={editing.id} hasBanner name={editing.name} />
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="removeBanner" defaultChecked={values.removeBanner === "on"} /> {t("communities.form.removeBanner")}
          </label>
        </div>
      ) : null}
      <FileField
        label={editing?.hasBanner ? t("communities.form.newBanner") : labels.banner}
        name="banner"
        accept={ACCEPT}
        error={errors.banner}
        hint={t("communities.form.bannerHint", { limit: BANNER_MAX_BYTES / (1024 * 1024), width: BANNER_BOX.width, height: BANNER_BOX.height })}
        onChange={() => setTooLarge(false)}
      />
      <p className="flex flex-wrap items-center gap-3">
        <Button disabled={busy}>{props.submitLabel}</Button>
        <Link to={props.cancelHref}>{t("communities.form.cancel")}</Link>
      </p>
    </Form>
  );
}
