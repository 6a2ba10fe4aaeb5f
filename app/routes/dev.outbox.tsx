/**
 * The development outbox: mail written to data/outbox/ when no SMTP_URL is set, newest first,
 * and one message at a time (?mail=<file>). Only with NODE_ENV=development; 404 otherwise.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { env } from "~/env.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { listOutbox, readOutbox } from "~/services/mail.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  if (env().NODE_ENV !== "development") throw new Response(null, { status: 404 });
  const name = new URL(request.url).searchParams.get("mail");
  const messages = await pageMessages(request, ["admin"]);
  if (name) {
    const mail = await readOutbox(name);
    if (!mail) throw new Response((await translatorFor(request))("admin.outbox.notFound"), { status: 404 });
    return { mail, mails: null, smtp: Boolean(env().SMTP_URL), ...messages };
  }
  return { mail: null, mails: await listOutbox(), smtp: Boolean(env().SMTP_URL), ...messages };
}

/** The text with its web addresses as links (the reset link, say). */
function TextWithLinks({ text }: { text: string }) {
  const pieces = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 ? <a href={piece}>{piece}</a> : piece}</Fragment>
      ))}
    </>
  );
}

/** A translated sentence with elements in its places: t(id, { place: "{place}" }) keeps the markers to split on. */
function WithParts({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/\{(\w+)\}/g);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>{i % 2 === 1 ? (parts[piece] ?? piece) : piece}</Fragment>
      ))}
    </>
  );
}

const marker = (name: string) => `{${name}}`;
/** Where the files go and the setting that sends mail instead: names, the same in every language. */
const FOLDER = "data/outbox/";
const SETTING = "SMTP_URL";
const INTRO_PARTS = {
  folder: <code>{FOLDER}</code>,
  setting: <code>{SETTING}</code>,
};

export default function DevOutbox() {
  const { mail, mails, smtp } = useLoaderData<typeof loader>();
  const t = useT();
  if (mail) {
    return (
      <section aria-labelledby="outbox-title" className="space-y-4">
        <h1 id="outbox-title" dir="auto">
          {mail.subject}
        </h1>
        <dl className="card grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="font-medium">{t("admin.outbox.to")}</dt>
          <dd>
            <bdi>{mail.to}</bdi>
          </dd>
          <dt className="font-medium">{t("admin.outbox.from")}</dt>
          <dd>
            <bdi>{mail.from}</bdi>
          </dd>
          <dt className="font-medium">{t("admin.outbox.sent")}</dt>
          <dd>
            <time dateTime={mail.sentAt}>{mail.sentAt.replace("T", " ").slice(0, 19)} UTC</time>
          </dd>
        </dl>
        <pre className="card whitespace-pre-wrap break-words font-sans" dir="auto">
          <TextWithLinks text={mail.text} />
        </pre>
        {mail.html ? (
          <p className="text-sm text-stone-600">
            <WithParts text={t("admin.outbox.htmlPart", { file: marker("file") })} parts={{ file: <bdi>{mail.id}</bdi> }} />
          </p>
        ) : null}
        <p>
          <Link to="/dev/outbox">{t("admin.outbox.back")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <h1 id="outbox-title">{t("admin.outbox.title")}</h1>
      <p>
        <WithParts
          text={t("admin.outbox.intro", { folder: marker("folder"), setting: marker("setting") })}
          parts={INTRO_PARTS}
        />
      </p>
      {smtp ? (
        <p role="note">
          <WithParts text={t("admin.outbox.smtpSet", { setting: marker("setting") })} parts={{ setting: SETTING }} />
        </p>
      ) : null}
      {mails && mails.length > 0 ? (
        <ol className="card divide-y divide-stone-200">
          {mails.map((m) => (
            <li key={m.id} className="py-2">
              <Link to={`/dev/outbox?mail=${encodeURIComponent(m.id)}`} className="font-medium" dir="auto">
                {m.subject}
              </Link>
              <p className="text-sm text-stone-600">
                <WithParts text={t("admin.outbox.toWhom", { email: marker("email") })} parts={{ email: <bdi>{m.to}</bdi> }} /> ·{" "}
                <time dateTime={m.sentAt}>{m.sentAt.replace("T", " ").slice(0, 19)} UTC</time>
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="card">{t("admin.outbox.empty")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("admin.outbox.metaTitle")));
