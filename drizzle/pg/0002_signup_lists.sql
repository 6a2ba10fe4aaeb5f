CREATE INDEX "apiuser_createdAt_idx" ON "apiuser" USING btree ("createdAt","id");--> statement-breakpoint
CREATE INDEX "premuser_createdAt_idx" ON "premuser" USING btree ("createdAt","id");