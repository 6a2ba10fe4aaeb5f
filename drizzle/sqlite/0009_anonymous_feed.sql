CREATE TABLE `anonymous_comment_removals` (
	`comment_id` text PRIMARY KEY NOT NULL,
	`removed_by` text,
	`removed_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `anonymous_comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`removed_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `anonymous_like_notices` (
	`post_id` text PRIMARY KEY NOT NULL,
	`notification_id` text NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `anonymous_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`notification_id`) REFERENCES `notification`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `anonymous_post_removals` (
	`post_id` text PRIMARY KEY NOT NULL,
	`removed_by` text,
	`removed_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `anonymous_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`removed_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `anonymous_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text,
	`comment_id` text,
	`reporter_id` text NOT NULL,
	`reason` text(32) NOT NULL,
	`details` text(500),
	`status` text(16) DEFAULT 'open' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `anonymous_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `anonymous_comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "anonymous_reports_one_target_check" CHECK(("anonymous_reports"."post_id" is null) <> ("anonymous_reports"."comment_id" is null)),
	CONSTRAINT "anonymous_reports_reason_check" CHECK("anonymous_reports"."reason" in ('spam', 'harassment', 'hate', 'personal_information', 'false_information', 'other')),
	CONSTRAINT "anonymous_reports_status_check" CHECK("anonymous_reports"."status" in ('open', 'dismissed', 'hidden'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anonymous_reports_post_reporter_unique` ON `anonymous_reports` (`post_id`,`reporter_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `anonymous_reports_comment_reporter_unique` ON `anonymous_reports` (`comment_id`,`reporter_id`);--> statement-breakpoint
CREATE INDEX `anonymous_reports_queue_idx` ON `anonymous_reports` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_reports_comment_idx` ON `anonymous_reports` (`comment_id`);--> statement-breakpoint
CREATE INDEX `anonymous_reports_reporter_idx` ON `anonymous_reports` (`reporter_id`);--> statement-breakpoint
DROP INDEX `anonymous_comment_post_idx`;--> statement-breakpoint
CREATE INDEX `anonymous_comment_post_created_idx` ON `anonymous_comment` (`post_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_comment_user_idx` ON `anonymous_comment` (`user_id`);--> statement-breakpoint
CREATE INDEX `anonymous_comment_like_user_idx` ON `anonymous_comment_like` (`user_id`);--> statement-breakpoint
CREATE INDEX `anonymous_post_topic_created_idx` ON `anonymous_post` (`topic`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_post_company_created_idx` ON `anonymous_post` (lower("company_name"),`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_post_industry_created_idx` ON `anonymous_post` (lower("industry"),`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_post_user_idx` ON `anonymous_post` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `anonymous_post_like_user_idx` ON `anonymous_post_like` (`user_id`);--> statement-breakpoint
-- Issue 17: the counters equal the rows they count from here on (likes and comments change them in the same transaction).
UPDATE anonymous_post SET likes_count = (SELECT count(*) FROM anonymous_post_like l WHERE l.post_id = anonymous_post.id), comments_count = (SELECT count(*) FROM anonymous_comment c WHERE c.post_id = anonymous_post.id);--> statement-breakpoint
UPDATE anonymous_comment SET likes_count = (SELECT count(*) FROM anonymous_comment_like l WHERE l.comment_id = anonymous_comment.id);
