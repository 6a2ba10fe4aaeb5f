/** On PostgreSQL, concurrent sends between two members from both sides keep every message. */
import { and, eq, or } from "drizzle-orm";
import { expect, it } from "vitest";
import { conversationPage } from "../../app/modules/messages/conversations.server";
import { sendMessage } from "../../app/modules/messages/messages.server";
import { connect } from "../../app/modules/network/connections.server";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";

describePostgres(
  "Concurrent direct messages on a pool of 25",
  (db) => {
    it("50 concurrent sends from both sides of one pair all land: 50 rows, each text once, all in the conversation", async () => {
      const a = await createMember(db.ctx);
      const b = await createMember(db.ctx);
      await connect(db.ctx, { me: a.id, otherId: b.id });
      await connect(db.ctx, { me: b.id, otherId: a.id });
      const texts = Array.from({ length: 50 }, (_, i) => `message number ${i}`);
      const outcomes = await Promise.all(
        texts.map((text, i) => sendMessage(db.ctx, i % 2 === 0 ? { senderId: a.id, receiverId: b.id, text } : { senderId: b.id, receiverId: a.id, text })),
      );
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const m = db.ctx.t.user_messages;
      const rows = await db.ctx.db
        .select({ text: m.message, from: m.sender_id })
        .from(m)
        .where(or(and(eq(m.sender_id, a.id), eq(m.receiver_id, b.id)), and(eq(m.sender_id, b.id), eq(m.receiver_id, a.id))));
      expect(rows).toHaveLength(50);
      expect(rows.map((r) => r.text).sort()).toEqual([...texts].sort());
      expect(rows.filter((r) => r.from === a.id)).toHaveLength(25);
      const page = await conversationPage(db.ctx, a.id, b.id, { pageSize: 100 });
      expect(page.messages.map((msg) => msg.text).sort()).toEqual([...texts].sort());
    });
  },
  { poolSize: 25 },
);
