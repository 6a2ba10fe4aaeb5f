-- Feed search and filters (docs/decisions/014-jobs.md, "Feeds"). Newest first is (created_at, job_id);
-- each equality filter has an index that ends in the same order, so "filter + newest first + LIMIT"
-- reads only the rows it shows. Keywords use a GIN index over the words of title, employer and
-- description (simple configuration: no stemming, any language).
CREATE INDEX IF NOT EXISTS "jobs_country_created_idx" ON "jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_type_created_idx" ON "jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_city_created_idx" ON "jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_search_idx" ON "jobs" USING gin (to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_country_created_idx" ON "remote_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_type_created_idx" ON "remote_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_city_created_idx" ON "remote_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "remote_jobs_search_idx" ON "remote_jobs" USING gin (to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, '')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_country_created_idx" ON "part_time_jobs" (job_country, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_type_created_idx" ON "part_time_jobs" (job_employment_type, created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_city_created_idx" ON "part_time_jobs" (lower(job_city), created_at, job_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "part_time_jobs_search_idx" ON "part_time_jobs" USING gin (to_tsvector('simple'::regconfig, coalesce(job_title, '') || ' ' || coalesce(employer_name, '') || ' ' || coalesce(job_description, '')));
