CREATE TABLE "analytics_daily_counts" (
	"day" timestamp (3) NOT NULL,
	"dimension" varchar(20) NOT NULL,
	"key" varchar(500) NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_counts_day_dimension_key_pk" PRIMARY KEY("day","dimension","key")
);
--> statement-breakpoint
CREATE INDEX "connection_status_updated_idx" ON "connection" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "feature_usage_created_idx" ON "feature_usage" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feature_usage_user_created_idx" ON "feature_usage" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "job_applications_created_idx" ON "job_applications" USING btree ("createdAt");--> statement-breakpoint
CREATE INDEX "page_views_user_created_idx" ON "page_views" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "skill_attempts_created_idx" ON "skill_attempts" USING btree ("createdAt");--> statement-breakpoint
CREATE INDEX "user_activity_logs_created_idx" ON "user_activity_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "user_sessions_started_idx" ON "user_sessions" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "user_sessions_last_activity_idx" ON "user_sessions" USING btree ("last_activity_at");