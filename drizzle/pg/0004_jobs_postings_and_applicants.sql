CREATE TABLE "job_applicants" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"feed" varchar(16) NOT NULL,
	"job_id" varchar(32) NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "job_applicants_feed_check" CHECK ("job_applicants"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
CREATE TABLE "job_postings" (
	"feed" varchar(16) NOT NULL,
	"job_id" varchar(32) NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp (3),
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "job_postings_feed_job_id_pk" PRIMARY KEY("feed","job_id"),
	CONSTRAINT "job_postings_feed_check" CHECK ("job_postings"."feed" in ('general', 'remote', 'part-time')),
	CONSTRAINT "job_postings_status_check" CHECK ("job_postings"."status" in ('pending', 'approved', 'declined', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "job_applicants" ADD CONSTRAINT "job_applicants_application_id_job_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."job_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applicants" ADD CONSTRAINT "job_applicants_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_decided_by_user_id_User_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_applicants_live_unique" ON "job_applicants" USING btree ("user_id","feed","job_id") WHERE "job_applicants"."live";--> statement-breakpoint
CREATE INDEX "job_applicants_user_idx" ON "job_applicants" USING btree ("user_id","created_at","application_id");--> statement-breakpoint
CREATE INDEX "job_applicants_job_idx" ON "job_applicants" USING btree ("feed","job_id","created_at","application_id");--> statement-breakpoint
CREATE INDEX "job_postings_status_idx" ON "job_postings" USING btree ("status","created_at","job_id");