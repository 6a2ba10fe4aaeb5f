import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { FAVICON_DATA_URI, FAVICON_PATH } from "../../app/lib/favicon";

describe("the icon lite pages carry inline", () => {
  it("is the same image as the file full pages link", () => {
    const file = fs.readFileSync(`public${FAVICON_PATH}`, "utf8").trim();
    const inline = decodeURIComponent(FAVICON_DATA_URI.slice("data:image/svg+xml,".length)).replaceAll("'", '"');
    expect(inline).toBe(file);
  });
});
