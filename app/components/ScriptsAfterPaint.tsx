import { Scripts } from "@remix-run/react";

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
 */
const TEMPLATE_ID = "ladder-scripts";

// Plain ES5: it runs before anything else and in every browser that gets scripts.
const BOOTSTRAP = `(function(){
var t=document.getElementById("${TEMPLATE_ID}"),nonce=document.currentScript.nonce,nodes=[].slice.call(t.content.childNodes),started=false,painted=false,parsed=false;
function run(o){var s=document.createElement("script");if(o.type)s.type=o.type;s.nonce=nonce;s.textContent=o.textContent;document.body.appendChild(s);}
nodes.forEach(function(o){if(o.nodeName==="SCRIPT"&&o.type!=="module")run(o);});
function start(){if(started)return;started=true;nodes.forEach(function(o){if(o.nodeName==="LINK")document.head.appendChild(o.cloneNode());else if(o.nodeName==="SCRIPT"&&o.type==="module")run(o);});}
function check(){if(painted&&parsed)requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(start,0);});});}
var P=window.PerformanceObserver;
if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){new P(function(list,observer){if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();painted=true;check();}}).observe({type:"paint",buffered:true});}else{painted=true;}
document.addEventListener("DOMContentLoaded",function(){parsed=true;check();});
setTimeout(start,3000);
})();`;

export function ScriptsAfterPaint({ nonce }: { nonce: string }) {
  if (typeof document === "undefined") {
    return (
      <>
        <template id={TEMPLATE_ID}>
          <Scripts nonce={nonce} />
        </template>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: BOOTSTRAP }} />
      </>
    );
  }
  // Hydration: React leaves an element with inner HTML alone, so the template and the script
  // the server sent stay as they are (their scripts have already run).
  return (
    <>
      <template id={TEMPLATE_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: BOOTSTRAP }} />
    </>
  );
}
