/**
 * Profile photos' addresses, apart from the other profile rules: the header shows the member's
 * picture on every page, and this is all of the profile rules it needs (issue 12).
 */
// Profile photos live at /avatars/<key>. Other addresses (a Google picture from sign-in) are not
// shown: the page's CSP loads images from Ladder only, and a third party would learn who looked.

const AVATAR_KEY = /^avatar-[0-9a-f]{32}\.(png|jpg|webp)$/;

export const isAvatarKey = (key: string): boolean => AVATAR_KEY.test(key);

/** The storage key behind one of our avatar URLs, or null (a Google picture, nothing, or junk). */
export function avatarKeyOf(url: string | null | undefined): string | null {
  const match = /^\/avatars\/([^/?#]+)$/.exec(url ?? "");
  return match && isAvatarKey(match[1]) ? match[1] : null;
}

/** The URL when it is one of our stored photos, else null. */
export const ownAvatarUrl = (url: string | null | undefined): string | null => (avatarKeyOf(url) ? (url as string) : null);
