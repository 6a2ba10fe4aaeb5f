/** The server half of app/components/ScriptsAfterPaint.tsx (decision 022). */

/**
 * React's discrete events: React 18 hydrates a still-dehydrated root synchronously when one
 * reaches it, and <RemixBrowser> suspends at the root while it decodes the page's data, so such an
 * event throws React error #345 and the page never hydrates (decision 022, update). Until
 * hydration commits, the bootstrap stops them at `window`, the first stop of their path: React
 * never sees them and the browser does what it does without JavaScript (links navigate, forms
 * submit, fields take typing). react-dom 18, isDiscreteEventThatRequiresHydration.
 */
export const DISCRETE_EVENTS = [
  "mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick",
  "pointercancel", "pointerdown", "pointerup", "dragend", "dragstart", "drop", "compositionend",
  "compositionstart", "keydown", "keypress", "keyup", "input", "textInput", "copy", "cut", "paste",
  "click", "change", "contextmenu", "reset", "submit",
];

/**
 * The inline script that holds input events until hydration (window.__ladderRelease, called by
 * the root layout when hydration commits, sets window.__ladderHydrated) and starts the scripts
 * kept in the template `templateId` once the page has been painted. Plain ES5: it runs before
 * anything else, in every browser that gets scripts.
 */
export const bootstrapScript = (templateId: string) => `(function(){
var d=document,w=window,t=d.getElementById(${JSON.stringify(templateId)}),n=d.currentScript.nonce,o=[].slice.call(t.content.childNodes),s=0,p=0,q=0,E=${JSON.stringify(DISCRETE_EVENTS.join(" "))}.split(" ");
function k(e){e.stopPropagation()}
E.forEach(function(e){w.addEventListener(e,k,true)});
w.__ladderRelease=function(){E.forEach(function(e){w.removeEventListener(e,k,true)});w.__ladderHydrated=true};
function r(x){var c=d.createElement("script");if(x.type)c.type=x.type;c.nonce=n;c.textContent=x.textContent;d.body.appendChild(c)}
o.forEach(function(x){if(x.nodeName=="SCRIPT"&&x.type!="module")r(x)});
function go(){if(s)return;s=1;o.forEach(function(x){if(x.nodeName=="LINK")d.head.appendChild(x.cloneNode());else if(x.nodeName=="SCRIPT"&&x.type=="module")r(x)})}
function c(){if(p&&q)requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(go,0)})})}
var P=w.PerformanceObserver;
if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l,b){if(l.getEntriesByName("first-contentful-paint").length){b.disconnect();p=1;c()}}).observe({type:"paint",buffered:true});else p=1;
d.addEventListener("DOMContentLoaded",function(){q=1;c()});
setTimeout(go,3000)
})();`;
