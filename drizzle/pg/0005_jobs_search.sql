-- Feed filters and keyword search (docs/decisions/014-jobs.md, "Feeds").
-- Equality filters: (column, created_at, job_id) indexes, so "filter + newest first + LIMIT" reads
-- only the rows it shows. Keywords: a side table per feed, <feed>_search(key, job_id, tsv), kept by
-- triggers. key = created_at in epoch ms * 2^21 + a sequence number, so the primary key is in
-- newest-first order: a common word is read backwards off the key with a cheap stored-tsvector
-- test, a rare word through the GIN index. The spec's tables keep their exact columns.
CREATE SEQUENCE IF NOT EXISTS "jobs_search_seq";
--> statement-breakpoint
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
CREATE TABLE IF NOT EXISTS "jobs_search" (key bigint PRIMARY KEY, job_id varchar(32) NOT NULL UNIQUE, tsv tsvector NOT NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_search_tsv_idx" ON "jobs_search" USING gin (tsv);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "jobs_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "jobs_search" WHERE job_id = OLD.job_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "jobs_search" (key, job_id, tsv) VALUES (
      floor(extract(epoch FROM NEW.created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152,
      NEW.job_id,
      to_tsvector('simple'::regconfig, coalesce(NEW.job_title, '') || ' ' || coalesce(NEW.employer_name, '') || ' ' || coalesce(NEW.job_description, '')));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "jobs_search_sync" ON "jobs";
--> statement-breakpoint
CREATE TRIGGER "jobs_search_sync" AFTER INSERT OR DELETE OR UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "jobs" FOR EACH ROW EXECUTE FUNCTION "jobs_search_sync"();
--> statement-breakpoint
INSERT INTO "jobs_search" (key, job_id, tsv)
SELECT floor(extract(epoch FROM created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152, job_id,
  to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, ''))
FROM "jobs" ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "remote_jobs_search" (key bigint PRIMARY KEY, job_id varchar(32) NOT NULL UNIQUE, tsv tsvector NOT NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_search_tsv_idx" ON "remote_jobs_search" USING gin (tsv);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "remote_jobs_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "remote_jobs_search" WHERE job_id = OLD.job_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "remote_jobs_search" (key, job_id, tsv) VALUES (
      floor(extract(epoch FROM NEW.created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152,
      NEW.job_id,
      to_tsvector('simple'::regconfig, coalesce(NEW.job_title, '') || ' ' || coalesce(NEW.employer_name, '') || ' ' || coalesce(NEW.job_description, '')));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "remote_jobs_search_sync" ON "remote_jobs";
--> statement-breakpoint
CREATE TRIGGER "remote_jobs_search_sync" AFTER INSERT OR DELETE OR UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "remote_jobs" FOR EACH ROW EXECUTE FUNCTION "remote_jobs_search_sync"();
--> statement-breakpoint
INSERT INTO "remote_jobs_search" (key, job_id, tsv)
SELECT floor(extract(epoch FROM created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152, job_id,
  to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, ''))
FROM "remote_jobs" ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "part_time_jobs_search" (key bigint PRIMARY KEY, job_id varchar(32) NOT NULL UNIQUE, tsv tsvector NOT NULL);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_search_tsv_idx" ON "part_time_jobs_search" USING gin (tsv);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "part_time_jobs_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "part_time_jobs_search" WHERE job_id = OLD.job_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "part_time_jobs_search" (key, job_id, tsv) VALUES (
      floor(extract(epoch FROM NEW.created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152,
      NEW.job_id,
      to_tsvector('simple'::regconfig, coalesce(NEW.job_title, '') || ' ' || coalesce(NEW.employer_name, '') || ' ' || coalesce(NEW.job_description, '')));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "part_time_jobs_search_sync" ON "part_time_jobs";
--> statement-breakpoint
CREATE TRIGGER "part_time_jobs_search_sync" AFTER INSERT OR DELETE OR UPDATE OF job_id, job_title, employer_name, job_description, created_at ON "part_time_jobs" FOR EACH ROW EXECUTE FUNCTION "part_time_jobs_search_sync"();
--> statement-breakpoint
INSERT INTO "part_time_jobs_search" (key, job_id, tsv)
SELECT floor(extract(epoch FROM created_at) * 1000)::bigint * 2097152 + nextval('jobs_search_seq') % 2097152, job_id,
  to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, ''))
FROM "part_time_jobs" ON CONFLICT DO NOTHING;
