/**
 * Keeps input events away from React until hydration has committed (decision 022).
 *
 * React 18 hydrates a root synchronously when a discrete event (a click, a key, a submit) reaches
 * it while it is still dehydrated. Remix's <RemixBrowser> suspends at the root until it has decoded
 * the single-fetch state, and a synchronous render that suspends at the root throws React error
 * #345 ("Root did not complete"): the page stays as the server sent it, with no script working.
 * Scripts load after the first paint, so a member on a slow link can easily act in that window.
 * Until hydration commits these events stop at `window` (the first stop of their capture path),
 * React never sees them, and the browser does what it does without JavaScript: links navigate,
 * forms submit, fields take typing. Every page works that way (non-negotiable 1).
 */

// React's discrete events that hydrate synchronously (react-dom 18, isDiscreteEventThatRequiresHydration).
const DISCRETE_EVENTS = [
  "mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick",
  "pointercancel", "pointerdown", "pointerup", "dragend", "dragstart", "drop", "compositionend",
  "compositionstart", "keydown", "keypress", "keyup", "input", "textInput", "copy", "cut", "paste",
  "click", "change", "contextmenu", "reset", "submit",
] as const;

type GateWindow = Window & { __ladderHydrated?: boolean };

let release: (() => void) | null = null;

/** Called once, before hydrateRoot. */
export function holdEventsUntilHydrated(win: Window = window) {
  const keep = (event: Event) => event.stopPropagation();
  for (const type of DISCRETE_EVENTS) win.addEventListener(type, keep, true);
  release = () => {
    for (const type of DISCRETE_EVENTS) win.removeEventListener(type, keep, true);
    (win as GateWindow).__ladderHydrated = true;
    release = null;
  };
}

/** Called from the root's layout effect: hydration has committed, React takes events from here on. */
export function releaseEvents() {
  release?.();
}
