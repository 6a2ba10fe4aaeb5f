CREATE TABLE `member_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`time_zone` text(64) DEFAULT 'UTC' NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_messages_pair_time_idx` ON `user_messages` (`sender_id`,`receiver_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `user_messages_reverse_pair_time_idx` ON `user_messages` (`receiver_id`,`sender_id`,`created_at`,`id`);