/**
 * A community's banner (issue 16), for the community page and the edit form. Decorative: the
 * community's name is always written beside it, so the picture has no alternative text of its own.
 * Lite mode shows nothing (no decorative images, decision 003), nor does a community without one.
 * The address is one per community; the server answers it with the stored key as its ETag.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { BANNER_BOX, bannerPath } from "~/modules/communities/rules";

export interface CommunityBannerProps {
  communityId: string;
  hasBanner: boolean;
  /** The community's name, written beside the banner (the banner itself stays decorative). */
  name: string;
}

export function CommunityBanner({ communityId, hasBanner }: CommunityBannerProps) {
  const lite = useRouteLoaderData<{ lite?: boolean }>("root")?.lite ?? false;
  if (!hasBanner || lite) return null;
  return (
    <img
      src={bannerPath(communityId)}
      alt=""
      width={BANNER_BOX.width}
      height={BANNER_BOX.height}
      decoding="async"
      className="aspect-[3/1] h-auto w-full rounded border border-stone-200 bg-stone-100 object-cover"
    />
  );
}
