CREATE TABLE "interview_feedback" (
	"progress_id" uuid PRIMARY KEY NOT NULL,
	"source" varchar(16) NOT NULL,
	"ai_failed" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_plans" (
	"daily_interview_id" uuid PRIMARY KEY NOT NULL,
	"question_ids" json NOT NULL,
	"language" varchar(8) DEFAULT 'en' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_skips" (
	"daily_interview_id" uuid NOT NULL,
	"question_id" integer NOT NULL,
	"skipped_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "interview_skips_daily_interview_id_question_id_pk" PRIMARY KEY("daily_interview_id","question_id")
);
--> statement-breakpoint
ALTER TABLE "member_settings" ADD COLUMN "show_interview_streak" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_feedback" ADD CONSTRAINT "interview_feedback_progress_id_interview_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."interview_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_plans" ADD CONSTRAINT "interview_plans_daily_interview_id_daily_interviews_id_fk" FOREIGN KEY ("daily_interview_id") REFERENCES "public"."daily_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_skips" ADD CONSTRAINT "interview_skips_daily_interview_id_daily_interviews_id_fk" FOREIGN KEY ("daily_interview_id") REFERENCES "public"."daily_interviews"("id") ON DELETE cascade ON UPDATE no action;