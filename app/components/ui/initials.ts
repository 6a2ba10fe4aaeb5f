/**
 * A member's initials and circle colour when they have no photo (decision 025). Pure: the same
 * member gets the same colour on every page and every server, chosen from their id.
 */

/** Scripts whose letters join (Arabic, Syriac, Thaana, N'Ko): two initials side by side would read as one word, so they get one. */
function joins(codePoint: number): boolean {
  return (
    (codePoint >= 0x0600 && codePoint <= 0x08ff) || // Arabic, Syriac, Arabic Supplement, Thaana, N'Ko, Arabic Extended
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) || // Arabic Presentation Forms-A
    (codePoint >= 0xfe70 && codePoint <= 0xfeff) // Arabic Presentation Forms-B
  );
}

const firstCharacter = (word: string): string => Array.from(word)[0] ?? "";

/**
 * "Layla Haddad" -> "LH", "Layla" -> "L", "ليلى حداد" -> "ل", no name -> the email's first
 * letter, nothing at all -> "?".
 */
export function initialsOf(name: string | null | undefined, email?: string | null): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return firstCharacter((email ?? "").trim()).toUpperCase() || "?";
  const first = firstCharacter(words[0]);
  if (joins(first.codePointAt(0) ?? 0) || words.length === 1) return first.toUpperCase();
  return (first + firstCharacter(words[words.length - 1])).toUpperCase();
}

/** White text on each passes WCAG AA (4.5:1 and more). Whole class names, so Tailwind keeps them. */
export const AVATAR_COLOURS = [
  "bg-teal-800",
  "bg-indigo-700",
  "bg-emerald-800",
  "bg-sky-800",
  "bg-rose-700",
  "bg-amber-800",
  "bg-violet-700",
  "bg-stone-700",
] as const;

/** The colour of `id`'s circle: FNV-1a of the id, so it never changes between pages or servers. */
export function avatarColour(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}
