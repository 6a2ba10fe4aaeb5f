/**
 * The form of a new or edited post: an update (text) or an event (text, start, optional end, a
 * place or an online link, typed in the member's own zone). A plain form that works without
 * JavaScript: the event fields are always there, for an event only.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { EVENT_PLACE_MAX, POST_CONTENT_MAX } from "~/modules/communities/post-rules";

export interface PostFormProps {
  action: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  /** An edit keeps the post's type: no choice is offered. */
  fixedType?: "update" | "event";
  zone: string;
  submitLabel: string;
  cancelHref: string;
}

export function PostForm({ action, values, errors = {}, fixedType, zone, submitLabel, cancelHref }: PostFormProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const type = fixedType ?? (values.type === "event" ? "event" : "update");
  const labels = {
    type: t("communityPosts.form.typeLabel"),
    content: t("communityPosts.form.contentLabel"),
    startDate: t("communityPosts.form.startDate"),
    startTime: t("communityPosts.form.startTime"),
    endDate: t("communityPosts.form.endDate"),
    endTime: t("communityPosts.form.endTime"),
    place: t("communityPosts.form.place"),
    onlineUrl: t("communityPosts.form.onlineUrl"),
  };
  return (
    <Form method="post" action={action} className="space-y-4" noValidate>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      {fixedType ? (
        <input type="hidden" name="type" value={fixedType} />
      ) : (
        <fieldset className="space-y-1">
          <legend className="font-medium">{labels.type}</legend>
          <div className="flex flex-wrap gap-4">
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="update" defaultChecked={type === "update"} />
              {t("communityPosts.kind.update")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="type" value="event" defaultChecked={type === "event"} />
              {t("communityPosts.kind.event")}
            </label>
          </div>
          {errors.type ? <p className="text-sm font-medium text-red-800">{errors.type}</p> : null}
        </fieldset>
      )}
      <TextareaField
        label={labels.content}
        name="content"
        rows={6}
        dir="auto"
        hint={t("communityPosts.form.contentHint", { max: POST_CONTENT_MAX })}
        defaultValue={values.content ?? ""}
        error={errors.content}
      />
      {type === "event" || !fixedType ? (
        <fieldset className="space-y-3 rounded border border-stone-300 p-3">
          <legend className="px-1 font-medium">{fixedType ? t("communityPosts.form.eventLegendEdit") : t("communityPosts.form.eventLegend")}</legend>
          <p className="text-sm text-stone-600">
            {t("communityPosts.form.zoneHint", { zone })} <Link to="/settings/time-zone">{t("communityPosts.form.zoneChange")}</Link>
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={labels.startDate} name="startDate" type="date" defaultValue={values.startDate ?? ""} error={errors.startDate} />
            <Field label={labels.startTime} name="startTime" type="time" defaultValue={values.startTime ?? ""} error={errors.startTime} />
            <Field label={labels.endDate} name="endDate" type="date" defaultValue={values.endDate ?? ""} error={errors.endDate} hint={t("communityPosts.form.endHint")} />
            <Field label={labels.endTime} name="endTime" type="time" defaultValue={values.endTime ?? ""} error={errors.endTime} />
          </div>
          <Field label={labels.place} name="place" dir="auto" defaultValue={values.place ?? ""} error={errors.place} hint={t("communityPosts.form.placeHint", { max: EVENT_PLACE_MAX })} />
          <Field label={labels.onlineUrl} name="onlineUrl" inputMode="url" dir="ltr" defaultValue={values.onlineUrl ?? ""} error={errors.onlineUrl} />
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={busy}>{busy ? t("communityPosts.form.saving") : submitLabel}</Button>
        <Link to={cancelHref}>{t("communityPosts.form.cancel")}</Link>
      </div>
    </Form>
  );
}
