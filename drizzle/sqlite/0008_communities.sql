-- Issue 16: before the unique indexes, keep one membership per member and community (approved
-- first, then the oldest id) and give same-named communities (in any case) a distinct name.
DELETE FROM community_memberships WHERE EXISTS (SELECT 1 FROM community_memberships o WHERE o.community_id = community_memberships.community_id AND o.user_id = community_memberships.user_id AND o.id <> community_memberships.id AND (o.status = 'approved' AND community_memberships.status = 'pending' OR o.status = community_memberships.status AND o.id < community_memberships.id));--> statement-breakpoint
UPDATE communities SET name = name || ' ' || substr(cast(id as text), 1, 8) WHERE EXISTS (SELECT 1 FROM communities o WHERE lower(o.name) = lower(communities.name) AND o.id < communities.id);--> statement-breakpoint
CREATE TABLE `community_bans` (
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`banned_by` text,
	`reason` text(500),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`community_id`, `user_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`banned_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `community_bans_user_idx` ON `community_bans` (`user_id`);--> statement-breakpoint
CREATE TABLE `community_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`membership_id` text NOT NULL,
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`decision` text(16) NOT NULL,
	`reason` text(500),
	`decided_by` text,
	`decided_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "community_decisions_decision_check" CHECK("community_decisions"."decision" in ('approved', 'declined', 'removed', 'banned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `community_decisions_request_unique` ON `community_decisions` (`membership_id`) WHERE "community_decisions"."decision" in ('approved', 'declined');--> statement-breakpoint
CREATE INDEX `community_decisions_member_idx` ON `community_decisions` (`community_id`,`user_id`,`decided_at`);--> statement-breakpoint
CREATE TABLE `community_event_subscriptions` (
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`community_id`, `user_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `community_events` (
	`post_id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`place` text(200),
	`online_url` text(500),
	FOREIGN KEY (`post_id`) REFERENCES `community_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "community_events_ends_after_starts_check" CHECK("community_events"."ends_at" is null or "community_events"."ends_at" > "community_events"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `community_events_upcoming_idx` ON `community_events` (`community_id`,`starts_at`,`post_id`);--> statement-breakpoint
CREATE TABLE `community_moderators` (
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`appointed_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`community_id`, `user_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `community_moderators_user_idx` ON `community_moderators` (`user_id`);--> statement-breakpoint
CREATE TABLE `community_stats` (
	`community_id` text PRIMARY KEY NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_name_lower_unique` ON `communities` (lower("name"));--> statement-breakpoint
CREATE INDEX `communities_name_lower_id_idx` ON `communities` (lower("name"),`id`);--> statement-breakpoint
CREATE INDEX `communities_created_by_idx` ON `communities` (`created_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `community_memberships_member_unique` ON `community_memberships` (`community_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `community_memberships_queue_idx` ON `community_memberships` (`community_id`,`status`,`joined_at`,`id`);--> statement-breakpoint
CREATE INDEX `community_memberships_status_joined_idx` ON `community_memberships` (`status`,`joined_at`,`id`);--> statement-breakpoint
-- Backfill: each creator moderates their community; member counts from the memberships.
INSERT INTO community_moderators (community_id, user_id) SELECT id, created_by FROM communities WHERE created_by IS NOT NULL;--> statement-breakpoint
INSERT INTO community_stats (community_id, members) SELECT c.id, (SELECT count(*) FROM community_memberships m WHERE m.community_id = c.id AND m.status = 'approved') FROM communities c;
