/**
 * The dashboard's tiles and ranked tables, by name: pure, so the page's component (in the browser
 * too) and the server modules share them.
 */
import type { Dimension } from "../../../db/analytics/day-figures";

/** The tiles, in the order the page shows them. `activeMembers` is a daily average: distinct members cannot be added up over days. */
export const TILES = ["activeMembers", "sessions", "pageViews", "signups", "connections", "posts", "applications", "skillAttempts", "communityJoins"] as const;
export type Tile = (typeof TILES)[number];

/** The ranked tables, each a dimension of analytics_daily_counts. */
export const RANKED = ["pages", "referrers", "devices", "browsers", "systems", "features"] as const;
export type Ranked = (typeof RANKED)[number];
export const DIMENSION_OF: Record<Ranked, Dimension> = { pages: "page", referrers: "referrer", devices: "device", browsers: "browser", systems: "os", features: "feature" };
