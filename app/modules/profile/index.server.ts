/**
 * What other areas may use of profile (docs/decisions/039-area-boundaries.md): the image
 * re-encoding that profile photos use, for other uploaded pictures (community banners).
 */
export { reencodeImage, type ImagePreset, type Reencoded } from "./images.server";
