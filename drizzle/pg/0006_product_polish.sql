CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposer_id" uuid NOT NULL,
	"invitee_id" uuid NOT NULL,
	"starts_at" timestamp (3) NOT NULL,
	"ends_at" timestamp (3) NOT NULL,
	"status" varchar(16) DEFAULT 'proposed' NOT NULL,
	"responded_at" timestamp (3),
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('proposed', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "meetings_not_self_check" CHECK ("meetings"."proposer_id" <> "meetings"."invitee_id"),
	CONSTRAINT "meetings_ends_after_starts_check" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "notification_links" (
	"notification_id" uuid PRIMARY KEY NOT NULL,
	"href" varchar(300) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_jobs" (
	"user_id" uuid NOT NULL,
	"feed" varchar(16) NOT NULL,
	"job_id" varchar(32) NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "saved_jobs_user_id_feed_job_id_pk" PRIMARY KEY("user_id","feed","job_id"),
	CONSTRAINT "saved_jobs_feed_check" CHECK ("saved_jobs"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
ALTER TABLE "member_settings" ADD COLUMN "week_start" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_settings" ADD COLUMN "cv_upload_id" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_proposer_id_User_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_invitee_id_User_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_links" ADD CONSTRAINT "notification_links_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notification"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_jobs" ADD CONSTRAINT "saved_jobs_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_proposer_starts_idx" ON "meetings" USING btree ("proposer_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_invitee_starts_idx" ON "meetings" USING btree ("invitee_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "saved_jobs_user_created_idx" ON "saved_jobs" USING btree ("user_id","created_at","feed","job_id");--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_cv_upload_id_uploads_id_fk" FOREIGN KEY ("cv_upload_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_week_start_check" CHECK ("member_settings"."week_start" in (0, 1, 6));