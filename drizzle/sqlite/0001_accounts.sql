CREATE TABLE `rate_limit_buckets` (
	`key` text(200) NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `rate_limit_buckets_window_idx` ON `rate_limit_buckets` (`window_start`);--> statement-breakpoint
CREATE UNIQUE INDEX `User_anonymous_username_unique` ON `User` (`anonymous_username`);--> statement-breakpoint
CREATE UNIQUE INDEX `User_referral_code_unique` ON `User` (`referral_code`);--> statement-breakpoint
CREATE INDEX `User_createdAt_idx` ON `User` (`createdAt`,`id`);