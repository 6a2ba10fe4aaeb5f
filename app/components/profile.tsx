/** Small pieces of profile pages: tags and the anonymous picture (a member's photo: ui/Avatar). */
import { anonymousAvatarLook } from "~/modules/profile/anonymous-avatars";

export function TagList({ tags, label }: { tags: string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-stone-200 px-2.5 py-0.5 text-sm" dir="auto">
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
