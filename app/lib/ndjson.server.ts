/**
 * A streamed NDJSON response (one JSON object a line, sent as it is written): the coach's reply
 * and an interview answer's review. The caller's `produce` writes frames with `send`; the
 * response closes when it returns. `signal` fires when the request is aborted or the reader goes
 * away, so `produce` can stop the upstream call (the AI) too.
 */
export const NDJSON_HEADERS = {
  "Content-Type": "application/x-ndjson; charset=utf-8",
  // no-transform: the compression middleware leaves it alone, so each piece leaves at once.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
};

export interface NdjsonOut {
  send: (value: object) => void;
  /** Aborted when the request is, or when the reader is gone. */
  signal: AbortSignal;
}

export function ndjsonResponse(requestSignal: AbortSignal, produce: (out: NdjsonOut) => Promise<void>): Response {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (requestSignal.aborted) stop.abort();
  else requestSignal.addEventListener("abort", onAbort, { once: true });
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (value: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch {
          // The reader is gone (Stop pressed, or the page left): stop the upstream call too.
          open = false;
          stop.abort();
        }
      };
      void produce({ send, signal: stop.signal })
        .catch((error: unknown) => console.error("ndjson stream: the producer failed", error))
        .finally(() => {
          requestSignal.removeEventListener("abort", onAbort);
          if (!open) return;
          open = false;
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        });
    },
    cancel() {
      stop.abort();
    },
  });

  return new Response(body, { status: 200, headers: NDJSON_HEADERS });
}
