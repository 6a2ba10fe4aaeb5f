/** The member view's pure rules (/admin/users/<id>): no database, unit-tested. */
export type SessionState = "active" | "ended" | "expired";

/**
 * A session as the sign-in check would judge it now: ended when signed out (or ended from the
 * settings), expired when idle or too old though never ended (nothing sweeps those rows), else active.
 */
export function sessionState(
  session: { isActive: boolean; endedAt: Date | null; startedAt: Date; lastActivityAt: Date },
  now: Date,
  limits: { idleMs: number; maxMs: number },
): SessionState {
  if (session.endedAt || !session.isActive) return "ended";
  const idle = now.getTime() - session.lastActivityAt.getTime() > limits.idleMs;
  const tooOld = now.getTime() - session.startedAt.getTime() > limits.maxMs;
  return idle || tooOld ? "expired" : "active";
}

/** Seconds on a page as whole minutes and the seconds left; null stays null (no beacon came). */
export function minutesAndSeconds(total: number | null): { minutes: number; seconds: number } | null {
  if (total === null || !Number.isFinite(total) || total < 0) return null;
  const whole = Math.floor(total);
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}

/** The page's lists; each keeps its own cursor in the address, under its own name. */
export const MEMBER_LISTS = ["sessions", "activity", "usage", "views"] as const;
export type MemberListName = (typeof MEMBER_LISTS)[number];

/**
 * The address of the member's page with `list` at `cursor` (null: its newest page) and every other
 * list where it is now, so paging one list keeps the others in place. Ends at the list's section.
 */
export function memberPageHref(memberId: string, current: Partial<Record<MemberListName, string>>, list: MemberListName, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const name of MEMBER_LISTS) {
    const value = name === list ? cursor : current[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return `/admin/users/${memberId}${query ? `?${query}` : ""}#${list}`;
}
