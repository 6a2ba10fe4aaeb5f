/**
 * The one action that fits the state between the viewer and a member (see
 * app/modules/network/rules.ts). Every form posts to /network and comes back to `back`.
 * Its words are in the network namespace: a route that shows it lists "network" in its pageMessages.
 */
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { useT } from "~/lib/i18n";
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
  const t = useT();
  if (state === "connected") {
    return (
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <span>{t("network.actions.connected")}</span>
        <Link to={`/messages/${userId}`}>
          {t("network.actions.message")}
          <span className="sr-only"> {name}</span>
        </Link>
        <Link to={`/network/remove/${userId}`}>
          {t("network.actions.remove")}
          <span className="sr-only"> {name}</span>
        </Link>
      </p>
    );
  }
  if (state === "outgoing") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>{t("network.actions.requestSent")}</span>
        <IntentForm userId={userId} back={back} intent="withdraw" label={t("network.actions.withdraw")} name={name} />
      </div>
    );
  }
  if (state === "incoming") {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>{t("network.actions.askedToConnect")}</span>
        <IntentForm userId={userId} back={back} intent="accept" label={t("network.actions.accept")} name={name} />
        <IntentForm userId={userId} back={back} intent="reject" label={t("network.actions.decline")} name={name} />
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
        <summary>{t("network.actions.addMessage")}</summary>
        <label htmlFor={`msg-${userId}`} className="block">
          {t("network.actions.messageTo", { name, max: REQUEST_MESSAGE_MAX })}
        </label>
        <textarea id={`msg-${userId}`} name="message" rows={2} dir="auto" className="w-full rounded border border-stone-400 px-2 py-1" />
      </details>
      <Button variant="secondary" size="sm">
        {t("network.actions.connect")}
        <span className="sr-only"> {t("network.actions.connectWith", { name })}</span>
      </Button>
    </Form>
  );
}
