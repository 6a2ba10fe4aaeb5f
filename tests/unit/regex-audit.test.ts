/**
 * The regex audit of issue 11: every regular expression in app/ and server.ts is listed here and
 * checked by recheck (https://makenowjust-labs.github.io/recheck/), which reports a pattern whose
 * matching time grows faster than the input (ReDoS). All of them are checked, not only those that
 * read what members type: deciding which strings can never come from a member is the mistake this
 * audit exists to catch. The list is compared with the source files (parsed by TypeScript), so a
 * new pattern fails here until it is added, and then it is checked like the rest.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LIST_NAMES } from "../../app/modules/profile/rules";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every regex literal, by file (copies of the source's, control-character classes included). */
/* eslint-disable no-control-regex -- the list copies patterns that match control characters on purpose */
const AUDITED: Record<string, RegExp[]> = {
  "app/components/ui/initials.ts": [/\s+/],
  "app/env.server.ts": [/SECRET|SMTP_URL|ACCESS_KEY|API_KEY|TOKEN/, /^[a-z0-9-]{1,40}$/, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, /^https?:\/\/[^/?#]+\/?$/, /^smtps?:\/\//],
  "app/lib/cursor.ts": [/^[0-9a-z]{1,12}$/, /^[A-Za-z0-9_-]+$/],
  "app/lib/i18n.server.ts": [/^[a-z][A-Za-z0-9]*\.[A-Za-z0-9_.]+$/],
  "app/lib/html.ts": [/[&<>"']/g],
  "app/lib/ids.ts": [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  "app/lib/like-pattern.ts": [/[\\%_]/g],
  "app/lib/rss.ts": [/[&<>"']/g, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g],
  "app/lib/safe-redirect.ts": [/[\u0000-\u001f\u007f-\u009f\\]/],
  "app/lib/slug.ts": [/[\u0300-\u036f]/g, /[^a-z0-9]+/g],
  "app/lib/text.ts": [/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, /\r\n?/g],
  "app/modules/accounts/csrf.server.ts": [/^[A-Za-z0-9_-]{22,64}$/],
  "app/modules/accounts/google.server.ts": [/\/$/],
  "app/modules/accounts/password-reset.server.ts": [/^[A-Za-z0-9_-]{43}$/],
  // A confirmation link's token: 43 base64url characters (decision 054); a code: six digits, spaces dropped.
  "app/modules/accounts/sign-up.server.ts": [/^[A-Za-z0-9_-]{43}$/],
  "app/modules/accounts/sign-up.ts": [/\s+/g, /^\d{6}$/],
  "app/modules/accounts/passwords.server.ts": [/^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/],
  "app/modules/accounts/user-agent.ts": [/Android/, /Chrome\/|CriOS\//, /CrOS/, /Edg(?:e|A|iOS)?\//, /Firefox\/|FxiOS\//, /Linux/, /Mac OS X|Macintosh/, /Mobi|iPhone|Android/, /OPR\/|Opera/, /Safari\//, /SamsungBrowser\//, /UCBrowser\//, /Windows/, /bot|crawler|spider/i, /curl\//, /iPad|Tablet/, /iPhone|iPad|iPod/],
  "app/modules/analytics/page-view-rules.ts": [
    /&(amp|lt|gt|quot|#39|#x27);/g,
    /[?#]/,
    /^\d{1,9}$/,
    /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse|curl\/|wget\/|python|go-http-client|java\/|okhttp|libwww|httpclient|node-fetch|axios|autocannon/i,
  ],
  "app/lib/csv.ts": [/"/g, /[",\r\n]/, /[^A-Za-z0-9-]/g, /^[=+\-@\t\r]/],
  "app/modules/analytics/period.ts": [/^(\d{4})-(\d{2})-(\d{2})$/],
  "app/modules/analytics/summarize-args.ts": [/^(\d{4})-(\d{2})-(\d{2})$/],
  "app/modules/calendar/forms.server.ts": [/^[0-6]$/],
  "app/modules/calendar/ics.ts": [/,/g, /;/g, /[-:]/g, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, /\.\d{3}/, /\\/g, /\r\n|\r|\n|\u0085|\u2028|\u2029/g],
  "app/modules/calendar/slots.ts": [/^\d+$/, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z$/],
  "app/modules/calendar/time.ts": [/^(\d{2}):(\d{2})(?::(\d{2}))?$/],
  "app/modules/calendar/week.ts": [/^(\d{4})-(\d{2})-(\d{2})$/],
  "app/modules/calendar/zone.ts": [/^[A-Za-z]{2}$/],
  "app/modules/coach/ai.server.ts": [/\S+\s*|\s+/g],
  "app/modules/coach/extras-rules.ts": [/\s+/g],
  "app/modules/coach/markdown.ts": [/\s+/, /^[\w+-]{1,30}$/, /^https?:\/\/[^\s"'<>`\\]+$/i],
  "app/modules/coach/offline-coach.ts": [/[\p{L}\p{N}]+/gu],
  "app/modules/coach/rules.ts": [/\r?\n/, /\s+/g],
  "app/modules/communities/rules.ts": [/^banner-[0-9a-f]{32}\.webp$/],
  "app/modules/feed/feed-cursor.server.ts": [/^[0-9a-z]{1,12}$/],
  "app/modules/feed/rules.ts": [/^feed-[0-9a-f]{32}\.webp$/],
  "app/modules/documents/rules.ts": [/[\p{L}\p{M}\p{N}_]/u, /\s/, /[\s<>"'()]/, /[.!?]$/, /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ed|done|made|given|taken|written|built|led|run|seen)\b/i, /\bHardworking\b/, /\bI am responsible for\b/, /\bhard-working\b/i, /\bhelped (?:to )?/i, /\bresponsible for\b/i, /\bvery\s+/i, /\d/, /\s+/, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/],
  "app/modules/hiring/cursor.server.ts": [/^[0-9a-z]{1,12}$/, /^[0-9a-z]{1,8}$/],
  "app/modules/hiring/forms.server.ts": [/^\d{1,15}$/],
  "app/modules/hiring/rules.ts": [/^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/, /^(\d{4})-(\d{2})-(\d{2})$/, /^\d{1,2}$/],
  "app/modules/interviews/offline-review.ts": [/[\p{L}\p{M}\p{N}]+/gu, /\p{Nd}/u, /[a-z]/],
  "app/modules/interviews/review.server.ts": [/\S+\s*|\s+/g],
  "app/modules/jobs/applications.server.ts": [/\r\n?/g],
  "app/modules/jobs/cv.ts": [/-/g, /^cv-[0-9a-f]{32}\.(pdf|docx)$/],
  "app/modules/jobs/feed-page.server.ts": [/\s+/g],
  "app/modules/jobs/feed.server.ts": [/"/g],
  "app/modules/jobs/importer.ts": [/\s+/g, /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, /^https?:\/\//i],
  "app/modules/jobs/posting-rules.ts": [/[,\s]/g, /^\d{1,10}(\.\d{1,2})?$/],
  "app/modules/jobs/rules.ts": [/,/g, /[\p{L}\p{N}]+/gu, /[^A-Z]/g, /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/, /^[A-Z]{2}$/],
  "app/modules/messages/rules.ts": [/\s+/g],
  "app/modules/profile/images.server.ts": [/pixel limit/i],
  "app/modules/profile/rules.ts": [/\s+/g, /^([a-z]+):(remove|up|down):(\d{1,3})$/],
  "app/modules/profile/avatar-url.ts": [/^\/avatars\/([^/?#]+)$/, /^avatar-[0-9a-f]{32}\.(png|jpg|webp)$/],
  "app/modules/skills/grading.ts": [/^q(\d{1,10})$/, /^\d$/],
  "app/modules/skills/tests.server.ts": [/^[1-9]\d{0,8}$/],
  "app/modules/profile/schemas.server.ts": [/\d/g, /\s+/g, /^(\d{4})-(0[1-9]|1[0-2])$/, /^[0-9+()\- ]*$/, /^[a-z0-9_]*$/, /^[a-z][a-z0-9+.-]*:/i, /^\/+/, /^\d{4}$/],
  "app/modules/skills/candidate-forms.server.ts": [/^\d{1,9}$/],
  "app/modules/signups/forms.server.ts": [/^$|^\+?[ ()./-]*[0-9][0-9 ()./-]*$/],
  "app/modules/skills/bank-rules.ts": [/\s+/g, /^\uFEFF/],
  "app/routes/admin.users_.$id.role.tsx": [/^\/admin\/users(\?[^#]*)?$/],
  "app/routes/dev.outbox.tsx": [/(https?:\/\/[^\s<>"]+)/g, /\{(\w+)\}/g],
  "app/services/log.server.ts": [/^[A-Za-z_]\w*$/, /^[A-Za-z0-9._:-]{8,64}$/, /[?#]/],
  "app/services/mail.server.ts": [/(smtps?:\/\/)[^@\s/]*@/gi, /[:.]/g, /[^a-z0-9@._+-]/g, /^[0-9TZ-]+_[a-z0-9@._+-]+_[0-9a-f]+\.json$/],
  "app/services/sigv4.ts": [/%2F/g, /[!'()*]/g, /[-:]/g, /\.\d{3}/, /\s+/g],
  "app/services/upload-sweep.server.ts": [/[?#]/, /\.tmp-[0-9a-f]{12}$/],
  "app/services/storage.server.ts": [/<Code>([^<]{1,100})<\/Code>/, /^[a-z]+\/[a-z0-9.+-]{1,100}$/, /^[a-z][a-z0-9]{0,19}-[a-z0-9]{16,64}(\.[a-z0-9]{1,5})?$/],
  "server.ts": [/[^A-Z-]/gi, /\/\/([^:@/]+):[^@/]+@/],
};
/* eslint-enable no-control-regex */

/** Every `new RegExp(...)`, by file, with each pattern it can build. */
const DYNAMIC: Record<string, RegExp[]> = {
  "app/modules/profile/rules.ts": LIST_NAMES.map((list) => new RegExp(`^${list}\\.(\\d{1,3})\\.([A-Za-z]+)$`)),
};

function sourceFiles(): string[] {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `app/${f.split(path.sep).join("/")}`);
  return [...files, "server.ts"].sort();
}

/** The regex literals and the number of RegExp constructions in each source file. */
function scan(): { literals: Map<string, string[]>; dynamic: Map<string, number> } {
  const literals = new Map<string, string[]>();
  const dynamic = new Map<string, number>();
  for (const file of sourceFiles()) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const found = literals.get(file) ?? [];
        const normal = normalise(node.getText());
        if (!found.includes(normal)) found.push(normal);
        literals.set(file, found);
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === "RegExp") {
        dynamic.set(file, (dynamic.get(file) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** "/a/ig" as RegExp prints it ("/a/gi"), so flag order does not matter. */
function normalise(literal: string): string {
  const end = literal.lastIndexOf("/");
  return new RegExp(literal.slice(1, end), literal.slice(end + 1)).toString();
}

describe("the regex audit", () => {
  it("recognises the patterns issue 11 found: the old Markdown heading and the fixes of this audit", { timeout: 60_000 }, () => {
    // If recheck ever answered "safe" to everything, this would say so.
    const old = [/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/, /[^.!?\n]+[.!?]/g, /^-+|-+$/g, /\/+$/, /^$|^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$/];
    for (const re of old) expect(checkSync(re.source, re.flags, { timeout: 20_000 }).status, String(re)).toBe("vulnerable");
  });

  // Parsing every file of app/ takes about 1 s on an idle machine and 12 s on a loaded one.
  it("lists every regex literal and every RegExp construction in app/ and server.ts, and nothing that is gone", { timeout: 60_000 }, () => {
    const { literals, dynamic } = scan();
    const listed = Object.fromEntries(Object.entries(AUDITED).map(([file, res]) => [file, res.map((re) => re.toString()).sort()]));
    const found = Object.fromEntries([...literals].map(([file, res]) => [file, [...res].sort()]));
    expect(found, "a regex was added, changed or removed: update AUDITED in this file").toEqual(listed);
    expect(Object.fromEntries(dynamic), "a new RegExp(...) was added or removed: update DYNAMIC").toEqual(
      Object.fromEntries(Object.keys(DYNAMIC).map((file) => [file, 1])),
    );
  });

  it("finds every listed regex safe from ReDoS with recheck", { timeout: 240_000 }, () => {
    const unique = new Map<string, { re: RegExp; file: string }>();
    for (const [file, res] of [...Object.entries(AUDITED), ...Object.entries(DYNAMIC)]) {
      for (const re of res) if (!unique.has(re.toString())) unique.set(re.toString(), { re, file });
    }
    const unsafe: string[] = [];
    for (const { re, file } of unique.values()) {
      const result = checkSync(re.source, re.flags, { timeout: 20_000 });
      if (result.status !== "safe") {
        const how = result.status === "vulnerable" ? `${result.complexity.type}, attack ${result.attack.pattern}` : result.error.kind;
        unsafe.push(`${re} in ${file}: ${result.status} (${how})`);
      }
    }
    expect(unsafe).toEqual([]);
    expect(unique.size).toBeGreaterThan(100);
  });
});
