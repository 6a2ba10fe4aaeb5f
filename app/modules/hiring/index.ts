/**
 * What other areas may use of hiring (docs/decisions/039-area-boundaries.md):
 * pure rules, safe in the browser; server functions go in index.server.ts.
 */
export { STATUS_LABELS } from "./rules";
