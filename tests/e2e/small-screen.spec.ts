/**
 * The pages read well on a phone: nothing pushes the page sideways. A visitor's pages at 320 px,
 * and every page the menu offers each demo role (with the header's own links) at 360 px.
 */
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { menuFor } from "../../app/lib/areas";
import { expect, hasHydrated, headerPages, signInThroughForm, test } from "./fixtures";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

const PHONE = { width: 360, height: 740 };
const DEMO_ROLES = [
  { role: "user", email: "user@demo.test" },
  { role: "recruiter", email: "recruiter@demo.test" },
  { role: "career_team", email: "career@demo.test" },
  { role: "moderator", email: "moderator@demo.test" },
  { role: "admin", email: "admin@demo.test" },
];
// Besides the menu's areas: the pages of the header's bell and picture links.
const HEADER_LINKS = ["/notifications", "/settings/profile"];

const randomAddress = () => `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function pageWidth(page: Page, javaScriptEnabled: boolean): Promise<number> {
  if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("a visitor on a 320 px wide phone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of headerPages) {
    test(`${path} fits a 320 px wide screen without a horizontal scrollbar`, async ({ page, javaScriptEnabled }) => {
      await page.goto(path);
      const width = await pageWidth(page, javaScriptEnabled);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
    });
  }
});

/** Signs in once per worker as `email` and keeps the cookies for the role's pages. */
async function signedInState(browser: Browser, email: string): Promise<StorageState> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": randomAddress() } });
  try {
    await signInThroughForm(await context.newPage(), email);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

for (const { role, email } of DEMO_ROLES) {
  test.describe(`the demo ${role} on a 360 px wide phone`, () => {
    let state: StorageState;
    test.beforeAll(async ({ browser }) => {
      state = await signedInState(browser, email);
    });

    const paths = [...menuFor(role).filter((area) => area.ready).map((area) => area.href), ...HEADER_LINKS];
    for (const path of paths) {
      test(`${path}, signed in as the demo ${role}, fits a 360 px wide screen without a horizontal scrollbar`, async ({ browser, javaScriptEnabled }) => {
        const context = await browser.newContext({ storageState: state, javaScriptEnabled, viewport: PHONE, extraHTTPHeaders: { "X-Forwarded-For": randomAddress() } });
        try {
          const page = await context.newPage();
          const response = await page.goto(path);
          // Every page of the menu opens for this role: no sign-in page, no 403.
          expect(response?.status(), `${path} answers`).toBe(200);
          expect(new URL(page.url()).pathname, `${path} is not sent elsewhere`).toBe(path);
          const width = await pageWidth(page, javaScriptEnabled);
          expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
        } finally {
          await context.close();
        }
      });
    }
  });
}
