CREATE TABLE `archive_card_owners` (
	`card_id` integer PRIMARY KEY NOT NULL,
	`recruiter_user_id` text NOT NULL,
	`member_user_id` text NOT NULL,
	`feed` text(16) NOT NULL,
	`job_id` text(32) NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `archive_card`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recruiter_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "archive_card_owners_feed_check" CHECK("archive_card_owners"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `archive_card_owners_unique` ON `archive_card_owners` (`recruiter_user_id`,`member_user_id`,`feed`,`job_id`);--> statement-breakpoint
CREATE INDEX `archive_card_owners_recruiter_idx` ON `archive_card_owners` (`recruiter_user_id`,`created_at`,`card_id`);--> statement-breakpoint
CREATE INDEX `archive_card_owners_member_idx` ON `archive_card_owners` (`member_user_id`);--> statement-breakpoint
CREATE TABLE `candidate_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`findable` integer DEFAULT false NOT NULL,
	`share_phone` integer DEFAULT false NOT NULL,
	`city` text(100),
	`match_terms` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `candidate_settings_findable_idx` ON `candidate_settings` (`findable`,`user_id`);--> statement-breakpoint
CREATE TABLE `skill_bests` (
	`user_id` text NOT NULL,
	`skill_id` integer NOT NULL,
	`best_score` integer NOT NULL,
	`best_total` integer NOT NULL,
	`best_attempt_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `skill_id`),
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`best_attempt_id`) REFERENCES `skill_attempts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `skill_bests_skill_idx` ON `skill_bests` (`skill_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `skill_details` (
	`skill_id` integer PRIMARY KEY NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`retired_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `skill_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`skill_id` integer NOT NULL,
	`questions` text NOT NULL,
	`attempt_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `skill_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_draws_attempt_unique` ON `skill_draws` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `skill_draws_user_idx` ON `skill_draws` (`user_id`,`skill_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `skill_question_details` (
	`question_id` integer PRIMARY KEY NOT NULL,
	`explanation` text DEFAULT '' NOT NULL,
	`retired_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `skill_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `verified_skill_hidden` (
	`user_id` text NOT NULL,
	`skill_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `skill_id`),
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_id`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Issue 18: skill_bests holds each member's best attempt per skill (highest score/total, the earliest of equals), the attempt count and the last attempt; from here on the grading transaction keeps it.
INSERT INTO skill_bests (user_id, skill_id, best_score, best_total, best_attempt_id, attempts, last_attempt_at) SELECT "userId", "skillId", score, total, id, n, last_at FROM (SELECT "userId", "skillId", score, total, id, count(*) OVER (PARTITION BY "userId", "skillId") AS n, max("createdAt") OVER (PARTITION BY "userId", "skillId") AS last_at, row_number() OVER (PARTITION BY "userId", "skillId" ORDER BY CASE WHEN total > 0 THEN score * 1.0 / total ELSE 0 END DESC, "createdAt", id) AS rn FROM skill_attempts) ranked WHERE rn = 1;
