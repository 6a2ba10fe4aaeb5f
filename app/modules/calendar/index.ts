/**
 * What other areas may use of calendar (docs/decisions/039-area-boundaries.md):
 * pure rules, safe in the browser; server functions are in index.server.ts.
 */
export { formatInstant, normalizeZone, offsetLabel, timeIn, wallToInstant, zoneDate } from "./zone";
export { dateLabel } from "./week";
