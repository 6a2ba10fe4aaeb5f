/** What other areas' server modules use from analytics (decision 039). */
export { track, type TrackEvent } from "./track.server";
export { listTracking, setTracked, type TrackedCategory, type TrackedType, type SwitchOutcome } from "./tracking.server";
