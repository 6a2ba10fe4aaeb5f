/**
 * npm run db:backfill-messages: MOVES the deprecated Message and Vote rows into Message_v2 and
 * Vote_v2 (decision 015.11). In batches keyed by (createdAt, id); each batch is one transaction:
 *   1. INSERT the converted messages into Message_v2 (same id, chatId, role, createdAt; parts from
 *      content; attachments []) ON CONFLICT (id) DO NOTHING;
 *   2. INSERT their votes into Vote_v2 (same chatId, messageId, isUpvoted) ON CONFLICT DO NOTHING;
 *   3. DELETE those votes from Vote and those messages from Message.
 * A crash leaves every batch either wholly moved or untouched; a second run finds only what is
 * left (malformed rows) and changes nothing. A row whose content cannot be read is reported and
 * stays in Message (with its votes) for a person to look at.
 */
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { contentToParts } from "./backfill";

export interface BackfillReport {
  batches: number;
  messagesMoved: number;
  /** Already in Message_v2 under the same id (copied earlier): removed from Message only. */
  messagesAlreadyThere: number;
  votesMoved: number;
  votesAlreadyThere: number;
  skipped: { id: string; reason: string }[];
}

export async function backfillMessages(ctx: Ctx, options: { batchSize?: number; onBatch?: (report: BackfillReport) => void } = {}): Promise<BackfillReport> {
  const batchSize = options.batchSize ?? 500;
  const report: BackfillReport = { batches: 0, messagesMoved: 0, messagesAlreadyThere: 0, votesMoved: 0, votesAlreadyThere: 0, skipped: [] };
  let cursor: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const after = cursor;
    const step: { done: boolean; last: { createdAt: Date; id: string } | null } = await withTx(ctx, async (tx) => {
      const M = tx.t.Message;
      const V = tx.t.Vote;
      const rawContent = tx.dialect === "pg" ? sql<string | null>`${M.content}::text` : sql<string | null>`${M.content}`;
      const rows = await tx.db
        .select({ id: M.id, chatId: M.chatId, role: M.role, createdAt: M.createdAt, content: rawContent })
        .from(M)
        .where(after ? or(gt(M.createdAt, after.createdAt), and(eq(M.createdAt, after.createdAt), gt(M.id, after.id))) : undefined)
        .orderBy(asc(M.createdAt), asc(M.id))
        .limit(batchSize);
      if (rows.length === 0) return { done: true, last: null };
      const lastRow = rows[rows.length - 1];
      const last = { createdAt: lastRow.createdAt, id: lastRow.id };
      const movable: { id: string; chatId: string; role: string; createdAt: Date; parts: ReturnType<typeof contentToParts> & { ok: true } }[] = [];
      for (const row of rows) {
        const converted = contentToParts(row.content);
        if (converted.ok) movable.push({ ...row, parts: converted });
        else report.skipped.push({ id: row.id, reason: converted.reason });
      }
      report.batches++;
      if (movable.length === 0) return { done: rows.length < batchSize, last };
      const ids = movable.map((m) => m.id);
      const inserted = await tx.db
        .insert(tx.t.Message_v2)
        .values(movable.map((m) => ({ id: m.id, chatId: m.chatId, role: m.role, parts: m.parts.parts, attachments: [], createdAt: m.createdAt })))
        .onConflictDoNothing({ target: tx.t.Message_v2.id })
        .returning({ id: tx.t.Message_v2.id });
      report.messagesMoved += inserted.length;
      report.messagesAlreadyThere += movable.length - inserted.length;
      const votes = await tx.db.select({ chatId: V.chatId, messageId: V.messageId, isUpvoted: V.isUpvoted }).from(V).where(inArray(V.messageId, ids));
      if (votes.length > 0) {
        const movedVotes = await tx.db
          .insert(tx.t.Vote_v2)
          .values(votes)
          .onConflictDoNothing({ target: [tx.t.Vote_v2.chatId, tx.t.Vote_v2.messageId] })
          .returning({ messageId: tx.t.Vote_v2.messageId });
        report.votesMoved += movedVotes.length;
        report.votesAlreadyThere += votes.length - movedVotes.length;
        await tx.db.delete(V).where(inArray(V.messageId, ids));
      }
      await tx.db.delete(M).where(inArray(M.id, ids));
      return { done: rows.length < batchSize, last };
    });
    options.onBatch?.(report);
    if (step.done || !step.last) return report;
    cursor = step.last;
  }
}
