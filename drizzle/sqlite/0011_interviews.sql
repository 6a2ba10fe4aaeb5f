CREATE TABLE `interview_feedback` (
	`progress_id` text PRIMARY KEY NOT NULL,
	`source` text(16) NOT NULL,
	`ai_failed` integer DEFAULT false NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`progress_id`) REFERENCES `interview_progress`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interview_plans` (
	`daily_interview_id` text PRIMARY KEY NOT NULL,
	`question_ids` text NOT NULL,
	`language` text(8) DEFAULT 'en' NOT NULL,
	FOREIGN KEY (`daily_interview_id`) REFERENCES `daily_interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interview_skips` (
	`daily_interview_id` text NOT NULL,
	`question_id` integer NOT NULL,
	`skipped_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`daily_interview_id`, `question_id`),
	FOREIGN KEY (`daily_interview_id`) REFERENCES `daily_interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `member_settings` ADD `show_interview_streak` integer DEFAULT false NOT NULL;