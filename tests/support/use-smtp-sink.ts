/**
 * An SMTP sink for one integration file (tests/support/smtp-sink.ts): started before the file's
 * first test with SMTP_URL pointing at it, and PUBLIC_URL unset so mailed links read
 * http://localhost/...; stopped after the last. The app reads its environment once, at its first
 * request, so a file that uses this runs in a process of its own (vitest.config.ts OWN_PROCESS).
 * Kept apart from smtp-sink.ts, which also runs as a command beside the browser tests and must not
 * import vitest.
 */
import { afterAll, beforeAll } from "vitest";
import { startSmtpSink, type SinkMessage, type SmtpSink } from "./smtp-sink";

export function useSmtpSink(): Pick<SmtpSink, "messages" | "waitFor"> {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink({ port: 0 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    delete process.env.PUBLIC_URL;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await sink?.close();
  });
  const started = (): SmtpSink => {
    if (!sink) throw new Error("the SMTP sink is used before its beforeAll started it");
    return sink;
  };
  return {
    messages: (): SinkMessage[] => started().messages(),
    waitFor: (to, predicate, timeoutMs) => started().waitFor(to, predicate, timeoutMs),
  };
}
