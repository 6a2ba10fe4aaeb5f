import { Scripts } from "@remix-run/react";
import { bootstrapScript } from "~/lib/scripts-after-paint.server";

/**
 * Remix's <Scripts>, loaded only once the page has been shown (decision 022).
 *
 * Remix puts 18 `<link rel="modulepreload">` and the module script that hydrates at the end of the
 * body; the browser's preload scanner requests them with the stylesheet. On a slow link the 120 KB
 * of JavaScript then shares the connection with the render-blocking stylesheet, and when the
 * scripts arrive first (a fast link, a cached copy) the browser evaluates them and hydrates before
 * its first frame: the largest paint waited for JavaScript (Lighthouse: 5.8-6.5 s on slow 3G
 * instead of 2.4 s). Here the server renders the same scripts inside an inert `<template>` (the
 * preload scanner skips it) and a small nonce'd script runs the context script at once (the data
 * streamed after it needs `window.__remixContext`) and adds the preloads and the module script
 * once the first contentful paint has been shown, the document is parsed and two more frames
 * have begun (the whole parsed document has been painted by then). Lite mode renders none of this.
 *
 * The bootstrap's text lives in a server module, so the browser gets it once, in the HTML, and the
 * JavaScript of a first visit does not grow.
 */
const TEMPLATE_ID = "ladder-scripts";

export function ScriptsAfterPaint({ nonce }: { nonce: string }) {
  if (typeof document === "undefined") {
    return (
      <>
        <template id={TEMPLATE_ID}>
          <Scripts nonce={nonce} />
        </template>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: bootstrapScript(TEMPLATE_ID) }} />
      </>
    );
  }
  // Hydration: React leaves an element's inner HTML as the server sent it, so the template and
  // the script stay as they are (their work is done) and the bootstrap's text is not shipped twice.
  return (
    <>
      <template id={TEMPLATE_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />
    </>
  );
}
