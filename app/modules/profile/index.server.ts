/**
 * What other areas may use of profile (docs/decisions/039-area-boundaries.md): the image
 * re-encoding that profile photos use, for other uploaded pictures (community banners, feed
 * images), and the anonymous name's rules and save (the feed asks for a name before an anonymous
 * post: the same checks, the same "taken" answer, the same unique index).
 */
export { reencodeImage, type ImagePreset, type Reencoded } from "./images.server";
export { anonymousUsernameTaken, isAnonymousUsernameConflict, updateProfile } from "./profile.server";
export { profileSchemas } from "./schemas.server";
