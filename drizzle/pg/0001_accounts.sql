CREATE TABLE "rate_limit_buckets" (
	"key" varchar(200) NOT NULL,
	"window_start" timestamp (3) NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_buckets_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_window_idx" ON "rate_limit_buckets" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "User_anonymous_username_unique" ON "User" USING btree ("anonymous_username");--> statement-breakpoint
CREATE UNIQUE INDEX "User_referral_code_unique" ON "User" USING btree ("referral_code");--> statement-breakpoint
CREATE INDEX "User_createdAt_idx" ON "User" USING btree ("createdAt","id");