/**
 * The communities' own rules, pure (issue 16, docs/decisions/041-community-moderation.md): what a
 * name and a description may be, the directory's limits, and how a stored banner is named. The
 * forms (manage-forms.server.ts) and the pages share them; the unit tests read them directly.
 */
import { isMultiLine, isSingleLine, normaliseLineEndings } from "~/lib/text";

/** A name is 3 to 80 characters, one line, unique whatever its case (a unique index on lower(name)). */
export const NAME_MIN = 3;
export const NAME_MAX = 80;
export const DESCRIPTION_MAX = 2000;
/** The directory's page, and the most of "Your communities" shown above it. */
export const DIRECTORY_PAGE_SIZE = 20;
export const YOURS_MAX = 20;
/** A search longer than this is cut (no name or description needs more to be found). */
export const DIRECTORY_QUERY_MAX = 100;
/** Banners: PNG, JPEG or WebP of at most 2 MB, re-encoded to a WebP of at most 1200 x 400. */
export const BANNER_MAX_BYTES = 2 * 1024 * 1024;
export const BANNER_BOX = { width: 1200, height: 400 } as const;

/** Message ids of the community forms (readForm and the actions put them into the reader's language). */
export const COMMUNITY_MESSAGES = {
  nameRequired: "communities.form.nameRequired",
  nameTooShort: "communities.form.nameTooShort",
  nameTooLong: "communities.form.nameTooLong",
  nameOneLine: "communities.form.nameOneLine",
  nameTaken: "communities.form.nameTaken",
  descriptionTooLong: "communities.form.descriptionTooLong",
  descriptionControls: "communities.form.descriptionControls",
  bannerTooLarge: "communities.form.bannerTooLarge",
  bannerChooseAgain: "communities.form.bannerChooseAgain",
  tooManyCreated: "communities.form.tooManyCreated",
} as const;

export type CommunityField = "name" | "description";

/** A name as stored: trimmed, inner runs of spaces made one (so "Cairo  Devs" and "Cairo Devs" are one name). */
export function normaliseName(raw: string): string {
  return raw.trim().split(" ").filter(Boolean).join(" ");
}

/** The message id for a name that cannot be used, or null. `name` is already normalised. */
export function nameProblem(name: string): { id: string; values?: Record<string, number> } | null {
  if (name === "") return { id: COMMUNITY_MESSAGES.nameRequired };
  if (!isSingleLine(name)) return { id: COMMUNITY_MESSAGES.nameOneLine };
  const length = [...name].length;
  if (length < NAME_MIN) return { id: COMMUNITY_MESSAGES.nameTooShort, values: { min: NAME_MIN } };
  if (length > NAME_MAX) return { id: COMMUNITY_MESSAGES.nameTooLong, values: { max: NAME_MAX, length } };
  return null;
}

/** A description as stored: line endings made \n, trimmed; empty is none. */
export function normaliseDescription(raw: string): string {
  return normaliseLineEndings(raw).trim();
}

/** The message id for a description that cannot be kept, or null. */
export function descriptionProblem(description: string): { id: string; values?: Record<string, number> } | null {
  const length = [...description].length;
  if (length > DESCRIPTION_MAX) return { id: COMMUNITY_MESSAGES.descriptionTooLong, values: { max: DESCRIPTION_MAX, length } };
  // Tabs and line breaks are kept; other control characters and bidi overrides are refused.
  if (!isMultiLine(description)) return { id: COMMUNITY_MESSAGES.descriptionControls };
  return null;
}

/** Banners are stored under keys the app makes: "banner-<32 hex>.webp" (services/storage randomKey). */
const BANNER_KEY = /^banner-[0-9a-f]{32}\.webp$/;
export const BANNER_KEY_PREFIX = "banner";
export const isBannerKey = (value: string | null | undefined): value is string => typeof value === "string" && BANNER_KEY.test(value);

/** Where a community's banner is served (one address per community; the stored key is its ETag). */
export const bannerPath = (communityId: string) => `/communities/${communityId}/banner`;

/** Where a viewer stands, as the directory shows it on each row. */
export type DirectoryStatus = "member" | "pending" | "none";
export function directoryStatus(membership: string | null | undefined): DirectoryStatus {
  return membership === "approved" ? "member" : membership === "pending" ? "pending" : "none";
}

/** The first line of a description, cut to `max` characters on a word where it can be, for a list row. */
export function summaryOf(description: string | null | undefined, max = 160): string {
  const firstLine = (description ?? "").split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  const chars = [...firstLine];
  if (chars.length <= max) return firstLine;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
