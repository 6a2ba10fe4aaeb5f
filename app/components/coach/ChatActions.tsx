/**
 * The owner's actions on a chat page: rename, share (make public or private, with the share
 * link), export as Markdown, delete (through its confirmation page). Plain forms and links; all of
 * it works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { TITLE_MAX, type Visibility } from "~/modules/coach/extras-rules";

interface Props {
  chatId: string;
  title: string;
  visibility: Visibility;
  /** The absolute address of the share page (publicOrigin + /share/<chatId>). */
  shareUrl: string;
}

export function ChatActions({ chatId, title, visibility, shareUrl }: Props) {
  const isPublic = visibility === "public";
  const t = useT();
  return (
    <section aria-labelledby="chat-actions-title" className="card space-y-3">
      <h2 id="chat-actions-title" className="text-base">
        {t("coach.actions.title")}
      </h2>
      <details>
        <summary>{t("coach.actions.rename")}</summary>
        <Form method="post" action={`/coach/${chatId}/title`} className="mt-2 flex flex-wrap items-end gap-2">
          <CsrfInput />
          <label htmlFor={`title-${chatId}`} className="w-full">
            {t("coach.actions.titleLabel", { max: TITLE_MAX })}
          </label>
          <input id={`title-${chatId}`} name="title" defaultValue={title} required maxLength={TITLE_MAX + 40} dir="auto" className="flex-1 rounded border border-stone-400 px-2 py-1.5" />
          <Button>
            {t("coach.actions.saveTitle")}
          </Button>
        </Form>
      </details>
      <div id="share" className="space-y-2">
        <p>
          <strong>{isPublic ? t("coach.actions.public") : t("coach.actions.private")}</strong>{" "}
          {isPublic ? t("coach.actions.publicText") : t("coach.actions.privateText")}
        </p>
        {isPublic ? (
          <p className="text-sm">
            <label htmlFor={`share-url-${chatId}`}>{t("coach.actions.shareLink")}</label>{" "}
            <input id={`share-url-${chatId}`} readOnly value={shareUrl} dir="ltr" className="w-full rounded border border-stone-400 px-2 py-1.5" />{" "}
            <a href={shareUrl}>{t("coach.actions.openShare")}</a>
          </p>
        ) : null}
        <Form method="post" action={`/coach/${chatId}/visibility`}>
          <CsrfInput />
          <input type="hidden" name="visibility" value={isPublic ? "private" : "public"} />
          <Button variant="secondary" size="sm">
            {isPublic ? t("coach.actions.makePrivate") : t("coach.actions.makePublic")}
          </Button>
        </Form>
      </div>
      <p className="flex flex-wrap gap-3 text-sm">
        <a href={`/coach/${chatId}/export.md`} download>
          {t("coach.actions.export")}
        </a>
        <Link to={`/coach/${chatId}/delete`}>{t("coach.actions.delete")}</Link>
      </p>
    </section>
  );
}
