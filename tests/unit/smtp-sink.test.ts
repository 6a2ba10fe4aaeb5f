/** The SMTP sink the tests read mail from: its MIME reading, its files, and waiting for mail. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { decodeWords, mailFolder, parseMessage, startSmtpSink } from "../support/smtp-sink";

async function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<string> {
  const raw = await new MailComposer(options).compile().build();
  return raw.toString("latin1");
}

describe("reading a message", () => {
  it("reads a plain ASCII message", async () => {
    const parsed = parseMessage(await compose({ from: "a@b.test", to: "c@d.test", subject: "Hello", text: "Just text." }));
    expect(parsed).toEqual({ from: "a@b.test", to: "c@d.test", subject: "Hello", text: "Just text.", html: null });
  });

  it("decodes a UTF-8 subject and a quoted-printable body with a long link broken across lines", async () => {
    const link = `https://ladder.test/reset-password/${"Ab9_-".repeat(20)}`;
    const raw = await compose({ from: "a@b.test", to: "c@d.test", subject: "Réinitialiser — ✓ votre mot de passe, s'il vous plaît, maintenant", text: `Bonjour é\n${link}\nfin` });
    expect(raw).toMatch(/=\r\n/); // the raw body really is soft-wrapped
    const parsed = parseMessage(raw);
    expect(parsed.subject).toBe("Réinitialiser — ✓ votre mot de passe, s'il vous plaît, maintenant");
    expect(parsed.text).toBe(`Bonjour é\n${link}\nfin`);
  });

  it("takes the text and the HTML part of a multipart message", async () => {
    const parsed = parseMessage(await compose({ from: "a@b.test", to: "c@d.test", subject: "Both", text: "plain part", html: "<p>html part</p>" }));
    expect(parsed.text).toBe("plain part");
    expect(parsed.html).toBe("<p>html part</p>");
  });

  it("decodes a base64 body", async () => {
    const parsed = parseMessage(await compose({ from: "a@b.test", to: "c@d.test", subject: "B", text: "ﻣﺮﺣﺒﺎ مرحبا", textEncoding: "base64" }));
    expect(parsed.text).toBe("ﻣﺮﺣﺒﺎ مرحبا");
  });

  it("decodes Q and B encoded words and joins adjacent ones", () => {
    expect(decodeWords("=?UTF-8?Q?Caf=C3=A9_au?= =?UTF-8?B?bGFpdA==?=")).toBe("Café aulait");
    expect(decodeWords("plain")).toBe("plain");
  });
});

describe("the sink", () => {
  it("keeps each message, writes it per recipient as .eml and .json, and wakes a waiting test", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-sink-"));
    const sink = await startSmtpSink({ port: 0, dir });
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${sink.port}`);
    try {
      const waiting = sink.waitFor("Ravi@Example.com", (m) => m.subject === "second");
      await transport.sendMail({ from: "a@b.test", to: "ravi@example.com", subject: "first", text: "1" });
      await transport.sendMail({ from: "a@b.test", to: "ravi@example.com", subject: "second", text: "2" });
      const second = await waiting;
      expect(second.text).toBe("2");
      expect(second.seq).toBe(2);
      expect(sink.messages().map((m) => m.subject)).toEqual(["first", "second"]);

      const folder = mailFolder(dir, "Ravi@Example.com");
      expect(folder).toBe(path.join(dir, "ravi@example.com"));
      const files = fs.readdirSync(folder).sort();
      expect(files.filter((f) => f.endsWith(".json"))).toHaveLength(2);
      expect(files.filter((f) => f.endsWith(".eml"))).toHaveLength(2);
      const stored = JSON.parse(fs.readFileSync(path.join(folder, files.filter((f) => f.endsWith(".json"))[1]), "utf8"));
      expect(stored).toMatchObject({ subject: "second", text: "2", to: ["ravi@example.com"] });
    } finally {
      transport.close();
      await sink.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says what it received when the awaited mail does not come", async () => {
    const sink = await startSmtpSink({ port: 0 });
    try {
      await expect(sink.waitFor("nobody@example.com", undefined, 50)).rejects.toThrow(/No mail to nobody@example.com within 50 ms \(received: nothing\)/);
    } finally {
      await sink.close();
    }
  });
});
