/** Accept and Decline of a proposed meeting: two plain POST forms (they work without JavaScript). Its words are the page's `calendar` messages. */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/lib/i18n";

/** `about` names the meeting for screen readers when a page lists several ("with Dina Saleh, Monday 3 June", calendar.answer.about). */
export function MeetingAnswerForms({ id, about }: { id: string; about: string }) {
  const t = useT();
  return (
    <div className="flex flex-wrap gap-2">
      <Form method="post" action={`/calendar/meetings/${id}`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="accept" />
        <button type="submit" className="btn">
          {t("calendar.answer.accept")}
          <span className="sr-only"> {t("calendar.answer.theMeeting", { about })}</span>
        </button>
      </Form>
      <Form method="post" action={`/calendar/meetings/${id}`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="decline" />
        <button type="submit" className="btn-quiet">
          {t("calendar.answer.decline")}
          <span className="sr-only"> {t("calendar.answer.theMeeting", { about })}</span>
        </button>
      </Form>
    </div>
  );
}
