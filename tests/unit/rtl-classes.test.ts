/**
 * Right to left (decision 040): pages use Tailwind's logical utilities (ms-, me-, ps-, pe-,
 * start-, end-, border-s, text-start), so an Arabic page mirrors. A physical left or right
 * utility would stay put in Arabic; this lists any that come back.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : /\.(tsx|ts|css)$/.test(entry.name) ? [full] : [];
  });

const PHYSICAL =
  /(?:^|[\s"'`:])-?(?:ml|mr|pl|pr|left|right|border-l|border-r|rounded-l|rounded-r|rounded-tl|rounded-tr|rounded-bl|rounded-br|text-left|text-right|float-left|float-right|scroll-ml|scroll-mr)-(?:[0-9]|auto|px|full|\[)|(?:^|[\s"'`:])(?:text-left|text-right|border-l|border-r|float-left|float-right)(?=[\s"'`;])/g;

describe("right-to-left layout", () => {
  it("no page uses a physical left or right utility where a logical one exists", () => {
    const found: string[] = [];
    for (const file of [...files("app/components"), ...files("app/routes"), "app/root.tsx", "app/tailwind.css"]) {
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        // Markdown table cells keep the alignment their author chose.
        if (line.includes(".prose .text-right")) return;
        for (const match of line.matchAll(PHYSICAL)) found.push(`${file}:${i + 1} ${match[0].trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("the arrows that point back or forward flip in right-to-left pages", () => {
    const raw = [...files("app/components"), ...files("app/routes")]
      .filter((file) => !file.endsWith("Arrow.tsx"))
      .flatMap((file) => (/[←→]/.test(fs.readFileSync(file, "utf8")) ? [file] : []));
    expect(raw).toEqual([]);
  });
});
