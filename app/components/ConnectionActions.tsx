/**
 * The one action that fits the state between the viewer and a member (see
 * app/modules/network/rules.ts). Every form posts to /network and comes back to `back`.
 */
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "./ui/Button";
import { REQUEST_MESSAGE_MAX, type ConnectionState } from "~/modules/network/rules";

interface Props {
  userId: string;
  name: string;
  state: ConnectionState;
  back: string;
}

function IntentForm({ userId, back, intent, label, name }: { userId: string; back: string; intent: string; label: string; name: string }) {
  return (
    <Form method="post" action="/network" className="inline">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="back" value={back} />
      <Button variant="secondary" size="sm">
        {label}
        <span className="sr-only"> ({name})</span>
      </Button>
    </Form>
  );
}

export function ConnectionActions({ userId, name, state, back }: Props) {
  if (state === "connected") {
    return (
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <span>Connected</span>
        <Link to={`/messages/${userId}`}>
          Message<span className="sr-only"> {name}</span>
        </Link>
        <Link to={`/network/remove/${userId}`}>
          Remove<span className="sr-only"> {name}</span>
        </Link>
      </p>
    );
  }
  if (state === "outgoing") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>Request sent</span>
        <IntentForm userId={userId} back={back} intent="withdraw" label="Withdraw" name={name} />
      </div>
    );
  }
  if (state === "incoming") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>Asked to connect</span>
        <IntentForm userId={userId} back={back} intent="accept" label="Accept" name={name} />
        <IntentForm userId={userId} back={back} intent="reject" label="Decline" name={name} />
      </div>
    );
  }
  return (
    <Form method="post" action="/network" className="space-y-1 text-sm">
      <CsrfInput />
      <input type="hidden" name="intent" value="connect" />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="back" value={back} />
      <details>
        <summary>Add a message</summary>
        <label htmlFor={`msg-${userId}`} className="block">
          Message to {name} (optional, up to {REQUEST_MESSAGE_MAX} characters)
        </label>
        <textarea id={`msg-${userId}`} name="message" rows={2} className="w-full rounded border border-stone-400 px-2 py-1" />
      </details>
      <Button variant="secondary" size="sm">
        Connect<span className="sr-only"> with {name}</span>
      </Button>
    </Form>
  );
}
