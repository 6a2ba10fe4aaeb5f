/**
 * Newline-delimited JSON read from a streamed response body in the browser (the coach's reply and
 * an interview answer's review, both streamed as they are written). One parser for both.
 */

/** Reads `body` to its end, handing each JSON line to `onFrame` as it arrives. */
export async function readNdjson<Frame>(body: ReadableStream<Uint8Array>, onFrame: (frame: Frame) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (line.trim()) onFrame(JSON.parse(line) as Frame);
    }
  }
}
