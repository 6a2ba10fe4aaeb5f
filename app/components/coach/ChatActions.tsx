/**
 * The owner's actions on a chat page: rename, share (make public or private, with the share
 * link), export as Markdown, delete (through its confirmation page). Plain forms and links; all of
 * it works without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
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
  return (
    <section aria-labelledby="chat-actions-title" className="card space-y-3">
      <h2 id="chat-actions-title" className="text-base">
        This chat
      </h2>
      <details>
        <summary>Rename</summary>
        <Form method="post" action={`/coach/${chatId}/title`} className="mt-2 flex flex-wrap items-end gap-2">
          <CsrfInput />
          <label htmlFor={`title-${chatId}`} className="w-full">
            Title (up to {TITLE_MAX} characters)
          </label>
          <input id={`title-${chatId}`} name="title" defaultValue={title} required maxLength={TITLE_MAX + 40} className="flex-1 rounded border border-stone-400 px-2 py-1.5" />
          <Button>
            Save title
          </Button>
        </Form>
      </details>
      <div id="share" className="space-y-2">
        <p>
          <strong>{isPublic ? "Public:" : "Private:"}</strong>{" "}
          {isPublic ? "anyone with the share link can read this chat (not change it, not vote)." : "only you can read this chat."}
        </p>
        {isPublic ? (
          <p className="text-sm">
            <label htmlFor={`share-url-${chatId}`}>Share link</label>{" "}
            <input id={`share-url-${chatId}`} readOnly value={shareUrl} className="w-full rounded border border-stone-400 px-2 py-1.5" />{" "}
            <a href={shareUrl}>Open the share page</a>
          </p>
        ) : null}
        <Form method="post" action={`/coach/${chatId}/visibility`}>
          <CsrfInput />
          <input type="hidden" name="visibility" value={isPublic ? "private" : "public"} />
          <Button variant="secondary" size="sm">
            {isPublic ? "Make private" : "Make public"}
          </Button>
        </Form>
      </div>
      <p className="flex flex-wrap gap-3 text-sm">
        <a href={`/coach/${chatId}/export.md`} download>
          Export as Markdown
        </a>
        <Link to={`/coach/${chatId}/delete`}>Delete this chat…</Link>
      </p>
    </section>
  );
}
