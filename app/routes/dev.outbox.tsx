/**
 * The development outbox: mail written to data/outbox/ when no SMTP_URL is set, newest first,
 * and one message at a time (?mail=<file>). Only with NODE_ENV=development; 404 otherwise.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { env } from "~/env.server";
import { listOutbox, readOutbox } from "~/services/mail.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  if (env().NODE_ENV !== "development") throw new Response(null, { status: 404 });
  const name = new URL(request.url).searchParams.get("mail");
  if (name) {
    const mail = await readOutbox(name);
    if (!mail) throw new Response("That message is not in the outbox.", { status: 404 });
    return { mail, mails: null, smtp: Boolean(env().SMTP_URL) };
  }
  return { mail: null, mails: await listOutbox(), smtp: Boolean(env().SMTP_URL) };
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

export default function DevOutbox() {
  const { mail, mails, smtp } = useLoaderData<typeof loader>();
  if (mail) {
    return (
      <section aria-labelledby="outbox-title" className="space-y-4">
        <h1 id="outbox-title">{mail.subject}</h1>
        <dl className="card grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="font-medium">To</dt>
          <dd>{mail.to}</dd>
          <dt className="font-medium">From</dt>
          <dd>{mail.from}</dd>
          <dt className="font-medium">Sent</dt>
          <dd>
            <time dateTime={mail.sentAt}>{mail.sentAt.replace("T", " ").slice(0, 19)} UTC</time>
          </dd>
        </dl>
        <pre className="card whitespace-pre-wrap break-words font-sans">
          <TextWithLinks text={mail.text} />
        </pre>
        {mail.html ? <p className="text-sm text-stone-600">This message also has an HTML part (in the file {mail.id}).</p> : null}
        <p>
          <Link to="/dev/outbox">Back to the outbox</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <h1 id="outbox-title">Development outbox</h1>
      <p>
        Mail Ladder would have sent, kept as files in <code>data/outbox/</code> because no <code>SMTP_URL</code> is set.
        This page exists only in development.
      </p>
      {smtp ? <p role="note">SMTP_URL is set now, so new mail goes to the SMTP server and not here.</p> : null}
      {mails && mails.length > 0 ? (
        <ol className="card divide-y divide-stone-200">
          {mails.map((m) => (
            <li key={m.id} className="py-2">
              <Link to={`/dev/outbox?mail=${encodeURIComponent(m.id)}`} className="font-medium">
                {m.subject}
              </Link>
              <p className="text-sm text-stone-600">
                to {m.to} · <time dateTime={m.sentAt}>{m.sentAt.replace("T", " ").slice(0, 19)} UTC</time>
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="card">The outbox is empty. Mail appears here when Ladder sends some, for example a password reset link.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Development outbox | Ladder");
