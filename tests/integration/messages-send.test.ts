/** Sending a direct message: the connection check lives in the INSERT, on both databases. */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { sendMessage } from "../../app/modules/messages/messages.server";
import { MESSAGE_MAX } from "../../app/modules/messages/rules";
import { changeConnection, connect } from "../../app/modules/network/connections.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";

async function messagesOf(ctx: Ctx, senderId: string) {
  const m = ctx.t.user_messages;
  return ctx.db.select({ to: m.receiver_id, text: m.message, read: m.is_read, at: m.created_at }).from(m).where(eq(m.sender_id, senderId));
}

describeEachDatabase("Sending a direct message", (db) => {
  it("a member sends a message to an accepted connection, stored unread with its time", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    await connect(db.ctx, { me: b.id, otherId: a.id });
    const outcome = await sendMessage(db.ctx, { senderId: b.id, receiverId: a.id, text: "  Hello there  " });
    expect(outcome.ok).toBe(true);
    const rows = await messagesOf(db.ctx, b.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to: a.id, text: "Hello there", read: false });
    expect(Math.abs(rows[0].at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a member who is not connected cannot send a message, and nothing is stored", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    expect(await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "hi" })).toEqual({ ok: false, reason: "not_connected" });
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "hi" })).toEqual({ ok: false, reason: "not_connected" });
    expect(await messagesOf(db.ctx, a.id)).toEqual([]);
  });

  it("a removed connection can no longer be messaged", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    await connect(db.ctx, { me: b.id, otherId: a.id });
    await changeConnection(db.ctx, { me: a.id, otherId: b.id, intent: "remove" });
    expect(await sendMessage(db.ctx, { senderId: b.id, receiverId: a.id, text: "still there?" })).toEqual({ ok: false, reason: "not_connected" });
  });

  it("an empty, oversized or self-addressed message is refused", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    expect(await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "   " })).toEqual({ ok: false, reason: "empty" });
    expect(await sendMessage(db.ctx, { senderId: a.id, receiverId: b.id, text: "x".repeat(MESSAGE_MAX + 1) })).toEqual({ ok: false, reason: "too_long" });
    expect(await sendMessage(db.ctx, { senderId: a.id, receiverId: a.id, text: "me" })).toEqual({ ok: false, reason: "self" });
  });
});
