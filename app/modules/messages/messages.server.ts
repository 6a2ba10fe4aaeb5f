/**
 * Direct messages between accepted connections (docs/decisions/012-direct-messages.md).
 * The connection check is part of the INSERT itself, so a message can never land between
 * members who are not connected, whatever the caller checked before.
 */
import { randomUUID } from "node:crypto";
import { and, eq, or, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { MESSAGE_MAX } from "./rules";

export type SendOutcome = { ok: true; id: string; createdAt: Date } | { ok: false; reason: "self" | "empty" | "too_long" | "not_connected" };

/**
 * `senderId` sends `text` to `receiverId`. Refused unless the two have an accepted connection
 * in either direction at the moment of the insert.
 */
export async function sendMessage(ctx: Ctx, input: { senderId: string; receiverId: string; text: string }): Promise<SendOutcome> {
  const text = input.text.trim();
  if (input.senderId === input.receiverId) return { ok: false, reason: "self" };
  if (text.length === 0) return { ok: false, reason: "empty" };
  if (text.length > MESSAGE_MAX) return { ok: false, reason: "too_long" };

  const { connection: c, user_messages: m } = ctx.t;
  const id = randomUUID();
  const createdAt = new Date();
  const connected = ctx.db
    .select({ one: sql`1` })
    .from(c)
    .where(
      and(
        eq(c.status, "accepted"),
        or(
          and(eq(c.sender_id, input.senderId), eq(c.receiver_id, input.receiverId)),
          and(eq(c.sender_id, input.receiverId), eq(c.receiver_id, input.senderId)),
        ),
      ),
    );
  // The message and its usage row commit together.
  return withTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(m)
      .select(
        ctx.db
          .select({
            id: sql`${id}`.as("id"),
            sender_id: sql`${input.senderId}`.as("sender_id"),
            receiver_id: sql`${input.receiverId}`.as("receiver_id"),
            message: sql`${text}`.as("message"),
            is_read: sql`${ctx.dialect === "pg" ? false : 0}`.as("is_read"),
            created_at: sql`${ctx.dialect === "pg" ? createdAt.toISOString() : createdAt.getTime()}`.as("created_at"),
            updated_at: sql`${ctx.dialect === "pg" ? createdAt.toISOString() : createdAt.getTime()}`.as("updated_at"),
          })
          .from(sql`(select 1) as one_row`)
          .where(sql`exists ${connected}`) as never,
      )
      .returning({ id: m.id });
    if (inserted.length === 0) return { ok: false, reason: "not_connected" } as const;
    await track(tx, { userId: input.senderId, type: "message_sent", metadata: { messageId: id }, at: createdAt });
    return { ok: true, id, createdAt } as const;
  });
}
