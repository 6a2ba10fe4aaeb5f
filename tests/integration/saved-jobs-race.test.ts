/** Many saves of one job at once on PostgreSQL: exactly one row, and no save fails. */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { saveJob, unsaveJob } from "../../app/modules/jobs/saved.server";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";
import { makeJob } from "../support/factories";

describePostgres(
  "Concurrent saves of one job",
  (db) => {
    it("20 concurrent saves of the same job by one member leave exactly one row: one 'saved', the rest 'already', none failing", async () => {
      const member = await createMember(db.ctx);
      const job = await makeJob(db.ctx, "jobs", { job_id: "race-save-1", posted_by: "external" });
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => saveJob(db.ctx, member.id, "general", job.job_id)));
      expect(outcomes.filter((o) => o === "saved")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "already")).toHaveLength(19);
      const s = db.ctx.t.saved_jobs;
      expect(await db.ctx.db.select().from(s).where(eq(s.user_id, member.id))).toHaveLength(1);
    });

    it("concurrent saves and unsaves of one job end with at most one row, and every unsave that found a row removed it", async () => {
      const member = await createMember(db.ctx);
      const job = await makeJob(db.ctx, "jobs", { job_id: "race-save-2", posted_by: "external" });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? unsaveJob(db.ctx, member.id, "general", job.job_id) : saveJob(db.ctx, member.id, "general", job.job_id))),
      );
      const saves = results.filter((r, i) => i % 2 === 0 && r === "saved").length;
      const removals = results.filter((r, i) => i % 2 === 1 && r === true).length;
      const s = db.ctx.t.saved_jobs;
      const rows = await db.ctx.db.select().from(s).where(eq(s.user_id, member.id));
      expect(rows.length).toBe(saves - removals);
      expect(rows.length).toBeLessThanOrEqual(1);
    });
  },
  { poolSize: 20 },
);
