CREATE TABLE "anonymous_comment_removals" (
	"comment_id" uuid PRIMARY KEY NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymous_like_notices" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"notification_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymous_post_removals" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymous_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid,
	"comment_id" uuid,
	"reporter_id" uuid NOT NULL,
	"reason" varchar(32) NOT NULL,
	"details" varchar(500),
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3),
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "anonymous_reports_one_target_check" CHECK (("anonymous_reports"."post_id" is null) <> ("anonymous_reports"."comment_id" is null)),
	CONSTRAINT "anonymous_reports_reason_check" CHECK ("anonymous_reports"."reason" in ('spam', 'harassment', 'hate', 'personal_information', 'false_information', 'other')),
	CONSTRAINT "anonymous_reports_status_check" CHECK ("anonymous_reports"."status" in ('open', 'dismissed', 'hidden'))
);
--> statement-breakpoint
DROP INDEX "anonymous_comment_post_idx";--> statement-breakpoint
ALTER TABLE "anonymous_comment_removals" ADD CONSTRAINT "anonymous_comment_removals_comment_id_anonymous_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."anonymous_comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_comment_removals" ADD CONSTRAINT "anonymous_comment_removals_removed_by_User_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_like_notices" ADD CONSTRAINT "anonymous_like_notices_post_id_anonymous_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."anonymous_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_like_notices" ADD CONSTRAINT "anonymous_like_notices_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_post_removals" ADD CONSTRAINT "anonymous_post_removals_post_id_anonymous_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."anonymous_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_post_removals" ADD CONSTRAINT "anonymous_post_removals_removed_by_User_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_reports" ADD CONSTRAINT "anonymous_reports_post_id_anonymous_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."anonymous_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_reports" ADD CONSTRAINT "anonymous_reports_comment_id_anonymous_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."anonymous_comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_reports" ADD CONSTRAINT "anonymous_reports_reporter_id_User_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_reports" ADD CONSTRAINT "anonymous_reports_decided_by_User_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "anonymous_reports_post_reporter_unique" ON "anonymous_reports" USING btree ("post_id","reporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymous_reports_comment_reporter_unique" ON "anonymous_reports" USING btree ("comment_id","reporter_id");--> statement-breakpoint
CREATE INDEX "anonymous_reports_queue_idx" ON "anonymous_reports" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_reports_comment_idx" ON "anonymous_reports" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "anonymous_reports_reporter_idx" ON "anonymous_reports" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "anonymous_comment_post_created_idx" ON "anonymous_comment" USING btree ("post_id","created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_comment_user_idx" ON "anonymous_comment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "anonymous_comment_like_user_idx" ON "anonymous_comment_like" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "anonymous_post_topic_created_idx" ON "anonymous_post" USING btree ("topic","created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_post_company_created_idx" ON "anonymous_post" USING btree (lower("company_name"),"created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_post_industry_created_idx" ON "anonymous_post" USING btree (lower("industry"),"created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_post_user_idx" ON "anonymous_post" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "anonymous_post_like_user_idx" ON "anonymous_post_like" USING btree ("user_id");--> statement-breakpoint
-- Issue 17: the counters equal the rows they count from here on (likes and comments change them in the same transaction).
UPDATE anonymous_post SET likes_count = (SELECT count(*) FROM anonymous_post_like l WHERE l.post_id = anonymous_post.id), comments_count = (SELECT count(*) FROM anonymous_comment c WHERE c.post_id = anonymous_post.id);--> statement-breakpoint
UPDATE anonymous_comment SET likes_count = (SELECT count(*) FROM anonymous_comment_like l WHERE l.comment_id = anonymous_comment.id);
