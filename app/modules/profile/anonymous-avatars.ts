/**
 * The built-in pictures of the anonymous feed: a name, drawn as its initial on a colour. Members
 * pick one; it is never a URL, so an anonymous post cannot load anything from elsewhere.
 */
export const ANONYMOUS_AVATARS = [
  "falcon", "oryx", "gazelle", "camel", "heron", "ibis", "lynx", "fennec", "peacock", "tiger",
  "mongoose", "kestrel", "dolphin", "owl", "lotus", "cedar", "palm", "jasmine", "banyan", "saffron",
] as const;

export type AnonymousAvatar = (typeof ANONYMOUS_AVATARS)[number];

export const isAnonymousAvatar = (value: string): value is AnonymousAvatar =>
  (ANONYMOUS_AVATARS as readonly string[]).includes(value);

// Whole class names, so Tailwind keeps them; text on each passes WCAG AA contrast.
const COLOURS = [
  "bg-teal-800 text-white",
  "bg-amber-200 text-stone-900",
  "bg-indigo-800 text-white",
  "bg-rose-200 text-stone-900",
  "bg-emerald-800 text-white",
  "bg-sky-200 text-stone-900",
  "bg-stone-700 text-white",
  "bg-lime-200 text-stone-900",
];

export function anonymousAvatarLook(name: string): { initial: string; label: string; className: string } {
  const index = Math.max(0, ANONYMOUS_AVATARS.indexOf(name as AnonymousAvatar));
  const known = isAnonymousAvatar(name) ? name : ANONYMOUS_AVATARS[0];
  return {
    initial: known[0].toUpperCase(),
    label: known[0].toUpperCase() + known.slice(1),
    className: COLOURS[index % COLOURS.length],
  };
}
