/**
 * Deleting an account (issue 3, item 10; docs/decisions/008-account-deletion.md). It lives with the
 * profile, above accounts and jobs, because it removes what those areas hold (decision 039).
 *
 * confirmDeletion checks the member's proof (the password, or the email for members who only
 * ever signed in with Google) outside any transaction: argon2 must not run inside withTx.
 * deleteAccount then removes, in ONE transaction, every row of the member that the schema's
 * cascades would not remove, fixes the counters of other members' posts and comments, and
 * deletes the User row; the cascades take sessions, logs, messages, memberships, communities the
 * member created, calendar blocks and interviews.
 */
import { and, eq, exists, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { withTx, type Ctx } from "~/db.server";
import { hit, LIMITS, peek } from "~/services/rate-limit.server";
import { isCvKey } from "~/modules/jobs/index.server";
import { isStorageKey, storage as appStorage, type Storage } from "~/services/storage.server";
import { decoyHash, normalizeEmail, PASSWORD_MAX, verifyPassword } from "~/modules/accounts/index.server";
import { removeCardsOf } from "~/modules/skills/index.server";
import { deleteStoredAvatar } from "./avatar.server";

export const deleteAccountSchema = z.object({
  password: z.string().max(PASSWORD_MAX, "settings.delete.wrongPasswordShort").optional(),
  email: z.string().trim().max(200, "settings.delete.emailRequired").optional(),
  // The one English sentence left here (its unit test reads it): the page shows CONFIRM_REQUIRED in its place.
  confirm: z.literal("yes", {
    errorMap: () => ({ message: "Tick the box to confirm that you want to delete your account for good." }),
  }),
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** What the delete page needs to know: which proof to ask for. */
export async function deletionFacts(ctx: Ctx, userId: string): Promise<{ email: string; hasPassword: boolean } | null> {
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({ email: User.email, hasPassword: sql<number>`case when ${User.password} is null then 0 else 1 end`.mapWith(Number) })
    .from(User)
    .where(eq(User.id, userId))
    .limit(1);
  return row ? { email: row.email, hasPassword: row.hasPassword === 1 } : null;
}

// The answers are message ids (decision 040): the page puts them into the member's words.
export const WRONG_PASSWORD = "settings.delete.wrongPassword";
export const WRONG_EMAIL = "settings.delete.wrongEmail";
export const CONFIRM_REQUIRED = "settings.delete.confirmRequired";

export type ConfirmResult =
  | { ok: true }
  | { ok: false; kind: "invalid"; field: "password" | "email"; message: string }
  | { ok: false; kind: "limited"; message: string; retryAfterSeconds: number }
  | { ok: false; kind: "gone" };

/**
 * Checks the member's proof. Wrong passwords count against the same hourly budget as failed
 * sign-ins of the account, so a stolen session cannot be used to guess the password here.
 */
export async function confirmDeletion(ctx: Ctx, userId: string, input: DeleteAccountInput): Promise<ConfirmResult> {
  const { User } = ctx.t;
  const [member] = await ctx.db.select({ email: User.email, password: User.password }).from(User).where(eq(User.id, userId)).limit(1);
  if (!member) return { ok: false, kind: "gone" };

  if (!member.password) {
    // Google-only members have no password: typing the account's email is the deliberate step.
    const typed = normalizeEmail(input.email ?? "");
    if (!typed) return { ok: false, kind: "invalid", field: "email", message: "settings.delete.emailRequired" };
    if (typed !== normalizeEmail(member.email)) return { ok: false, kind: "invalid", field: "email", message: WRONG_EMAIL };
    return { ok: true };
  }

  const password = input.password ?? "";
  if (!password) return { ok: false, kind: "invalid", field: "password", message: "auth.form.passwordRequired" };
  const failedKey = `password-confirm-failed:${userId}`;
  const budget = await peek(ctx, failedKey, LIMITS.passwordConfirmPerMember);
  if (!budget.allowed) {
    await verifyPassword(await decoyHash(), password); // same time as a real check
    return { ok: false, kind: "limited", message: "settings.delete.tooMany", retryAfterSeconds: budget.retryAfterSeconds };
  }
  if (!(await verifyPassword(member.password, password))) {
    await hit(ctx, failedKey, LIMITS.passwordConfirmPerMember);
    return { ok: false, kind: "invalid", field: "password", message: WRONG_PASSWORD };
  }
  return { ok: true };
}

export type DeleteAccountResult =
  | { deleted: false }
  | {
      deleted: true;
      /** Files the member uploaded (CVs, cover letters, avatar): for the storage service to remove after the transaction. */
      fileUrls: string[];
    };

/** Deletes the member and everything of theirs, in one transaction. Unknown ids delete nothing. */
export async function deleteAccount(ctx: Ctx, userId: string): Promise<DeleteAccountResult> {
  return withTx(ctx, async (tx) => {
    const t = tx.t;
    const db = tx.db;
    const [member] = await db.select({ email: t.User.email, avatarUrl: t.User.avatarUrl }).from(t.User).where(eq(t.User.id, userId)).limit(1);
    if (!member) return { deleted: false };
    const email = normalizeEmail(member.email);
    const sameEmail = (column: AnyPgColumn) => sql`lower(${column}) = ${email}`;

    // AI chats: votes, then messages (both formats), then the chats.
    const chatIds = db.select({ id: t.Chat.id }).from(t.Chat).where(eq(t.Chat.userId, userId));
    const messageV2Ids = db.select({ id: t.Message_v2.id }).from(t.Message_v2).where(inArray(t.Message_v2.chatId, chatIds));
    const messageIds = db.select({ id: t.Message.id }).from(t.Message).where(inArray(t.Message.chatId, chatIds));
    await db.delete(t.Vote_v2).where(or(inArray(t.Vote_v2.chatId, chatIds), inArray(t.Vote_v2.messageId, messageV2Ids)));
    await db.delete(t.Vote).where(or(inArray(t.Vote.chatId, chatIds), inArray(t.Vote.messageId, messageIds)));
    await db.delete(t.Message_v2).where(inArray(t.Message_v2.chatId, chatIds));
    await db.delete(t.Message).where(inArray(t.Message.chatId, chatIds));
    await db.delete(t.Chat).where(eq(t.Chat.userId, userId));

    // Documents: the member's suggestions anywhere, and anyone's suggestions on the member's documents.
    const D = t.Document;
    const S = t.Suggestion;
    await db.delete(S).where(
      or(
        eq(S.userId, userId),
        exists(
          db
            .select({ one: sql`1` })
            .from(D)
            .where(and(eq(D.id, S.documentId), eq(D.createdAt, S.documentCreatedAt), eq(D.userId, userId))),
        ),
      ),
    );
    await db.delete(D).where(eq(D.userId, userId));

    // Network: notifications to, about, or about a connection of the member; then the connections.
    const C = t.connection;
    const N = t.notification;
    const connectionIds = db.select({ id: C.id }).from(C).where(or(eq(C.sender_id, userId), eq(C.receiver_id, userId)));
    await db.delete(N).where(or(eq(N.user_id, userId), eq(N.related_user_id, userId), inArray(N.related_connection_id, connectionIds)));
    await db.delete(C).where(or(eq(C.sender_id, userId), eq(C.receiver_id, userId)));

    await db.delete(t.password_reset_tokens).where(eq(t.password_reset_tokens.user_id, userId));

    // Anonymous feed. First take the member's likes and comments off the counters of OTHER
    // members' posts and comments (decrements, not recounts: a concurrent like stays counted).
    const P = t.anonymous_post;
    const AC = t.anonymous_comment;
    const PL = t.anonymous_post_like;
    const CL = t.anonymous_comment_like;
    const floor = (expression: SQL) => sql`case when ${expression} < 0 then 0 else ${expression} end`;
    const postLikesByMember = sql`(select count(*) from ${PL} where ${PL.post_id} = ${P.id} and ${PL.user_id} = ${userId})`;
    await db
      .update(P)
      .set({ likes_count: floor(sql`${P.likes_count} - ${postLikesByMember}`) })
      .where(and(ne(P.user_id, userId), inArray(P.id, db.select({ id: PL.post_id }).from(PL).where(eq(PL.user_id, userId)))));
    const commentsByMember = sql`(select count(*) from ${AC} where ${AC.post_id} = ${P.id} and ${AC.user_id} = ${userId})`;
    await db
      .update(P)
      .set({ comments_count: floor(sql`${P.comments_count} - ${commentsByMember}`) })
      .where(and(ne(P.user_id, userId), inArray(P.id, db.select({ id: AC.post_id }).from(AC).where(eq(AC.user_id, userId)))));
    const commentLikesByMember = sql`(select count(*) from ${CL} where ${CL.comment_id} = ${AC.id} and ${CL.user_id} = ${userId})`;
    await db
      .update(AC)
      .set({ likes_count: floor(sql`${AC.likes_count} - ${commentLikesByMember}`) })
      .where(and(ne(AC.user_id, userId), inArray(AC.id, db.select({ id: CL.comment_id }).from(CL).where(eq(CL.user_id, userId)))));
    await db.delete(CL).where(eq(CL.user_id, userId));
    await db.delete(PL).where(eq(PL.user_id, userId));
    await db.delete(AC).where(eq(AC.user_id, userId)); // their likes go by cascade
    await db.delete(P).where(eq(P.user_id, userId)); // others' comments and likes on them go by cascade

    await db.delete(t.skill_attempts).where(eq(t.skill_attempts.userId, userId));

    // Job posts stay for the people who applied to them; they no longer name their poster.
    for (const jobs of [t.jobs, t.remote_jobs, t.part_time_jobs]) {
      await db.update(jobs).set({ posted_by_user_id: null }).where(eq(jobs.posted_by_user_id, userId));
    }

    // Rows that name the member by email, not by id: applications (and their interview rounds,
    // by cascade), uploads, the premium and API interest forms, archived cards.
    const uploads = await db.delete(t.uploads).where(sameEmail(t.uploads.userEmail)).returning({ url: t.uploads.fileUrl });
    // Applications made in Ladder are the member's by job_applicants (their contact email may
    // differ from the account's); older ones only by email.
    const applied = db.select({ id: t.job_applicants.application_id }).from(t.job_applicants).where(eq(t.job_applicants.user_id, userId));
    const applications = await db
      .delete(t.job_applications)
      .where(or(sameEmail(t.job_applications.email), inArray(t.job_applications.id, applied)))
      .returning({ url: t.job_applications.cvFileUrl });
    await db.delete(t.premuser).where(sameEmail(t.premuser.emailAddress));
    await db.delete(t.apiuser).where(sameEmail(t.apiuser.email_address));
    await db.delete(t.archive_card).where(sameEmail(t.archive_card.email));
    // Archive cards (issue 18, decision 045): the cards recruiters made about the member, and the
    // cards the member made as a recruiter (their owner rows would go by cascade, the cards not).
    await removeCardsOf(tx, userId);
    const ownCards = db.select({ id: t.archive_card_owners.card_id }).from(t.archive_card_owners).where(eq(t.archive_card_owners.recruiter_user_id, userId));
    await db.delete(t.archive_card).where(inArray(t.archive_card.id, ownCards));

    // Other members' logs that point at the member (a referral): keep the event, drop the id.
    const logs = t.user_activity_logs;
    await db
      .update(logs)
      .set({ resource_id: null })
      .where(and(eq(logs.resource_type, "user"), eq(logs.resource_id, userId)));

    // Communities the member created go with the member (cascade); their banner files after the transaction.
    const banners = await db.select({ key: t.communities.banner_image }).from(t.communities).where(eq(t.communities.created_by, userId));
    // Communities (decision 041): the cascades take the member's memberships, moderator rows, bans,
    // subscriptions and the communities they created; their decisions and the bans they gave stay
    // without their id (set null). What no cascade keeps is the member count of every community they
    // were approved in: one fewer each, a decrement like the feed's counters (written here, not with
    // communities' adjustMemberCount: the communities area imports profile, so profile cannot import it).
    const CM = t.community_memberships;
    const CS = t.community_stats;
    await db
      .update(CS)
      .set({ members: sql`case when ${CS.members} > 0 then ${CS.members} - 1 else 0 end` })
      .where(inArray(CS.community_id, db.select({ id: CM.community_id }).from(CM).where(and(eq(CM.user_id, userId), eq(CM.status, "approved")))));

    await db.delete(t.User).where(eq(t.User.id, userId));

    const fileUrls = [member.avatarUrl, ...uploads.map((u) => u.url), ...applications.map((a) => a.url), ...banners.map((b) => b.key)].filter(
      (url): url is string => typeof url === "string" && url.length > 0,
    );
    return { deleted: true, fileUrls: [...new Set(fileUrls)] };
  });
}

/** A community banner's storage key (communities/rules.ts makes them; profile cannot import communities, which imports profile). */
const isBannerKey = (url: string) => url.startsWith("banner-") && isStorageKey(url);

/**
 * After the transaction: removes the stored files of a deleted account: its avatar, the banners of
 * the communities it created, and its CVs
 * (uploads.fileUrl holds a CV's storage key; cvFileUrl is only the download route's path, and
 * other URLs are not ours to remove). A file that cannot be removed is logged, not thrown: the
 * account is already gone and the member must hear so.
 */
export async function removeAccountFiles(fileUrls: readonly string[], store?: Storage): Promise<void> {
  for (const url of fileUrls) {
    try {
      if (isCvKey(url) || isBannerKey(url)) await (store ?? appStorage()).delete(url);
      else await deleteStoredAvatar(url, store);
    } catch (error) {
      console.error(`account_deleted: could not remove a stored file (${(error as Error).message})`);
    }
  }
}
