/**
 * What other areas may use of interviews (docs/decisions/039-area-boundaries.md). Interviews sits
 * beside skills: profile shows a member's streak (when they allow it) through these, and the
 * settings page turns it on or off; interviews imports nothing of profile.
 */
export { profileStreak, saveStreakOnProfile, showsStreakOnProfile } from "./history.server";
