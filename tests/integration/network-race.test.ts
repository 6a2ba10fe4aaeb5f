/** On PostgreSQL, concurrent "connect" calls between the same two members from both sides leave one row. */
import { and, eq, or } from "drizzle-orm";
import { expect, it } from "vitest";
import { connect } from "../../app/modules/network/connections.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";

function raceBody(db: { readonly ctx: Ctx }) {
    it("50 concurrent connect calls from both sides leave exactly one accepted row and one request and one acceptance notification", async () => {
      const a = await createMember(db.ctx);
      const b = await createMember(db.ctx);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? connect(db.ctx, { me: a.id, otherId: b.id }) : connect(db.ctx, { me: b.id, otherId: a.id }))),
      );
      const c = db.ctx.t.connection;
      const rows = await db.ctx.db
        .select({ id: c.id, status: c.status })
        .from(c)
        .where(or(and(eq(c.sender_id, a.id), eq(c.receiver_id, b.id)), and(eq(c.sender_id, b.id), eq(c.receiver_id, a.id))));
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe("accepted");
      expect(outcomes.filter((o) => o === "requested")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
      expect(outcomes.every((o) => ["requested", "accepted", "already_requested", "already_connected"].includes(o))).toBe(true);
      const n = db.ctx.t.notification;
      const notes = await db.ctx.db.select({ user: n.user_id, type: n.type, connection: n.related_connection_id }).from(n);
      // The request notification went when the request was answered; the acceptance went to the requester.
      expect(notes).toHaveLength(1);
      expect(notes[0].type).toBe("connection_accepted");
      expect(notes[0].connection).toBe(rows[0].id);
    });
}

// On PostgreSQL on a pool of 20 (the advisory lock is what keeps one row), and on SQLite.
describePostgres("Concurrent connection requests on a pool of 20", raceBody, { poolSize: 20 });
describeEachDatabase("Concurrent connection requests", raceBody, { dialects: ["sqlite"] });
