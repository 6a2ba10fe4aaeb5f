CREATE TABLE `job_applicants` (
	`application_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`feed` text(16) NOT NULL,
	`job_id` text(32) NOT NULL,
	`live` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `job_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "job_applicants_feed_check" CHECK("job_applicants"."feed" in ('general', 'remote', 'part-time'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_applicants_live_unique` ON `job_applicants` (`user_id`,`feed`,`job_id`) WHERE "job_applicants"."live";--> statement-breakpoint
CREATE INDEX `job_applicants_user_idx` ON `job_applicants` (`user_id`,`created_at`,`application_id`);--> statement-breakpoint
CREATE INDEX `job_applicants_job_idx` ON `job_applicants` (`feed`,`job_id`,`created_at`,`application_id`);--> statement-breakpoint
CREATE TABLE `job_postings` (
	`feed` text(16) NOT NULL,
	`job_id` text(32) NOT NULL,
	`status` text(16) DEFAULT 'pending' NOT NULL,
	`decline_reason` text,
	`decided_by_user_id` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`feed`, `job_id`),
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "job_postings_feed_check" CHECK("job_postings"."feed" in ('general', 'remote', 'part-time')),
	CONSTRAINT "job_postings_status_check" CHECK("job_postings"."status" in ('pending', 'approved', 'declined', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `job_postings_status_idx` ON `job_postings` (`status`,`created_at`,`job_id`);