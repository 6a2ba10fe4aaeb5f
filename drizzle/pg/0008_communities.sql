-- Issue 16: before the unique indexes, keep one membership per member and community (approved
-- first, then the oldest id) and give same-named communities (in any case) a distinct name.
DELETE FROM community_memberships WHERE EXISTS (SELECT 1 FROM community_memberships o WHERE o.community_id = community_memberships.community_id AND o.user_id = community_memberships.user_id AND o.id <> community_memberships.id AND (o.status = 'approved' AND community_memberships.status = 'pending' OR o.status = community_memberships.status AND o.id < community_memberships.id));--> statement-breakpoint
UPDATE communities SET name = name || ' ' || substr(cast(id as text), 1, 8) WHERE EXISTS (SELECT 1 FROM communities o WHERE lower(o.name) = lower(communities.name) AND o.id < communities.id);--> statement-breakpoint
CREATE TABLE "community_bans" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"banned_by" uuid,
	"reason" varchar(500),
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_bans_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" varchar(16) NOT NULL,
	"reason" varchar(500),
	"decided_by" uuid,
	"decided_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_decisions_decision_check" CHECK ("community_decisions"."decision" in ('approved', 'declined', 'removed', 'banned'))
);
--> statement-breakpoint
CREATE TABLE "community_event_subscriptions" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_event_subscriptions_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_events" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"starts_at" timestamp (3) NOT NULL,
	"ends_at" timestamp (3),
	"place" varchar(200),
	"online_url" varchar(500),
	CONSTRAINT "community_events_ends_after_starts_check" CHECK ("community_events"."ends_at" is null or "community_events"."ends_at" > "community_events"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "community_moderators" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"appointed_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_moderators_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_stats" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"members" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_bans" ADD CONSTRAINT "community_bans_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_bans" ADD CONSTRAINT "community_bans_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_bans" ADD CONSTRAINT "community_bans_banned_by_User_id_fk" FOREIGN KEY ("banned_by") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_decisions" ADD CONSTRAINT "community_decisions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_decisions" ADD CONSTRAINT "community_decisions_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_decisions" ADD CONSTRAINT "community_decisions_decided_by_User_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."User"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_event_subscriptions" ADD CONSTRAINT "community_event_subscriptions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_event_subscriptions" ADD CONSTRAINT "community_event_subscriptions_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_moderators" ADD CONSTRAINT "community_moderators_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_moderators" ADD CONSTRAINT "community_moderators_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_stats" ADD CONSTRAINT "community_stats_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_bans_user_idx" ON "community_bans" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_decisions_request_unique" ON "community_decisions" USING btree ("membership_id") WHERE "community_decisions"."decision" in ('approved', 'declined');--> statement-breakpoint
CREATE INDEX "community_decisions_member_idx" ON "community_decisions" USING btree ("community_id","user_id","decided_at");--> statement-breakpoint
CREATE INDEX "community_events_upcoming_idx" ON "community_events" USING btree ("community_id","starts_at","post_id");--> statement-breakpoint
CREATE INDEX "community_moderators_user_idx" ON "community_moderators" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "communities_name_lower_unique" ON "communities" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "communities_name_lower_id_idx" ON "communities" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "communities_created_by_idx" ON "communities" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "community_memberships_member_unique" ON "community_memberships" USING btree ("community_id","user_id");--> statement-breakpoint
CREATE INDEX "community_memberships_queue_idx" ON "community_memberships" USING btree ("community_id","status","joined_at","id");--> statement-breakpoint
CREATE INDEX "community_memberships_status_joined_idx" ON "community_memberships" USING btree ("status","joined_at","id");--> statement-breakpoint
-- Backfill: each creator moderates their community; member counts from the memberships.
INSERT INTO community_moderators (community_id, user_id) SELECT id, created_by FROM communities WHERE created_by IS NOT NULL;--> statement-breakpoint
INSERT INTO community_stats (community_id, members) SELECT c.id, (SELECT count(*) FROM community_memberships m WHERE m.community_id = c.id AND m.status = 'approved') FROM communities c;
