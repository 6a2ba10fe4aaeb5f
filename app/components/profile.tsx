/** Small pieces of profile pages: tags, the anonymous picture, a member's photo or initials. */
import { anonymousAvatarLook } from "~/modules/profile/anonymous-avatars";
import { ownAvatarUrl } from "~/modules/profile/rules";

export function TagList({ tags, label }: { tags: string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-stone-200 px-2.5 py-0.5 text-sm">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** One of the built-in anonymous pictures: an initial on a colour (no image file, no URL). */
export function AnonymousBadge({ name, size = "h-8 w-8" }: { name: string; size?: string }) {
  const look = anonymousAvatarLook(name);
  return (
    <span aria-hidden="true" className={`inline-flex ${size} shrink-0 items-center justify-center rounded-full font-bold ${look.className}`}>
      {look.initial}
    </span>
  );
}

const initialsOf = (name: string | null) =>
  (name ?? "?")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("") || "?";

/**
 * The member's photo, or their initials. Lite mode drops the photo (a decorative image) and
 * shows the initials, which cost no request; so do photos kept elsewhere (see ownAvatarUrl).
 */
export function MemberPicture({ name, avatarUrl, lite, size = "h-16 w-16" }: { name: string | null; avatarUrl: string | null; lite: boolean; size?: string }) {
  const src = ownAvatarUrl(avatarUrl);
  if (src && !lite) {
    return <img src={src} alt="" width={64} height={64} className={`${size} shrink-0 rounded-full border border-stone-200 object-cover`} />;
  }
  return (
    <span aria-hidden="true" className={`inline-flex ${size} shrink-0 items-center justify-center rounded-full bg-teal-800 text-xl font-bold text-white`}>
      {initialsOf(name)}
    </span>
  );
}
