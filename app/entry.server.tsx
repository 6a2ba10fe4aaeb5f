/**
 * Renders documents. Ladder's loaders defer nothing, so a document is rendered completely into one
 * buffer (onAllReady) and then compressed once for the client's Accept-Encoding: streaming it
 * chunk by chunk through the compression middleware flushed the compressor after every chunk and
 * cost more CPU than rendering (decision 020). The CSP nonce comes from server.ts.
 */
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { chooseCoding, compressBody } from "./lib/encoding.server";
import { recordDocumentView } from "./modules/analytics/page-views.server";
import { NonceContext } from "./lib/nonce";
import { log } from "./services/log.server";

export const streamTimeout = 5_000;

declare module "@remix-run/node" {
  interface AppLoadContext {
    nonce: string;
    /** The client's address as Express saw it (proxy headers trusted only in production). */
    clientIp: string | null;
    /** This request's id (server.ts): sent back as X-Request-Id, in its log lines and on the 500 page. */
    requestId?: string;
    /** Passed to remix-auth strategies by the routes that authenticate. */
    ctx?: import("../db/client").Ctx;
  }
  // Single fetch: loaders return plain objects or data(); types follow.
  interface Future {
    v3_singleFetch: true;
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.nonce ?? "";
  const { html, status } = await renderDocument(
    loadContext?.requestId,
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
    </NonceContext.Provider>,
    nonce,
    responseStatusCode,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Every document passes here with its final status: the one place page views are counted.
  try {
    recordDocumentView(request, { status, contentType: "text/html", html }, loadContext);
  } catch (error) {
    log.error({ err: error, ...idOf(loadContext?.requestId) }, "counting a page view failed");
  }
  responseHeaders.append("Vary", "Accept-Encoding");
  const coding = chooseCoding(request.headers.get("Accept-Encoding"));
  const body = coding === "identity" ? html : await compressBody(html, coding);
  if (coding !== "identity") responseHeaders.set("Content-Encoding", coding);
  responseHeaders.set("Content-Length", String(body.length));
  // Node's Buffers are ArrayBuffer-backed; TypeScript's BodyInit only takes that kind.
  return new Response(body as Uint8Array<ArrayBuffer>, { headers: responseHeaders, status });
}

/** The whole document in one buffer; rejects when the shell fails (Remix then renders the error boundary). */
function renderDocument(requestId: string | undefined, element: JSX.Element, nonce: string, status: number): Promise<{ html: Buffer; status: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    sink.on("finish", () => {
      clearTimeout(timer);
      resolve({ html: Buffer.concat(chunks), status });
    });
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        // Errors after the shell are logged here; before it, they reach onShellError.
        if (shellRendered) log.error({ err: error, ...idOf(requestId) }, "rendering the page failed");
      },
    });
    const timer = setTimeout(abort, streamTimeout + 1000);
  });
}

/** Every error a loader or action throws (Responses excepted): one error line with the request id. */
export function handleError(error: unknown, { request, context }: { request: Request; context?: { requestId?: string } }) {
  if (request.signal.aborted) return;
  log.error({ err: error, ...idOf(context?.requestId), method: request.method }, "request failed");
}

/** The request id field, only when known (an undefined one would hide the logger's own). */
function idOf(requestId: string | undefined) {
  return requestId ? { reqId: requestId } : {};
}
