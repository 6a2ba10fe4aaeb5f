CREATE INDEX `apiuser_createdAt_idx` ON `apiuser` (`createdAt`,`id`);--> statement-breakpoint
CREATE INDEX `premuser_createdAt_idx` ON `premuser` (`createdAt`,`id`);