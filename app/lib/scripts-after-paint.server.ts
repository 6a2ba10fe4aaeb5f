/** The server half of app/components/ScriptsAfterPaint.tsx (decision 022). */
/**
 * The inline script that starts the scripts kept in the template `templateId`. Plain ES5: it runs
 * before anything else, in every browser that gets scripts.
 */
export const bootstrapScript = (templateId: string) => `(function(){
var t=document.getElementById(${JSON.stringify(templateId)}),nonce=document.currentScript.nonce,nodes=[].slice.call(t.content.childNodes),started=false,painted=false,parsed=false;
function run(o){var s=document.createElement("script");if(o.type)s.type=o.type;s.nonce=nonce;s.textContent=o.textContent;document.body.appendChild(s);}
nodes.forEach(function(o){if(o.nodeName==="SCRIPT"&&o.type!=="module")run(o);});
function start(){if(started)return;started=true;nodes.forEach(function(o){if(o.nodeName==="LINK")document.head.appendChild(o.cloneNode());else if(o.nodeName==="SCRIPT"&&o.type==="module")run(o);});}
function check(){if(painted&&parsed)requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(start,0);});});}
var P=window.PerformanceObserver;
if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){new P(function(list,observer){if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();painted=true;check();}}).observe({type:"paint",buffered:true});}else{painted=true;}
document.addEventListener("DOMContentLoaded",function(){parsed=true;check();});
setTimeout(start,3000);
})();`;
