CREATE TABLE `sign_up_confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text(64) NOT NULL,
	`name` text NOT NULL,
	`password_hash` text(255) NOT NULL,
	`referral_code` text(32),
	`redirect_to` text(500) NOT NULL,
	`token_hash` text(64) NOT NULL,
	`code_hash` text(64) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_up_confirmations_email_idx` ON `sign_up_confirmations` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `sign_up_confirmations_token_idx` ON `sign_up_confirmations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sign_up_confirmations_expires_idx` ON `sign_up_confirmations` (`expires_at`);