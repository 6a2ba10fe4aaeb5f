/**
 * An SMTP sink for tests: a real SMTP server (smtp-server) on 127.0.0.1, no TLS, any or no
 * login, that keeps every message it receives.
 *
 * In-process (integration tests):
 *   const sink = await startSmtpSink({ port: 0 });            // 0: any free port
 *   process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
 *   const mail = await sink.waitFor("someone@example.test", (m) => /reset/i.test(m.subject));
 *   await sink.close();
 *
 * As a program (the browser tests' webServer in playwright.config.ts):
 *   npx tsx tests/support/smtp-sink.ts --port 3125 --dir .cache/e2e-mail
 * writes each message into DIR/<recipient>/ as <time>-<n>.eml (raw) and <time>-<n>.json
 * ({ to, from, subject, text, html, receivedAt }); tests/e2e/mail.ts reads them.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

export interface SinkMessage {
  /** 1 for the first message this sink received, then 2, 3... */
  seq: number;
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  raw: string;
  receivedAt: Date;
}

export interface SmtpSink {
  port: number;
  messages(): SinkMessage[];
  /** The first message to `to` (received already or later) that matches `predicate`. */
  waitFor(to: string, predicate?: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  close(): Promise<void>;
}

/** The folder of one recipient's mail under the sink's directory. */
export function mailFolder(dir: string, to: string): string {
  return path.join(dir, to.trim().toLowerCase().replace(/[^a-z0-9@._+-]/g, "_").slice(0, 100) || "unknown");
}

export async function startSmtpSink(options: { port: number; dir?: string; host?: string }): Promise<SmtpSink> {
  const received: SinkMessage[] = [];
  const waiters = new Set<() => void>();
  let seq = 0;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth: (_auth, _session, callback) => callback(null, { user: "sink" }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        try {
          const raw = Buffer.concat(chunks).toString("latin1");
          const parsed = parseMessage(raw);
          const message: SinkMessage = {
            seq: ++seq,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: parsed.from,
            subject: parsed.subject,
            text: parsed.text,
            html: parsed.html,
            raw,
            receivedAt: new Date(),
          };
          received.push(message);
          if (options.dir) writeMessage(options.dir, message);
          for (const wake of [...waiters]) wake();
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();

  return {
    port: address.port,
    messages: () => [...received],
    waitFor(to, predicate = () => true, timeoutMs = 10_000) {
      const address = to.toLowerCase();
      const find = () => received.find((m) => m.to.includes(address) && predicate(m));
      const found = find();
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`No mail to ${to} within ${timeoutMs} ms (received: ${received.map((m) => `${m.to.join(",")}: ${m.subject}`).join("; ") || "nothing"})`));
        }, timeoutMs);
        const wake = () => {
          const match = find();
          if (!match) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(match);
        };
        waiters.add(wake);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function writeMessage(dir: string, message: SinkMessage) {
  const stamp = message.receivedAt.toISOString().replace(/[:.]/g, "-");
  for (const to of message.to) {
    const folder = mailFolder(dir, to);
    fs.mkdirSync(folder, { recursive: true });
    const base = path.join(folder, `${stamp}-${String(message.seq).padStart(5, "0")}`);
    fs.writeFileSync(`${base}.eml`, message.raw, "latin1");
    const { raw: _raw, ...rest } = message;
    // Written under another name, then renamed: a reader never sees half a file.
    fs.writeFileSync(`${base}.json.tmp`, JSON.stringify(rest, null, 2));
    fs.renameSync(`${base}.json.tmp`, `${base}.json`);
  }
}

// ---------------------------------------------------------------------------------------------
// A small MIME reader: enough for what nodemailer writes (plain text or multipart, 7bit, 8bit,
// quoted-printable or base64 bodies, RFC 2047 encoded words in headers).

export interface ParsedMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** `raw` holds the message's bytes as a latin1 string (one char per byte). */
export function parseMessage(raw: string): ParsedMessage {
  const { headers, body } = splitEntity(raw);
  const parts = { text: null as string | null, html: null as string | null };
  collectParts(headers, body, parts);
  return {
    from: decodeWords(headers.get("from") ?? ""),
    to: decodeWords(headers.get("to") ?? ""),
    subject: decodeWords(headers.get("subject") ?? ""),
    text: parts.text ?? "",
    html: parts.html,
  };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** "text/plain; charset=utf-8" -> { type: "text/plain", params: { charset: "utf-8" } } */
function contentType(value: string | undefined): { type: string; params: Record<string, string> } {
  const [type, ...rest] = (value ?? "text/plain").split(";");
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf("=");
    if (eq > 0) params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
  }
  return { type: type.trim().toLowerCase(), params };
}

function collectParts(headers: Map<string, string>, body: string, out: { text: string | null; html: string | null }) {
  const { type, params } = contentType(headers.get("content-type"));
  if (type.startsWith("multipart/") && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const closing = body.indexOf(`${delimiter}--`);
    const inside = closing >= 0 ? body.slice(0, closing) : body; // the epilogue is not a part
    const sections = inside.split(new RegExp(`\\r?\\n?${escapeRegExp(delimiter)}[ \\t]*\\r?\\n`));
    // sections[0] is the preamble.
    for (const section of sections.slice(1)) {
      if (!section.trim()) continue;
      const part = splitEntity(section);
      collectParts(part.headers, part.body, out);
    }
    return;
  }
  if (type !== "text/plain" && type !== "text/html") return;
  if ((headers.get("content-disposition") ?? "").toLowerCase().startsWith("attachment")) return;
  const decoded = decodeBody(body, headers.get("content-transfer-encoding"), params.charset);
  if (type === "text/plain") out.text ??= decoded;
  else out.html ??= decoded;
}

function decodeBody(body: string, encoding = "7bit", charset = "utf-8"): string {
  let bytes: Buffer;
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
      break;
    case "quoted-printable":
      bytes = quotedPrintable(body);
      break;
    default:
      bytes = Buffer.from(body, "latin1");
  }
  return decoderFor(charset).decode(bytes).replace(/\r\n/g, "\n").replace(/\n$/, "");
}

function quotedPrintable(body: string): Buffer {
  const joined = body.replace(/[ \t]+(?=\r?\n)/g, "").replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: "=?UTF-8?Q?Caf=C3=A9?=" -> "Café" (spaces between adjacent encoded words dropped). */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  return (
    value
      // The header was read as latin1: undo that for raw UTF-8 bytes (SMTPUTF8 mail).
      .replace(/[\u0080-\u00ff]+/g, (run) => {
        const decoded = Buffer.from(run, "latin1").toString("utf8");
        return decoded.includes("\ufffd") ? run : decoded;
      })
      .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, "$1")
      .replace(word, (_all, charset: string, kind: string, text: string) => {
        const bytes = kind.toUpperCase() === "B" ? Buffer.from(text, "base64") : quotedPrintable(text.replace(/_/g, " "));
        return decoderFor(charset.split("*")[0]).decode(bytes);
      })
  );
}

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder("utf-8"); // an unknown label
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---------------------------------------------------------------------------------------------
// Command line: npx tsx tests/support/smtp-sink.ts --port 3125 --dir .cache/e2e-mail

function argument(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const runAsProgram = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runAsProgram) {
  const port = Number(argument("port", "3125"));
  const dir = path.resolve(argument("dir", ".cache/e2e-mail")!);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error("smtp-sink: --port must be a whole number from 0 to 65535");
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  const sink = await startSmtpSink({ port, dir, host: argument("host", "127.0.0.1") });
  console.log(`smtp-sink: listening on 127.0.0.1:${sink.port}, writing mail to ${dir}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void sink.close().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
    });
  }
}
