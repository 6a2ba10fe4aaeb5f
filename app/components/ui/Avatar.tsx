/**
 * A member's photo, or their initials on a circle whose colour comes from their id. Lite mode
 * drops the photo (a decorative image) for the initials, which cost no request; so do photos
 * kept elsewhere (see ownAvatarUrl). Decorative: the member's name is always written beside it.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { ownAvatarUrl } from "~/modules/profile/avatar-url";
import { avatarColour, initialsOf } from "./initials";

const SIZES = {
  // The header's own picture: always shown at once.
  xs: { box: "h-9 w-9 text-sm", px: 36 },
  sm: { box: "h-10 w-10 text-base", px: 40 },
  lg: { box: "h-16 w-16 text-xl", px: 64 },
} as const;

interface AvatarProps {
  id: string;
  name: string | null;
  email?: string | null;
  avatarUrl: string | null;
  size?: keyof typeof SIZES;
}

export function Avatar({ id, name, email, avatarUrl, size = "sm" }: AvatarProps) {
  const lite = useRouteLoaderData<{ lite?: boolean }>("root")?.lite ?? false;
  const src = ownAvatarUrl(avatarUrl);
  const { box, px } = SIZES[size];
  if (src && !lite) {
    // Lists load their small pictures as they scroll into view; a profile's large one at once.
    return <img src={src} alt="" width={px} height={px} loading={size === "sm" ? "lazy" : undefined} className={`${box} shrink-0 rounded-full border border-stone-200 bg-stone-100 object-cover`} />;
  }
  return (
    <span aria-hidden="true" className={`inline-flex ${box} shrink-0 select-none items-center justify-center rounded-full font-bold text-white ${avatarColour(id)}`}>
      {initialsOf(name, email)}
    </span>
  );
}
