/**
 * What other areas may use of network (docs/decisions/039-area-boundaries.md):
 * pure rules, safe in the browser; server functions are in index.server.ts.
 */
export { displayName } from "./rules";
