CREATE TABLE `analytics_daily_counts` (
	`day` integer NOT NULL,
	`dimension` text(20) NOT NULL,
	`key` text(500) NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `dimension`, `key`)
);
--> statement-breakpoint
CREATE INDEX `feature_usage_created_idx` ON `feature_usage` (`created_at`);--> statement-breakpoint
CREATE INDEX `feature_usage_user_created_idx` ON `feature_usage` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `page_views_user_created_idx` ON `page_views` (`user_id`,`created_at`);