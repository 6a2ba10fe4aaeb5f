CREATE TABLE "member_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" varchar(64) DEFAULT 'UTC' NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_settings" ADD CONSTRAINT "member_settings_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_messages_pair_time_idx" ON "user_messages" USING btree ("sender_id","receiver_id","created_at","id");--> statement-breakpoint
CREATE INDEX "user_messages_reverse_pair_time_idx" ON "user_messages" USING btree ("receiver_id","sender_id","created_at","id");