/**
 * What other areas may use of calendar (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules are in index.ts.
 */
export { effectiveZone } from "./time-zone.server";
export { buildIcs } from "./ics";
