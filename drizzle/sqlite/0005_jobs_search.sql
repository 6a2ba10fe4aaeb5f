-- Feed filters and keyword search (docs/decisions/014-jobs.md, "Feeds").
-- Equality filters: (column, created_at, job_id) indexes, as on PostgreSQL. Keywords: per feed, a
-- contentless FTS5 table whose rowid is a time-ordered key (created_at ms * 2^21 + n), and
-- <feed>_search_keys(key, job_id) to map it back, both kept by triggers. FTS5 reads a match in
-- rowid order, so "newest first, 21 rows" stops after 21 matches however common the word is.
CREATE INDEX IF NOT EXISTS "jobs_country_created_idx" ON "jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_type_created_idx" ON "jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_city_created_idx" ON "jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_country_created_idx" ON "remote_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_type_created_idx" ON "remote_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_city_created_idx" ON "remote_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_country_created_idx" ON "part_time_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_type_created_idx" ON "part_time_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_city_created_idx" ON "part_time_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "jobs_search_keys" (key INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "jobs_fts" USING fts5(job_title, employer_name, job_description, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_search_insert" AFTER INSERT ON "jobs" BEGIN
  INSERT INTO "jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_search_delete" AFTER DELETE ON "jobs" BEGIN
  DELETE FROM "jobs_fts" WHERE rowid = (SELECT key FROM "jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "jobs_search_keys" WHERE job_id = old.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "jobs_search_update" AFTER UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "jobs" BEGIN
  DELETE FROM "jobs_fts" WHERE rowid = (SELECT key FROM "jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "jobs_search_keys" WHERE job_id = old.job_id;
  INSERT INTO "jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO "jobs_search_keys" (key, job_id)
SELECT created_at * 2097152 + row_number() OVER (PARTITION BY created_at ORDER BY job_id) - 1, job_id FROM "jobs";
--> statement-breakpoint
INSERT INTO "jobs_fts" (rowid, job_title, employer_name, job_description)
SELECT k.key, j.job_title, j.employer_name, j.job_description FROM "jobs" j JOIN "jobs_search_keys" k ON k.job_id = j.job_id;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "remote_jobs_search_keys" (key INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "remote_jobs_fts" USING fts5(job_title, employer_name, job_description, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_search_insert" AFTER INSERT ON "remote_jobs" BEGIN
  INSERT INTO "remote_jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "remote_jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "remote_jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "remote_jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_search_delete" AFTER DELETE ON "remote_jobs" BEGIN
  DELETE FROM "remote_jobs_fts" WHERE rowid = (SELECT key FROM "remote_jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "remote_jobs_search_keys" WHERE job_id = old.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "remote_jobs_search_update" AFTER UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "remote_jobs" BEGIN
  DELETE FROM "remote_jobs_fts" WHERE rowid = (SELECT key FROM "remote_jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "remote_jobs_search_keys" WHERE job_id = old.job_id;
  INSERT INTO "remote_jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "remote_jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "remote_jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "remote_jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO "remote_jobs_search_keys" (key, job_id)
SELECT created_at * 2097152 + row_number() OVER (PARTITION BY created_at ORDER BY job_id) - 1, job_id FROM "remote_jobs";
--> statement-breakpoint
INSERT INTO "remote_jobs_fts" (rowid, job_title, employer_name, job_description)
SELECT k.key, j.job_title, j.employer_name, j.job_description FROM "remote_jobs" j JOIN "remote_jobs_search_keys" k ON k.job_id = j.job_id;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "part_time_jobs_search_keys" (key INTEGER PRIMARY KEY, job_id TEXT NOT NULL UNIQUE);
--> statement-breakpoint
CREATE VIRTUAL TABLE IF NOT EXISTS "part_time_jobs_fts" USING fts5(job_title, employer_name, job_description, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_search_insert" AFTER INSERT ON "part_time_jobs" BEGIN
  INSERT INTO "part_time_jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "part_time_jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "part_time_jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "part_time_jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_search_delete" AFTER DELETE ON "part_time_jobs" BEGIN
  DELETE FROM "part_time_jobs_fts" WHERE rowid = (SELECT key FROM "part_time_jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "part_time_jobs_search_keys" WHERE job_id = old.job_id;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS "part_time_jobs_search_update" AFTER UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "part_time_jobs" BEGIN
  DELETE FROM "part_time_jobs_fts" WHERE rowid = (SELECT key FROM "part_time_jobs_search_keys" WHERE job_id = old.job_id);
  DELETE FROM "part_time_jobs_search_keys" WHERE job_id = old.job_id;
  INSERT INTO "part_time_jobs_search_keys" (key, job_id) VALUES (
    coalesce((SELECT max(key) FROM "part_time_jobs_search_keys" WHERE key >= new.created_at * 2097152 AND key < (new.created_at + 1) * 2097152), new.created_at * 2097152 - 1) + 1,
    new.job_id);
  INSERT INTO "part_time_jobs_fts" (rowid, job_title, employer_name, job_description)
    SELECT key, new.job_title, new.employer_name, new.job_description FROM "part_time_jobs_search_keys" WHERE job_id = new.job_id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO "part_time_jobs_search_keys" (key, job_id)
SELECT created_at * 2097152 + row_number() OVER (PARTITION BY created_at ORDER BY job_id) - 1, job_id FROM "part_time_jobs";
--> statement-breakpoint
INSERT INTO "part_time_jobs_fts" (rowid, job_title, employer_name, job_description)
SELECT k.key, j.job_title, j.employer_name, j.job_description FROM "part_time_jobs" j JOIN "part_time_jobs_search_keys" k ON k.job_id = j.job_id;
