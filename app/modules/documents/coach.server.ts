/**
 * The documents' AI calls: "Suggest improvements" and drafting a document from a coach chat.
 * Both take one of the day's 7 coach messages (takeMessage) BEFORE the call and give it back
 * (refundMessage) when the provider fails; the offline coach's rules and templates cost nothing
 * (chargeForReply, decision 029). The AI is called outside any transaction; only the
 * stores around it are transactions.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { aiErrorMessage, aiMode, chargeForReply, coachReply, dayStartUtc, quotaReachedSentence, refundMessage } from "~/modules/coach/index.server";
import { createDocument, getVersion, storeSuggestions } from "./documents.server";
import {
  CONTENT_MAX,
  DRAFT_KINDS,
  draftSystemPrompt,
  draftTitle,
  offlineDraft,
  offlineSuggestions,
  readSuggestions,
  suggestionsSystemPrompt,
  suggestionsUserMessage,
  type DraftKind,
  type DraftProfile,
} from "./rules";

export type SuggestOutcome =
  | { kind: "stored"; count: number; offline: boolean; left: number }
  | { kind: "none"; offline: boolean; left: number }
  | { kind: "quota"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "not_found" };

/** Suggestions for the latest version of my document; `lang`: the member's language (prompt, messages, the offline rules' notes). */
export async function suggestImprovements(ctx: Ctx, me: string, id: string, now = new Date(), lang: Language = "en"): Promise<SuggestOutcome> {
  const t = translator(lang);
  const current = await getVersion(ctx, me, id);
  if (!current) return { kind: "not_found" };
  let offline = aiMode() === "offline";
  const taken = await chargeForReply(ctx, me, now, offline);
  if (!taken.ok) return { kind: "quota", message: quotaReachedSentence(now, t) };
  let drafts;
  if (offline) {
    drafts = offlineSuggestions(current.content, t);
  } else {
    const reply = await coachReply({
      lang,
      system: suggestionsSystemPrompt(current.kind, lang),
      messages: [{ role: "user", content: suggestionsUserMessage(current.title, current.content) }],
    });
    if (!reply.ok || readSuggestions(reply.text, current.content) === null) {
      if (taken.charged) await refundMessage(ctx, me, dayStartUtc(now));
      const why = reply.ok ? aiErrorMessage("bad_response", t) : aiErrorMessage(reply.error.kind, t);
      return { kind: "failed", message: t("documents.suggestFailed", { reason: why }) };
    }
    offline = reply.offline;
    drafts = readSuggestions(reply.text, current.content) ?? [];
  }
  const count = await storeSuggestions(ctx, me, current, drafts, now);
  return count > 0 ? { kind: "stored", count, offline, left: taken.left } : { kind: "none", offline, left: taken.left };
}

export type DraftOutcome =
  | { kind: "drafted"; id: string; offline: boolean; left: number }
  | { kind: "quota"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "not_found" };

const RECENT_MESSAGES = 12;

function textOfParts(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  return parts
    .map((p) => (p && typeof p === "object" && (p as { type?: unknown }).type === "text" ? String((p as { text?: unknown }).text ?? "") : ""))
    .filter(Boolean)
    .join("\n");
}

async function memberProfile(ctx: Ctx, me: string): Promise<DraftProfile> {
  const U = ctx.t.User;
  const [row] = await ctx.db
    .select({ name: U.name, headline: U.headline, goals: U.goals, strengths: U.strengths, interests: U.interests, skills: U.professional_skills })
    .from(U)
    .where(eq(U.id, me));
  return {
    name: row?.name ?? null,
    headline: row?.headline ?? null,
    goals: row?.goals ?? null,
    strengths: row?.strengths ?? null,
    interests: row?.interests ?? null,
    skills: Array.isArray(row?.skills) ? row.skills.filter((s): s is string => typeof s === "string") : [],
  };
}

/** A new text document drafted from my chat's recent messages and my profile, in my language (`lang`). */
export async function draftFromChat(ctx: Ctx, me: string, chatId: string, kind: DraftKind, now = new Date(), lang: Language = "en"): Promise<DraftOutcome> {
  const t = translator(lang);
  const C = ctx.t.Chat;
  const M = ctx.t.Message_v2;
  const [chat] = await ctx.db
    .select({ id: C.id, title: C.title })
    .from(C)
    .where(and(eq(C.id, chatId), eq(C.userId, me)))
    .limit(1);
  if (!chat) return { kind: "not_found" };
  const [recent, profile] = await Promise.all([
    ctx.db.select({ role: M.role, parts: M.parts }).from(M).where(eq(M.chatId, chat.id)).orderBy(desc(M.createdAt), desc(M.id)).limit(RECENT_MESSAGES),
    memberProfile(ctx, me),
  ]);
  let offline = aiMode() === "offline";
  const taken = await chargeForReply(ctx, me, now, offline);
  if (!taken.ok) return { kind: "quota", message: quotaReachedSentence(now, t) };
  let text: string;
  if (offline) {
    text = offlineDraft(kind, profile, chat.title, t);
  } else {
    const messages = recent
      .reverse()
      .map((m) => ({ role: (m.role === "assistant" ? "assistant" : "user") as "user" | "assistant", content: textOfParts(m.parts) }))
      .filter((m) => m.content.trim() !== "");
    messages.push({ role: "user", content: `Please write ${DRAFT_KINDS[kind].ask} now.` });
    const reply = await coachReply({ lang, system: draftSystemPrompt(kind, profile, lang), messages });
    if (!reply.ok) {
      if (taken.charged) await refundMessage(ctx, me, dayStartUtc(now));
      return { kind: "failed", message: t("documents.draftFailed", { reason: aiErrorMessage(reply.error.kind, t) }) };
    }
    offline = reply.offline;
    text = reply.offline ? offlineDraft(kind, profile, chat.title, t) : reply.text.trim();
  }
  const created = await createDocument(ctx, me, { title: draftTitle(kind, chat.title, t), kind: "text", content: text.slice(0, CONTENT_MAX) }, now);
  return { kind: "drafted", id: created.id, offline, left: taken.left };
}
