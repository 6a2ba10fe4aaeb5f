CREATE TABLE `analytics_daily_counts` (
	`day` integer NOT NULL,
	`dimension` text(20) NOT NULL,
	`key` text(500) NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `dimension`, `key`)
);
--> statement-breakpoint
CREATE INDEX `connection_status_updated_idx` ON `connection` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `feature_usage_created_idx` ON `feature_usage` (`created_at`);--> statement-breakpoint
CREATE INDEX `feature_usage_user_created_idx` ON `feature_usage` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `job_applications_created_idx` ON `job_applications` (`createdAt`);--> statement-breakpoint
CREATE INDEX `page_views_user_created_idx` ON `page_views` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `skill_attempts_created_idx` ON `skill_attempts` (`createdAt`);--> statement-breakpoint
CREATE INDEX `user_activity_logs_created_idx` ON `user_activity_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `user_sessions_started_idx` ON `user_sessions` (`started_at`);--> statement-breakpoint
CREATE INDEX `user_sessions_last_activity_idx` ON `user_sessions` (`last_activity_at`);