/**
 * Mail in the browser tests: the SMTP sink started by playwright.config.ts writes every message
 * it receives into MAIL_DIR/<recipient>/<time>-<n>.json; waitForMail polls that folder.
 */
import fs from "node:fs";
import path from "node:path";
import { MAIL_DIR } from "../../playwright.config";
import { mailFolder } from "../support/smtp-sink";

export interface CaughtMail {
  subject: string;
  text: string;
}

/** The newest mail to `to` whose subject matches, waiting up to `timeoutMs` for it to arrive. */
export async function waitForMail(to: string, subjectMatch?: string | RegExp, timeoutMs = 10_000): Promise<CaughtMail> {
  const folder = mailFolder(path.resolve(MAIL_DIR), to);
  const matches = (subject: string) =>
    subjectMatch === undefined || (typeof subjectMatch === "string" ? subject.includes(subjectMatch) : subjectMatch.test(subject));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith(".json")).sort().reverse() : [];
    for (const name of names) {
      const mail = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as CaughtMail;
      if (matches(mail.subject)) return { subject: mail.subject, text: mail.text };
    }
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${to}${subjectMatch ? ` matching ${String(subjectMatch)}` : ""} reached the SMTP sink in ${timeoutMs} ms (looked in ${folder})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
