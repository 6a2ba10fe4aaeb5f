/** Accept and Decline of a proposed meeting: two plain POST forms (they work without JavaScript). */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";

/** `about` names the meeting for screen readers when a page lists several ("with Dina Saleh, Monday 3 June"). */
export function MeetingAnswerForms({ id, about }: { id: string; about: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Form method="post" action={`/calendar/meetings/${id}`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="accept" />
        <button type="submit" className="btn">
          Accept<span className="sr-only"> the meeting {about}</span>
        </button>
      </Form>
      <Form method="post" action={`/calendar/meetings/${id}`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="decline" />
        <button type="submit" className="btn-quiet">
          Decline<span className="sr-only"> the meeting {about}</span>
        </button>
      </Form>
    </div>
  );
}
