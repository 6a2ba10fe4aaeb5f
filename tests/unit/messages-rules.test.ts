import { describe, expect, it } from "vitest";
import { formatDateTime } from "~/lib/format";
import { MESSAGE_MAX, PREVIEW_LENGTH, previewOf, SEND_REFUSALS, tooLongDetail } from "~/modules/messages/rules";
import { viewOf } from "~/modules/messages/view";

describe("direct-message rules", () => {
  it("a short message is previewed whole, on one line", () => {
    expect(previewOf("Hello,\n  are you   at the fair?\n")).toBe("Hello, are you at the fair?");
  });

  it("a long message is cut to the preview length with an ellipsis", () => {
    const preview = previewOf("word ".repeat(100));
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_LENGTH);
    expect(preview.endsWith("…")).toBe(true);
    expect(previewOf("x".repeat(PREVIEW_LENGTH))).toBe("x".repeat(PREVIEW_LENGTH));
  });

  it("an over-long message is told its length and how far over the limit it is", () => {
    expect(tooLongDetail(MESSAGE_MAX + 1)).toBe("Your message has 5,001 characters, 1 over the limit of 5,000.");
    expect(SEND_REFUSALS.not_connected).toBe("You are no longer connected, so you cannot send messages. Connect again to continue.");
  });

  it("a moment reads the same on every device, in UTC, and a broken one says so", () => {
    expect(formatDateTime(new Date("2026-11-26T23:05:00Z"))).toBe("26 Nov 2026, 23:05 UTC");
    expect(formatDateTime("nonsense")).toBe("—");
    expect(formatDateTime(null)).toBe("—");
  });

  it("a message received and not yet seen is marked unread in the page's view", () => {
    const at = new Date("2026-11-26T08:00:00Z");
    expect(viewOf("UTC")({ id: "x", fromMe: false, text: "hi", at, read: false })).toEqual({ id: "x", fromMe: false, text: "hi", at: "26 Nov 2026, 08:00 UTC", ms: at.getTime(), unread: true });
    expect(viewOf("UTC")({ id: "y", fromMe: true, text: "hi", at, read: true }).unread).toBe(false);
  });

  it("a message's time is shown in the reader's zone, with the zone", () => {
    const at = new Date("2026-11-26T08:00:00Z");
    expect(viewOf("Asia/Kolkata")({ id: "x", fromMe: false, text: "hi", at, read: true }).at).toBe("26 Nov 2026, 13:30 Asia/Kolkata (GMT+5:30)");
  });
});
