/**
 * React 18.3.1's streaming renderer wrote NUL bytes into a page when a character of two or more
 * bytes (Arabic, Devanagari) fell on its 2,048-byte buffer's edge (facebook/react#31134); Ladder
 * patches it (app/patches/react-dom+18.3.1.patch). Pages in Arabic and Hindi depend on it.
 */
import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

function render(element: JSX.Element): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

describe("rendering Arabic and Hindi pages", () => {
  it.each([0, 1, 2, 3])("puts every character of long Arabic and Hindi text into the page whole (offset %i)", async (offset) => {
    // Many short pieces, as a page is: the renderer packs them into its buffer one by one.
    const arabic = "وظيفة مطور ويب عن بُعد في دبي";
    const hindi = "पार्ट-टाइम नौकरी बेंगलुरु में";
    const html = await render(
      <ul>
        <li>{"x".repeat(offset)}</li>
        {Array.from({ length: 300 }, (_, i) => (
          <li key={i} title={hindi}>
            {arabic}
          </li>
        ))}
      </ul>,
    );
    expect(html.includes(0)).toBe(false);
    const text = html.toString("utf8");
    expect(text).not.toContain("\uFFFD");
    expect(text.split(arabic).length - 1).toBe(300);
    expect(text.split(hindi).length - 1).toBe(300);
  });
});
