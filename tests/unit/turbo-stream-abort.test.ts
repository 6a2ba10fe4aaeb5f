/**
 * Remix decodes each page's data with turbo-stream. When a second tap cancels a navigation after
 * its data arrived but before its response ended, the cut-short stream used to leave two promises
 * rejected with nobody listening: turbo-stream's own (app/patches/turbo-stream+*.patch) and the
 * `done` Remix ignores (app/patches/@remix-run+react+*.patch). The browser reported both as page
 * errors. tests/e2e/hydration.spec.ts covers the whole path; this covers turbo-stream alone.
 */
import { decode, encode } from "turbo-stream";
import { afterEach, describe, expect, it } from "vitest";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off("unhandledRejection", record);
  unhandled.length = 0;
});

/** The first line of an encoded value, then a stream that stays open until it is cut short. */
async function streamCutAfterFirstLine(value: unknown) {
  const text = await new Response(encode(value)).text();
  let cut!: (reason: unknown) => void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      cut = (reason) => controller.error(reason);
    },
  });
  return { stream, cut };
}

describe("a page's data stream cut short after its data arrived", () => {
  it("still gives the data, and leaves no unhandled rejection inside turbo-stream", async () => {
    process.on("unhandledRejection", record);
    const { stream, cut } = await streamCutAfterFirstLine({ jobs: ["Site engineer"] });
    const decoded = await decode(stream);
    expect(decoded.value).toEqual({ jobs: ["Site engineer"] });
    const done = decoded.done.then(
      () => "finished",
      (error: Error) => error.name,
    );
    cut(new DOMException("signal is aborted without reason", "AbortError"));
    // The returned `done` reports the cut to whoever listens, as before.
    expect(await done).toBe("AbortError");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });
});
