/**
 * Sessions live in user_sessions: the cookie holds a random 256-bit token, the table only its
 * SHA-256 (ASVS 7.2.3). 30 days idle, 90 days at most (7.3); a new token at every sign-in (7.2.4).
 */
import crypto from "node:crypto";
import { and, desc, eq, gt, lt, ne } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { parseUserAgent } from "./user-agent";

export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 90 * 24 * 60 * 60 * 1000;
/** last_activity_at is written at most this often per session (one write, not one per request). */
export const ACTIVITY_WRITE_EVERY_MS = 5 * 60 * 1000;

export function sessionCookieName(production: boolean): string {
  // __Host-: only over HTTPS, only for this host, Path=/ (ASVS 3.3).
  return production ? "__Host-ladder_session" : "ladder_session";
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function sessionCookie(token: string, production: boolean): string {
  const parts = [`${sessionCookieName(production)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${SESSION_MAX_MS / 1000}`];
  if (production) parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(production: boolean): string {
  const parts = [`${sessionCookieName(production)}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (production) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: string | null;
  avatarUrl: string | null;
  /** The language the member saved (member_settings.language); null until they choose one. */
  language: string | null;
}

export interface ActiveSession {
  sessionId: string;
  lastActivityAt: Date;
  user: SessionUser;
}

export async function startSession(
  ctx: Ctx,
  input: { userId: string; ip: string | null; userAgent: string | null; now?: Date },
): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const now = input.now ?? new Date();
  const device = parseUserAgent(input.userAgent);
  const [row] = await ctx.db
    .insert(ctx.t.user_sessions)
    .values({
      user_id: input.userId,
      session_token: hashToken(token),
      ip_address: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
      device_type: device.device_type,
      browser: device.browser,
      os: device.os,
      started_at: now,
      last_activity_at: now,
      is_active: true,
    })
    .returning({ id: ctx.t.user_sessions.id });
  return { token, sessionId: row.id };
}

/** The live session behind a cookie token, with its member; null when unknown, ended or expired. */
export async function findSession(ctx: Ctx, token: string, now = new Date()): Promise<ActiveSession | null> {
  const { user_sessions: s, User: u, member_settings: ms } = ctx.t;
  const [row] = await ctx.db
    .select({
      sessionId: s.id,
      lastActivityAt: s.last_activity_at,
      user: { id: u.id, email: u.email, name: u.name, role: u.role, avatarUrl: u.avatarUrl, language: ms.language },
    })
    .from(s)
    .innerJoin(u, eq(u.id, s.user_id))
    .leftJoin(ms, eq(ms.user_id, u.id))
    .where(
      and(
        eq(s.session_token, hashToken(token)),
        eq(s.is_active, true),
        gt(s.last_activity_at, new Date(now.getTime() - SESSION_IDLE_MS)),
        gt(s.started_at, new Date(now.getTime() - SESSION_MAX_MS)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Slides the idle window; writes only when the last write is older than ACTIVITY_WRITE_EVERY_MS. */
export async function touchSession(ctx: Ctx, session: ActiveSession, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastActivityAt.getTime() < ACTIVITY_WRITE_EVERY_MS) return;
  const s = ctx.t.user_sessions;
  await ctx.db
    .update(s)
    .set({ last_activity_at: now })
    .where(and(eq(s.id, session.sessionId), lt(s.last_activity_at, new Date(now.getTime() - ACTIVITY_WRITE_EVERY_MS))));
}

export async function endSession(ctx: Ctx, sessionId: string, now = new Date()): Promise<void> {
  const s = ctx.t.user_sessions;
  await ctx.db.update(s).set({ is_active: false, ended_at: now }).where(and(eq(s.id, sessionId), eq(s.is_active, true)));
}

/** Ends one of the member's own sessions; another member's session id matches nothing. */
export async function endOwnSession(ctx: Ctx, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const s = ctx.t.user_sessions;
  const ended = await ctx.db
    .update(s)
    .set({ is_active: false, ended_at: now })
    .where(and(eq(s.id, sessionId), eq(s.user_id, userId), eq(s.is_active, true)))
    .returning({ id: s.id });
  return ended.length > 0;
}

/** Ends every session of the member, or every one but `except` (the one in use). */
export async function endSessionsOf(ctx: Ctx, userId: string, options: { except?: string; now?: Date } = {}): Promise<number> {
  const s = ctx.t.user_sessions;
  const ended = await ctx.db
    .update(s)
    .set({ is_active: false, ended_at: options.now ?? new Date() })
    .where(and(eq(s.user_id, userId), eq(s.is_active, true), options.except ? ne(s.id, options.except) : undefined))
    .returning({ id: s.id });
  return ended.length;
}

export async function listActiveSessions(ctx: Ctx, userId: string, now = new Date()) {
  const s = ctx.t.user_sessions;
  return ctx.db
    .select({
      id: s.id,
      ip: s.ip_address,
      deviceType: s.device_type,
      browser: s.browser,
      os: s.os,
      startedAt: s.started_at,
      lastActivityAt: s.last_activity_at,
    })
    .from(s)
    .where(
      and(
        eq(s.user_id, userId),
        eq(s.is_active, true),
        gt(s.last_activity_at, new Date(now.getTime() - SESSION_IDLE_MS)),
        gt(s.started_at, new Date(now.getTime() - SESSION_MAX_MS)),
      ),
    )
    .orderBy(desc(s.last_activity_at), desc(s.id))
    .limit(100);
}
