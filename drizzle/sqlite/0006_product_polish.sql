CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`proposer_id` text NOT NULL,
	`invitee_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text(16) DEFAULT 'proposed' NOT NULL,
	`responded_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`proposer_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitee_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meetings_status_check" CHECK("meetings"."status" in ('proposed', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "meetings_not_self_check" CHECK("meetings"."proposer_id" <> "meetings"."invitee_id"),
	CONSTRAINT "meetings_ends_after_starts_check" CHECK("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `meetings_proposer_starts_idx` ON `meetings` (`proposer_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_invitee_starts_idx` ON `meetings` (`invitee_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE TABLE `notification_links` (
	`notification_id` text PRIMARY KEY NOT NULL,
	`href` text(300) NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notification`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `saved_jobs` (
	`user_id` text NOT NULL,
	`feed` text(16) NOT NULL,
	`job_id` text(32) NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`user_id`, `feed`, `job_id`),
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "saved_jobs_feed_check" CHECK("saved_jobs"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
CREATE INDEX `saved_jobs_user_created_idx` ON `saved_jobs` (`user_id`,`created_at`,`feed`,`job_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_member_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`time_zone` text(64) DEFAULT 'UTC' NOT NULL,
	`week_start` integer DEFAULT 1 NOT NULL,
	`cv_upload_id` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cv_upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "member_settings_week_start_check" CHECK("__new_member_settings"."week_start" in (0, 1, 6))
);
--> statement-breakpoint
INSERT INTO `__new_member_settings`("user_id", "time_zone", "updated_at") SELECT "user_id", "time_zone", "updated_at" FROM `member_settings`;--> statement-breakpoint
DROP TABLE `member_settings`;--> statement-breakpoint
ALTER TABLE `__new_member_settings` RENAME TO `member_settings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;