/**
 * Mail: SMTP through nodemailer when SMTP_URL is set; otherwise a development outbox, one JSON
 * file per message under data/outbox/ (listed at /dev/outbox in development).
 *
 * Send mail only OUTSIDE withTx (after the database work). sendMail never throws: a failure is
 * logged (without the message body, which may hold a token, or the SMTP credentials) and
 * returned, so each caller decides what it means for the person waiting.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/env.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export type SendResult = { ok: true; via: "smtp" | "outbox"; id: string } | { ok: false; via: "smtp" | "outbox"; error: string };

/** A message as kept in the development outbox. */
export interface OutboxMail extends Mail {
  id: string;
  from: string;
  sentAt: string;
}

export const OUTBOX_DIR = path.join("data", "outbox");

let transport: { url: string; transporter: Transporter } | undefined;
function smtp(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = {
      url,
      transporter: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return transport.transporter;
}

export async function sendMail(mail: Mail, options: { outboxDir?: string } = {}): Promise<SendResult> {
  const { SMTP_URL, MAIL_FROM } = env();
  const via = SMTP_URL ? "smtp" : "outbox";
  try {
    if (SMTP_URL) {
      const info = await smtp(SMTP_URL).sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return { ok: true, via, id: String(info.messageId ?? "") };
    }
    const id = await writeToOutbox({ ...mail, from: MAIL_FROM }, options.outboxDir);
    return { ok: true, via, id };
  } catch (error) {
    const reason = describeError(error);
    console.error(`mail: "${mail.subject}" to ${maskAddress(mail.to)} was not sent (${via}): ${reason}`);
    return { ok: false, via, error: reason };
  }
}

/** The error without secrets: SMTP URLs may carry a user and password. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(smtps?:\/\/)[^@\s/]*@/gi, "$1***@").slice(0, 300);
}

/** "someone@example.com" -> "so***@example.com": enough to trace a log line, not a full address. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

/** The file name of a message: sortable by time, then the recipient, then a random part. */
export function outboxFileName(to: string, sentAt: Date, random = crypto.randomBytes(4).toString("hex")): string {
  const stamp = sentAt.toISOString().replace(/[:.]/g, "-");
  const recipient = to.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_").slice(0, 64) || "unknown";
  return `${stamp}_${recipient}_${random}.json`;
}

const OUTBOX_NAME = /^[0-9TZ-]+_[a-z0-9@._+-]+_[0-9a-f]+\.json$/;
/** Only names this module writes: nothing else of the disk can be read through the outbox page. */
export const isOutboxName = (name: string) => OUTBOX_NAME.test(name) && !name.includes("..");

async function writeToOutbox(mail: Mail & { from: string }, dir = OUTBOX_DIR, now = new Date()): Promise<string> {
  const id = outboxFileName(mail.to, now);
  const stored: OutboxMail = { id, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, sentAt: now.toISOString() };
  await fs.mkdir(dir, { recursive: true });
  // Written under a name the outbox ignores, then renamed: a reader never sees half a message.
  const partial = path.join(dir, `.${id}.partial`);
  await fs.writeFile(partial, JSON.stringify(stored, null, 2), { mode: 0o600 });
  await fs.rename(partial, path.join(dir, id));
  return id;
}

/** The newest messages first (at most `limit`). */
export async function listOutbox(dir = OUTBOX_DIR, limit = 100): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const newest = names.filter(isOutboxName).sort().reverse().slice(0, limit);
  const mails = await Promise.all(newest.map((name) => readOutbox(name, dir)));
  return mails.filter((mail): mail is OutboxMail => mail !== null);
}

export async function readOutbox(name: string, dir = OUTBOX_DIR): Promise<OutboxMail | null> {
  if (!isOutboxName(name)) return null;
  try {
    const stored = JSON.parse(await fs.readFile(path.join(dir, name), "utf8")) as OutboxMail;
    return { ...stored, id: name };
  } catch {
    return null;
  }
}
