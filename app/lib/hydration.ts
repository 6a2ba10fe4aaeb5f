/**
 * Whether the first render in the browser (hydration) is over. What the server rendered for one
 * request (the 500 page's request id) is true only of that render: a page drawn later, after a
 * navigation in the browser, belongs to another request.
 */
let done = false;

export function hydrationDone(): boolean {
  return done;
}

export function markHydrationDone(): void {
  done = true;
}
