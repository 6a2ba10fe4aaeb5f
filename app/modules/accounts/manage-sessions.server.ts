/**
 * /settings/sessions: the member sees their active sessions and ends one or all others
 * (ASVS 7.5.2). Ownership is in the WHERE clause of endOwnSession / endSessionsOf: another
 * member's session id matches nothing. The session in use is ended by signing out, not here.
 */
import { z } from "zod";
import type { Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { endOwnSession, endSessionsOf, listActiveSessions } from "./sessions.server";
import { sessionViews, type SessionView, type SessionWords } from "./session-view";

export const endSessionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("end"),
    sessionId: z.string({ required_error: "settings.sessions.chooseOne" }).uuid("settings.sessions.chooseFromList"),
  }),
  z.object({ intent: z.literal("end-others") }),
]);

export type EndSessionRequest = z.infer<typeof endSessionSchema>;

export async function sessionsPage(ctx: Ctx, userId: string, currentSessionId: string, zone = "UTC", words?: SessionWords): Promise<SessionView[]> {
  return sessionViews(await listActiveSessions(ctx, userId), currentSessionId, zone, words);
}

/** `message` is a message id, with `values` (decision 040): a flash, or an error the route puts into words. */
export type EndSessionsResult = { ok: true; ended: number; message: string; values?: { count: number } } | { ok: false; message: string };

export const ALREADY_ENDED = "settings.sessions.alreadyEnded";
export const USE_SIGN_OUT = "settings.sessions.useSignOut";

export async function endSessionsFromSettings(
  ctx: Ctx,
  input: {
    userId: string;
    currentSessionId: string;
    request: EndSessionRequest;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<EndSessionsResult> {
  const { request } = input;
  let ended: number;
  if (request.intent === "end") {
    if (request.sessionId === input.currentSessionId) return { ok: false, message: USE_SIGN_OUT };
    ended = (await endOwnSession(ctx, input.userId, request.sessionId)) ? 1 : 0;
    if (ended === 0) return { ok: false, message: ALREADY_ENDED };
  } else {
    ended = await endSessionsOf(ctx, input.userId, { except: input.currentSessionId });
  }
  if (ended > 0) {
    await track(ctx, {
      userId: input.userId,
      type: "sessions_ended",
      ip: input.ip,
      userAgent: input.userAgent,
      sessionId: input.currentSessionId,
      metadata: { count: ended, scope: request.intent === "end" ? "one" : "all_others" },
    });
  }
  if (request.intent === "end") return { ok: true, ended, message: "settings.sessions.endedOne" };
  if (ended === 0) return { ok: true, ended, message: "settings.sessions.noneToEnd" };
  return { ok: true, ended, message: "settings.sessions.endedMany", values: { count: ended } };
}
