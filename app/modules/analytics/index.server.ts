/** What other areas' server modules use from analytics (decision 039). */
export { track, type TrackEvent } from "./track.server";
