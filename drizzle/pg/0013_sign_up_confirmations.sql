CREATE TABLE "sign_up_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"password_hash" varchar(255) NOT NULL,
	"referral_code" varchar(32),
	"redirect_to" varchar(500) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp (3) NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sign_up_confirmations_email_idx" ON "sign_up_confirmations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_up_confirmations_token_idx" ON "sign_up_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_up_confirmations_expires_idx" ON "sign_up_confirmations" USING btree ("expires_at");