/**
 * What other areas' browser-side modules may use of jobs (docs/decisions/039-area-boundaries.md):
 * pure rules and types only, and only what such a module imports. Every name here costs each
 * browser importer the chunk of the module it comes from, so what only server modules use is in
 * index.server.ts.
 */
export {
  APPLICATION_STATUS_LABELS, PIPELINE_ROUND_STATUS_LABELS, PIPELINE_ROUND_TYPE_LABELS, PIPELINE_STATUS_LABELS, type ApplicationStatus, type RoundStatus, type RoundType,
} from "./application-states";
export { keywordWords } from "./rules";
