/**
 * Two (or twenty) recruiters at once on PostgreSQL: no status change is lost silently, rounds get
 * distinct numbers in order, and a round is either completed or cancelled, never both.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { changeStatus, getApplication, type Viewer } from "../../app/modules/hiring/pipeline.server";
import { addRound, changeRound } from "../../app/modules/hiring/rounds.server";
import { APPLICATION_STATUSES } from "../../app/modules/hiring/rules";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";
import { makeApplicationTo, makePostedJob } from "../support/hiring";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

async function setup(ctx: Ctx) {
  const poster = await createMember(ctx);
  const applicant = await createMember(ctx);
  const job = await makePostedJob(ctx, poster.id);
  const app = await makeApplicationTo(ctx, job, { id: applicant.id, email: applicant.email });
  const staff: Viewer[] = [];
  for (let i = 0; i < 3; i++) staff.push(await createMember(ctx, { role: i % 2 ? "admin" : "career_team" }));
  return { poster: { id: poster.id, role: "user" } as Viewer, staff, applicant, app };
}

describePostgres(
  "Concurrent hiring changes",
  (db) => {
    it("of 20 concurrent status changes from the same version exactly one lands, the others are told of the conflict, and one notification and one email go out", async () => {
      const { poster, staff, applicant, app } = await setup(db.ctx);
      const viewers = [poster, ...staff];
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          changeStatus(db.ctx, viewers[i % viewers.length], {
            id: app.id,
            status: APPLICATION_STATUSES[1 + (i % 6)],
            feedback: `Note ${i}`,
            expectedUpdatedAt: app.updatedAt.getTime(),
            link: "http://localhost/applications/x",
          }),
        ),
      );
      const changed = outcomes.flatMap((o, i) => (o.kind === "changed" ? [i] : []));
      expect(changed).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === "conflict")).toHaveLength(19);
      const winner = changed[0];
      const now = await getApplication(db.ctx, poster, app.id);
      expect(now?.status).toBe(APPLICATION_STATUSES[1 + (winner % 6)]);
      expect(now?.feedback).toBe(`Note ${winner}`);
      const n = db.ctx.t.notification;
      const notes = await db.ctx.db.select().from(n).where(eq(n.user_id, applicant.id));
      expect(notes).toHaveLength(1);
      const result = outcomes[winner];
      if (result.kind === "changed") expect((await result.mail).ok).toBe(true);
      await sink.waitFor(applicant.email, () => true);
      expect(sink.messages().filter((m) => m.to.includes(applicant.email.toLowerCase()))).toHaveLength(1);
    });

    it("20 concurrent round additions get the numbers 1 to 20, each once", async () => {
      const { poster, staff, app } = await setup(db.ctx);
      const managed = (await getApplication(db.ctx, poster, app.id))!;
      const viewers = [poster, ...staff];
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => addRound(db.ctx, viewers[i % viewers.length], managed, { roundType: "hr", scheduledAt: null, interviewerName: null, interviewerEmail: null })),
      );
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const r = db.ctx.t.interview_rounds;
      const numbers = (await db.ctx.db.select({ n: r.roundNumber }).from(r).where(eq(r.applicationId, app.id))).map((x) => x.n).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("a round completed and cancelled at once by two recruiters ends in exactly one of the two", async () => {
      const { poster, staff, app } = await setup(db.ctx);
      const managed = (await getApplication(db.ctx, poster, app.id))!;
      const r = db.ctx.t.interview_rounds;
      for (let k = 0; k < 10; k++) {
        const [round] = await db.ctx.db.insert(r).values({ applicationId: app.id, roundNumber: k + 1, roundType: "final" }).returning();
        const outcomes = await Promise.all([
          changeRound(db.ctx, poster, managed, round.id, { kind: "complete", score: 7, notes: null, feedback: null }),
          changeRound(db.ctx, staff[0], managed, round.id, { kind: "cancel" }),
        ]);
        expect([...outcomes].sort()).toEqual(["closed", "done"]);
        const [after] = await db.ctx.db.select().from(r).where(eq(r.id, round.id));
        expect(after.status).toBe(outcomes[0] === "done" ? "completed" : "cancelled");
        expect(after.score).toBe(outcomes[0] === "done" ? 7 : null);
      }
    });
  },
  { poolSize: 20 },
);
