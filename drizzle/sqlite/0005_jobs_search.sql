-- Feed search and filters (docs/decisions/014-jobs.md, "Feeds"). Same equality indexes as PostgreSQL;
-- keywords use an FTS5 table per feed whose content is the feed table itself (external content,
-- keyed by rowid), kept in step by triggers and filled once here from the rows already present.
CREATE INDEX IF NOT EXISTS "jobs_country_created_idx" ON "jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_type_created_idx" ON "jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_city_created_idx" ON "jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "jobs_fts" USING fts5(job_title, employer_name, job_description, content='jobs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_fts_insert" AFTER INSERT ON "jobs" BEGIN
  INSERT INTO "jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_fts_delete" AFTER DELETE ON "jobs" BEGIN
  INSERT INTO "jobs_fts"("jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_fts_update" AFTER UPDATE OF job_title, employer_name, job_description ON "jobs" BEGIN
  INSERT INTO "jobs_fts"("jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
  INSERT INTO "jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
INSERT INTO "jobs_fts"("jobs_fts") VALUES ('rebuild');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_country_created_idx" ON "remote_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_type_created_idx" ON "remote_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_city_created_idx" ON "remote_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "remote_jobs_fts" USING fts5(job_title, employer_name, job_description, content='remote_jobs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_fts_insert" AFTER INSERT ON "remote_jobs" BEGIN
  INSERT INTO "remote_jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_fts_delete" AFTER DELETE ON "remote_jobs" BEGIN
  INSERT INTO "remote_jobs_fts"("remote_jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_fts_update" AFTER UPDATE OF job_title, employer_name, job_description ON "remote_jobs" BEGIN
  INSERT INTO "remote_jobs_fts"("remote_jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
  INSERT INTO "remote_jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
INSERT INTO "remote_jobs_fts"("remote_jobs_fts") VALUES ('rebuild');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_country_created_idx" ON "part_time_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_type_created_idx" ON "part_time_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_city_created_idx" ON "part_time_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "part_time_jobs_fts" USING fts5(job_title, employer_name, job_description, content='part_time_jobs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_fts_insert" AFTER INSERT ON "part_time_jobs" BEGIN
  INSERT INTO "part_time_jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_fts_delete" AFTER DELETE ON "part_time_jobs" BEGIN
  INSERT INTO "part_time_jobs_fts"("part_time_jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_fts_update" AFTER UPDATE OF job_title, employer_name, job_description ON "part_time_jobs" BEGIN
  INSERT INTO "part_time_jobs_fts"("part_time_jobs_fts", rowid, job_title, employer_name, job_description) VALUES ('delete', old.rowid, old.job_title, old.employer_name, old.job_description);
  INSERT INTO "part_time_jobs_fts"(rowid, job_title, employer_name, job_description) VALUES (new.rowid, new.job_title, new.employer_name, new.job_description);
END;
--> statement-breakpoint
INSERT INTO "part_time_jobs_fts"("part_time_jobs_fts") VALUES ('rebuild');
