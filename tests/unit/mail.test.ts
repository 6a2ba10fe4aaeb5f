/** The mail service: the development outbox on disk, SMTP through a real sink, and failures. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmtpSink } from "../support/smtp-sink";

const secret = "unit-tests-secret-0123456789abcdef0123";
let dir: string;

/** mail.server.ts with a fresh env() cache, read from `vars`. */
async function mailService(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return import("~/services/mail.server");
}

// The first import compiles the mail service and nodemailer; on a loaded machine that alone took
// more than a test's 5 s. Done once here, each test's fresh import only re-evaluates.
beforeAll(async () => {
  await import("~/services/mail.server");
}, 60_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-outbox-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  vi.restoreAllMocks();
});

describe("the development outbox", () => {
  it("writes each message as a JSON file named by time and recipient when no SMTP_URL is set", async () => {
    const mail = await mailService({ SMTP_URL: undefined, MAIL_FROM: "Ladder <hello@ladder.test>", SESSION_SECRET: secret });
    const result = await mail.sendMail({ to: "Amira@Example.com", subject: "Hello", text: "First line\nhttp://localhost/x" }, { outboxDir: dir });
    expect(result).toMatchObject({ ok: true, via: "outbox" });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_amira@example\.com_[0-9a-f]{8}\.json$/);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, files[0]), "utf8"));
    expect(stored).toMatchObject({ to: "Amira@Example.com", from: "Ladder <hello@ladder.test>", subject: "Hello", text: "First line\nhttp://localhost/x" });
  });

  it("lists the newest message first and reads one back by its name", async () => {
    const mail = await mailService({ SMTP_URL: undefined, SESSION_SECRET: secret });
    for (const subject of ["first", "second", "third"]) {
      await mail.sendMail({ to: "a@example.com", subject, text: subject }, { outboxDir: dir });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const listed = await mail.listOutbox(dir);
    expect(listed.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    expect((await mail.readOutbox(listed[1].id, dir))?.text).toBe("second");
    expect(await mail.listOutbox(path.join(dir, "missing"))).toEqual([]);
  });

  it("reads nothing but its own file names", async () => {
    const mail = await mailService({ SMTP_URL: undefined, SESSION_SECRET: secret });
    fs.writeFileSync(path.join(dir, "secret.json"), "{}");
    for (const name of ["secret.json", "../secret.json", "..%2fsecret.json", "2026-01-01T00-00-00-000Z_a@b.c_00/../x.json", ""]) {
      expect(mail.isOutboxName(name)).toBe(false);
      expect(await mail.readOutbox(name, dir)).toBeNull();
    }
    expect(mail.isOutboxName(mail.outboxFileName("x@y.z", new Date(0), "abcd1234"))).toBe(true);
  });

  it("turns any recipient into a safe file name", async () => {
    const mail = await mailService({ SESSION_SECRET: secret });
    const name = mail.outboxFileName('../../etc/"passwd" <x@y>', new Date("2026-01-02T03:04:05.678Z"), "00ff00ff");
    expect(name).toBe("2026-01-02T03-04-05-678Z_.._.._etc__passwd___x@y__00ff00ff.json");
    expect(name).not.toContain("/");
  });

  it("masks addresses in log lines", async () => {
    const mail = await mailService({ SESSION_SECRET: secret });
    expect(mail.maskAddress("someone@example.com")).toBe("so***@example.com");
    expect(mail.maskAddress("a@example.com")).toBe("a***@example.com");
    expect(mail.maskAddress("nonsense")).toBe("***");
  });
});

describe("SMTP", () => {
  it("sends through SMTP_URL with MAIL_FROM, and writes nothing to the outbox", async () => {
    const sink = await startSmtpSink({ port: 0 });
    try {
      const mail = await mailService({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: "Ladder <no-reply@ladder.test>", SESSION_SECRET: secret });
      const result = await mail.sendMail({ to: "ravi@example.com", subject: "Grüße", text: "Ünïcode and a link: https://ladder.test/x" }, { outboxDir: dir });
      expect(result).toMatchObject({ ok: true, via: "smtp" });
      const received = await sink.waitFor("ravi@example.com");
      expect(received.subject).toBe("Grüße");
      expect(received.text).toBe("Ünïcode and a link: https://ladder.test/x");
      expect(received.from).toBe("Ladder <no-reply@ladder.test>");
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      await sink.close();
    }
  });

  it("returns a failure and logs it without the SMTP password or the message body when the server cannot be reached", async () => {
    const sink = await startSmtpSink({ port: 0 });
    const port = sink.port;
    await sink.close(); // nothing listens there now
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    const mail = await mailService({ SMTP_URL: `smtp://mailer:hunter2-secret@127.0.0.1:${port}`, SESSION_SECRET: secret });
    const result = await mail.sendMail({ to: "someone@example.com", subject: "Reset your Ladder password", text: "token-abc123" });
    expect(result.ok).toBe(false);
    expect(result.via).toBe("smtp");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('"Reset your Ladder password" to so***@example.com was not sent (smtp)');
    expect(logged[0]).not.toContain("hunter2-secret");
    expect(logged[0]).not.toContain("token-abc123");
    expect(logged[0]).not.toContain("someone@example.com");
  });
});
