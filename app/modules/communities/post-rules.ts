/**
 * Community posts, pure (issue 16): the limits of a post and an event, what the join button of the community page says for the viewer's
 * standing, and an event's length for its .ics file. No server-only imports: route components use
 * the limits and the button's kind.
 */
/** At most this many characters in a post (plain text; links become clickable when shown). */
export const POST_CONTENT_MAX = 5_000;
/** An event's place ("Room 4, Cairo University") and online link. */
export const EVENT_PLACE_MAX = 200;
export const EVENT_URL_MAX = 500;
/** The short title of an event in lists: its first line, cut. */
export const EVENT_TITLE_MAX = 80;
/** Posts on one page of the community page, newest first. */
export const POSTS_PAGE_SIZE = 20;
/** Upcoming events on the community page. */
export const UPCOMING_EVENTS = 5;
/** An event without an end lasts this long in a calendar file. */
export const DEFAULT_EVENT_MINUTES = 60;

export type PostType = "update" | "event";
export const POST_TYPES: readonly PostType[] = ["update", "event"];
export const isPostType = (value: unknown): value is PostType => value === "update" || value === "event";

/**
 * The one membership control the community page shows:
 * - signIn: a visitor (a link to sign in and come back);
 * - banned: a moderator banned them; they cannot ask again;
 * - ask / withdraw (pending) / leave (approved).
 */
export type JoinControl = "signIn" | "banned" | "ask" | "withdraw" | "leave";

export function joinControl(standing: { membership: "pending" | "approved" | null; banned: boolean } | null): JoinControl {
  if (!standing) return "signIn";
  if (standing.membership === "approved") return "leave";
  if (standing.membership === "pending") return "withdraw";
  return standing.banned ? "banned" : "ask";
}

/** The event's length in whole minutes for a calendar file: to its end, else DEFAULT_EVENT_MINUTES. */
export function eventMinutes(startsAt: Date, endsAt: Date | null): number {
  if (!endsAt || endsAt.getTime() <= startsAt.getTime()) return DEFAULT_EVENT_MINUTES;
  return Math.max(1, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
}

/** An event's short title: the first line of its text, cut at EVENT_TITLE_MAX characters with "…". */
export function eventTitle(content: string): string {
  const first = content.trim().split("\n")[0].trim();
  const chars = [...first];
  return chars.length > EVENT_TITLE_MAX ? `${chars.slice(0, EVENT_TITLE_MAX - 1).join("")}…` : first;
}

/** An online link may be an absolute http(s) address with a host, read by the browser's own URL parser. */
export function isWebAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}
