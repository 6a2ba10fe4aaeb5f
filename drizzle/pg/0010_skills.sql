CREATE TABLE "archive_card_owners" (
	"card_id" integer PRIMARY KEY NOT NULL,
	"recruiter_user_id" uuid NOT NULL,
	"member_user_id" uuid NOT NULL,
	"feed" varchar(16) NOT NULL,
	"job_id" varchar(32) NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "archive_card_owners_feed_check" CHECK ("archive_card_owners"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
CREATE TABLE "candidate_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"findable" boolean DEFAULT false NOT NULL,
	"share_phone" boolean DEFAULT false NOT NULL,
	"city" varchar(100),
	"match_terms" text DEFAULT '' NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_bests" (
	"user_id" uuid NOT NULL,
	"skill_id" integer NOT NULL,
	"best_score" integer NOT NULL,
	"best_total" integer NOT NULL,
	"best_attempt_id" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp (3) NOT NULL,
	CONSTRAINT "skill_bests_user_id_skill_id_pk" PRIMARY KEY("user_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skill_details" (
	"skill_id" integer PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"retired_at" timestamp (3),
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"skill_id" integer NOT NULL,
	"questions" json NOT NULL,
	"attempt_id" integer,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_question_details" (
	"question_id" integer PRIMARY KEY NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"retired_at" timestamp (3),
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verified_skill_hidden" (
	"user_id" uuid NOT NULL,
	"skill_id" integer NOT NULL,
	CONSTRAINT "verified_skill_hidden_user_id_skill_id_pk" PRIMARY KEY("user_id","skill_id")
);
--> statement-breakpoint
ALTER TABLE "archive_card_owners" ADD CONSTRAINT "archive_card_owners_card_id_archive_card_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."archive_card"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_card_owners" ADD CONSTRAINT "archive_card_owners_recruiter_user_id_User_id_fk" FOREIGN KEY ("recruiter_user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_card_owners" ADD CONSTRAINT "archive_card_owners_member_user_id_User_id_fk" FOREIGN KEY ("member_user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_settings" ADD CONSTRAINT "candidate_settings_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_bests" ADD CONSTRAINT "skill_bests_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_bests" ADD CONSTRAINT "skill_bests_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_bests" ADD CONSTRAINT "skill_bests_best_attempt_id_skill_attempts_id_fk" FOREIGN KEY ("best_attempt_id") REFERENCES "public"."skill_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_details" ADD CONSTRAINT "skill_details_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_draws" ADD CONSTRAINT "skill_draws_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_draws" ADD CONSTRAINT "skill_draws_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_draws" ADD CONSTRAINT "skill_draws_attempt_id_skill_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."skill_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_question_details" ADD CONSTRAINT "skill_question_details_question_id_skill_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."skill_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_skill_hidden" ADD CONSTRAINT "verified_skill_hidden_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verified_skill_hidden" ADD CONSTRAINT "verified_skill_hidden_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_card_owners_unique" ON "archive_card_owners" USING btree ("recruiter_user_id","member_user_id","feed","job_id");--> statement-breakpoint
CREATE INDEX "archive_card_owners_recruiter_idx" ON "archive_card_owners" USING btree ("recruiter_user_id","created_at","card_id");--> statement-breakpoint
CREATE INDEX "archive_card_owners_member_idx" ON "archive_card_owners" USING btree ("member_user_id");--> statement-breakpoint
CREATE INDEX "candidate_settings_findable_idx" ON "candidate_settings" USING btree ("findable","user_id");--> statement-breakpoint
CREATE INDEX "skill_bests_skill_idx" ON "skill_bests" USING btree ("skill_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_draws_attempt_unique" ON "skill_draws" USING btree ("attempt_id");--> statement-breakpoint
CREATE INDEX "skill_draws_user_idx" ON "skill_draws" USING btree ("user_id","skill_id","created_at");--> statement-breakpoint
-- Issue 18: skill_bests holds each member's best attempt per skill (highest score/total, the earliest of equals), the attempt count and the last attempt; from here on the grading transaction keeps it.
INSERT INTO skill_bests (user_id, skill_id, best_score, best_total, best_attempt_id, attempts, last_attempt_at) SELECT "userId", "skillId", score, total, id, n, last_at FROM (SELECT "userId", "skillId", score, total, id, count(*) OVER (PARTITION BY "userId", "skillId") AS n, max("createdAt") OVER (PARTITION BY "userId", "skillId") AS last_at, row_number() OVER (PARTITION BY "userId", "skillId" ORDER BY CASE WHEN total > 0 THEN score * 1.0 / total ELSE 0 END DESC, "createdAt", id) AS rn FROM skill_attempts) ranked WHERE rn = 1;
