/**
 * `npm run bench:browser`: what one browser-test step costs Chromium in CPU time on this machine
 * (decision 036). Against a running Ladder (`npm start`, or --url), with Debian's Chromium and the
 * browser tests' launch flags, it times N repeats of each step and reads the CPU time of every
 * Chromium process from /proc (Linux only), so the numbers include the browser, renderer, GPU and
 * utility processes, which the browser tests' wall time on a busy machine is made of.
 *
 *   npm run bench:browser -- --url http://127.0.0.1:3000 --path /jobs --repeat 30
 */
import fs from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { waitForHydration } from "../tests/e2e/fixtures";
import { CHROMIUM, CHROMIUM_TEST_ARGS } from "../tests/support/chromium";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
const base = option("url", "http://127.0.0.1:3000");
const target = base + option("path", "/jobs");
const repeat = Number(option("repeat", "20"));

/** CPU seconds used so far by every live Chromium process. */
function chromiumCpuSeconds(): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("chromium")) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

async function measure(label: string, javaScriptEnabled: boolean, step: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(target); // warm caches: the steps below are what a test repeats
  const cpuBefore = chromiumCpuSeconds();
  const started = Date.now();
  for (let i = 0; i < repeat; i++) await step(page);
  const wall = (Date.now() - started) / repeat;
  const cpu = ((chromiumCpuSeconds() - cpuBefore) * 1000) / repeat;
  await context.close();
  console.log(`| ${label} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} |`);
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_TEST_ARGS });
try {
  console.log(`Chromium's cost per step, ${target}, ${repeat} repeats each, one at a time\n`);
  console.log("| step | wall ms | Chromium CPU ms |\n|---|---:|---:|");
  await measure("load the page in the same tab, JavaScript off", false, async (page) => {
    await page.goto(target);
  });
  await measure("the same, then one getByRole query", false, async (page) => {
    await page.goto(target);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  });
  await measure("the same, then three getByRole queries", false, async (page) => {
    await page.goto(target);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByRole("link", { name: "Jobs" }).first().waitFor();
    await page.getByRole("contentinfo").first().waitFor();
  });
  await measure("load the page in the same tab, JavaScript on, until hydrated", true, async (page) => {
    await page.goto(target);
    await waitForHydration(page);
  });
  await measure("a new context and tab, load the page (JavaScript off), close", false, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await (await context.newPage()).goto(target);
    await context.close();
  });
} finally {
  await browser.close();
}
