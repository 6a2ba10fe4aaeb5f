/** Documents under concurrency on PostgreSQL: saves of one document queue, and a suggestion is accepted once. */
import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { acceptSuggestion, createDocument, saveVersion } from "../../app/modules/documents/documents.server";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";
import { makeSuggestion } from "../support/factories";

describePostgres(
  "Concurrent changes to one document",
  (db) => {
    it("20 saves at the same instant make 20 versions with distinct, increasing times", async () => {
      const me = await createMember(db.ctx);
      const doc = await createDocument(db.ctx, me.id, { title: "Plan", kind: "text", content: "v0" });
      const now = new Date(doc.createdAt.getTime() + 1000);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => saveVersion(db.ctx, me.id, doc.id, { title: "Plan", content: `v${i + 1}` }, now)));
      expect(results.every((r) => r instanceof Date)).toBe(true);
      const D = db.ctx.t.Document;
      const rows = await db.ctx.db.select({ createdAt: D.createdAt }).from(D).where(eq(D.id, doc.id)).orderBy(asc(D.createdAt));
      expect(rows).toHaveLength(21);
      expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(21);
      expect(rows[20].createdAt.getTime() - rows[1].createdAt.getTime()).toBe(19);
    });

    it("10 concurrent accepts of one suggestion make exactly one new version", async () => {
      const me = await createMember(db.ctx);
      const doc = await createDocument(db.ctx, me.id, { title: "CV", kind: "text", content: "Hardworking graduate." });
      const suggestion = await makeSuggestion(db.ctx, doc, me.id, { originalText: "Hardworking", suggestedText: "Results-focused" });
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => acceptSuggestion(db.ctx, me.id, doc.id, suggestion.id)));
      expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "not_found")).toHaveLength(9);
      const D = db.ctx.t.Document;
      const rows = await db.ctx.db.select({ content: D.content }).from(D).where(eq(D.id, doc.id)).orderBy(asc(D.createdAt));
      expect(rows.map((r) => r.content)).toEqual(["Hardworking graduate.", "Results-focused graduate."]);
    });
  },
  { poolSize: 20 },
);
