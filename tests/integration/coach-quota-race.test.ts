/** On PostgreSQL, 50 concurrent sends by one member: exactly 7 get a reply and the count ends at 7. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createChat, sendMessage } from "../../app/modules/coach/chats.server";
import { takeMessage } from "../../app/modules/coach/quota.server";
import { createMember } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";
import { startOpenAiMock, type OpenAiMock } from "../support/openai-mock";

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ port: 0 });
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = mock.url;
});
afterAll(async () => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  await mock.close();
});

describePostgres(
  "Concurrent coach sends on a pool of 20",
  (db) => {
    it("50 concurrent sends by one member give exactly 7 replies and a count of 7", async () => {
      const member = await createMember(db.ctx);
      const { chatId } = await createChat(db.ctx, member.id, "Race", new Date(Date.now() - 60_000));
      const before = mock.requests.length;
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => sendMessage(db.ctx, member.id, chatId, `Send ${i}`)));
      expect(outcomes.filter((o) => o.kind === "replied")).toHaveLength(7);
      expect(outcomes.filter((o) => o.kind === "quota")).toHaveLength(43);
      expect(mock.requests.length - before).toBe(7);
      const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
      expect(user.dailyMessageCount).toBe(7);
      const M = db.ctx.t.Message_v2;
      const rows = await db.ctx.db.select({ role: M.role }).from(M).where(eq(M.chatId, chatId));
      expect(rows.filter((r) => r.role === "assistant")).toHaveLength(7);
      expect(rows.filter((r) => r.role === "user")).toHaveLength(8); // the first message and the 7 sends
    });
  },
  { poolSize: 20 },
);

describeEachDatabase("Coach quota counting", (db) => {
  it("50 concurrent takes let exactly 7 through, and a new UTC day starts again at 1", async () => {
    const member = await createMember(db.ctx);
    const now = new Date("2026-11-26T12:00:00Z");
    const results = await Promise.all(Array.from({ length: 50 }, () => takeMessage(db.ctx, member.id, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => r.ok).map((r) => r.left).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const tomorrow = await takeMessage(db.ctx, member.id, new Date("2026-11-27T00:00:01Z"));
    expect(tomorrow).toEqual({ ok: true, left: 6 });
  });
});
