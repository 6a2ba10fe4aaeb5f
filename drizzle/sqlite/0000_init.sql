CREATE TABLE `Chat` (
	`id` text PRIMARY KEY NOT NULL,
	`createdAt` integer NOT NULL,
	`title` text NOT NULL,
	`userId` text NOT NULL,
	`visibility` text DEFAULT 'private',
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "Chat_visibility_check" CHECK("Chat"."visibility" in ('public', 'private'))
);
--> statement-breakpoint
CREATE INDEX `Chat_userId_createdAt_idx` ON `Chat` (`userId`,`createdAt`,`id`);--> statement-breakpoint
CREATE TABLE `Document` (
	`id` text NOT NULL,
	`createdAt` integer NOT NULL,
	`title` text NOT NULL,
	`content` text,
	`kind` text DEFAULT 'text',
	`userId` text NOT NULL,
	PRIMARY KEY(`id`, `createdAt`),
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "Document_kind_check" CHECK("Document"."kind" in ('text', 'code', 'image', 'sheet'))
);
--> statement-breakpoint
CREATE INDEX `Document_userId_idx` ON `Document` (`userId`);--> statement-breakpoint
CREATE TABLE `Message` (
	`id` text PRIMARY KEY NOT NULL,
	`chatId` text NOT NULL,
	`role` text NOT NULL,
	`content` text NOT NULL,
	`createdAt` integer NOT NULL,
	FOREIGN KEY (`chatId`) REFERENCES `Chat`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `Message_v2` (
	`id` text PRIMARY KEY NOT NULL,
	`chatId` text NOT NULL,
	`role` text NOT NULL,
	`parts` text NOT NULL,
	`attachments` text NOT NULL,
	`createdAt` integer NOT NULL,
	FOREIGN KEY (`chatId`) REFERENCES `Chat`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `Message_v2_chatId_createdAt_idx` ON `Message_v2` (`chatId`,`createdAt`,`id`);--> statement-breakpoint
CREATE TABLE `Suggestion` (
	`id` text PRIMARY KEY NOT NULL,
	`documentId` text NOT NULL,
	`documentCreatedAt` integer NOT NULL,
	`originalText` text NOT NULL,
	`suggestedText` text NOT NULL,
	`description` text,
	`isResolved` integer DEFAULT false,
	`userId` text NOT NULL,
	`createdAt` integer NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`documentId`,`documentCreatedAt`) REFERENCES `Document`(`id`,`createdAt`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `User` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text(64) NOT NULL,
	`password` text(255),
	`name` text,
	`linkedinInfo` text,
	`goals` text,
	`profilemetrics` text,
	`strengths` text,
	`interests` text,
	`linkedinURL` text,
	`FacebookURL` text,
	`phone` text,
	`referral_code` text,
	`googleId` text(255),
	`avatarUrl` text,
	`provider` text(50),
	`anonymous_username` text(50),
	`anonymous_avatar` text(255),
	`flaggedChatExpiresAt` integer,
	`createdAt` integer,
	`dailyMessageCount` integer DEFAULT 0,
	`lastMessageResetDate` integer,
	`lastInterviewDate` integer,
	`interviewCount` integer DEFAULT 0,
	`headline` text,
	`education` text,
	`experience` text,
	`professional_skills` text,
	`certifications` text,
	`role` text(50) DEFAULT 'user',
	CONSTRAINT "User_role_check" CHECK("User"."role" in ('user', 'recruiter', 'career_team', 'moderator', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `User_email_unique` ON `User` (`email`);--> statement-breakpoint
CREATE TABLE `Vote` (
	`chatId` text NOT NULL,
	`messageId` text NOT NULL,
	`isUpvoted` integer NOT NULL,
	PRIMARY KEY(`chatId`, `messageId`),
	FOREIGN KEY (`chatId`) REFERENCES `Chat`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`messageId`) REFERENCES `Message`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `Vote_v2` (
	`chatId` text NOT NULL,
	`messageId` text NOT NULL,
	`isUpvoted` integer NOT NULL,
	PRIMARY KEY(`chatId`, `messageId`),
	FOREIGN KEY (`chatId`) REFERENCES `Chat`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`messageId`) REFERENCES `Message_v2`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `activity_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(30) NOT NULL,
	`description` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_categories_name_unique` ON `activity_categories` (`name`);--> statement-breakpoint
CREATE TABLE `activity_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer,
	`name` text(50) NOT NULL,
	`description` text,
	`is_tracked` integer DEFAULT true,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `activity_categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_types_name_unique` ON `activity_types` (`name`);--> statement-breakpoint
CREATE TABLE `anonymous_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`user_id` text NOT NULL,
	`content` text NOT NULL,
	`is_anonymous` integer DEFAULT true,
	`likes_count` integer DEFAULT 0,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `anonymous_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `anonymous_comment_post_idx` ON `anonymous_comment` (`post_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `anonymous_comment_like` (
	`id` text PRIMARY KEY NOT NULL,
	`comment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `anonymous_comment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anonymous_comment_like_comment_user_unique` ON `anonymous_comment_like` (`comment_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `anonymous_post` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`content` text NOT NULL,
	`image_url` text,
	`is_anonymous` integer DEFAULT true,
	`company_name` text,
	`industry` text,
	`topic` text DEFAULT 'general',
	`likes_count` integer DEFAULT 0,
	`comments_count` integer DEFAULT 0,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "anonymous_post_topic_check" CHECK("anonymous_post"."topic" in ('company_culture', 'workplace_issues', 'career_advice', 'general'))
);
--> statement-breakpoint
CREATE INDEX `anonymous_post_created_idx` ON `anonymous_post` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `anonymous_post_like` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `anonymous_post`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anonymous_post_like_post_user_unique` ON `anonymous_post_like` (`post_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `apiuser` (
	`id` text PRIMARY KEY NOT NULL,
	`fullName` text(128) NOT NULL,
	`email_address` text(128) NOT NULL,
	`phone_number` text(32),
	`orgName` text,
	`work` text,
	`benefits` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `archive_card` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text,
	`phone` text,
	`matchPercentage` text,
	`desc` text,
	`email` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `archive_card_id_email_unique` ON `archive_card` (`id`,`email`);--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text(255) NOT NULL,
	`description` text,
	`banner_image` text(500),
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `community_memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text(20) NOT NULL,
	`joined_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "community_memberships_status_check" CHECK("community_memberships"."status" in ('pending', 'approved'))
);
--> statement-breakpoint
CREATE INDEX `community_memberships_community_idx` ON `community_memberships` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `community_memberships_user_idx` ON `community_memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `community_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`user_id` text NOT NULL,
	`content` text NOT NULL,
	`type` text(20) NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "community_posts_type_check" CHECK("community_posts"."type" in ('event', 'update'))
);
--> statement-breakpoint
CREATE INDEX `community_posts_community_created_idx` ON `community_posts` (`community_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `connection` (
	`id` text PRIMARY KEY NOT NULL,
	`sender_id` text NOT NULL,
	`receiver_id` text NOT NULL,
	`status` text DEFAULT 'pending',
	`message` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`sender_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receiver_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "connection_status_check" CHECK("connection"."status" in ('pending', 'accepted', 'rejected')),
	CONSTRAINT "connection_not_self_check" CHECK("connection"."sender_id" <> "connection"."receiver_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connection_sender_receiver_unique` ON `connection` (`sender_id`,`receiver_id`);--> statement-breakpoint
CREATE INDEX `connection_receiver_idx` ON `connection` (`receiver_id`,`status`);--> statement-breakpoint
CREATE TABLE `daily_activity_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` integer NOT NULL,
	`total_users_active` integer DEFAULT 0,
	`total_sessions` integer DEFAULT 0,
	`total_page_views` integer DEFAULT 0,
	`total_actions` integer DEFAULT 0,
	`new_registrations` integer DEFAULT 0,
	`new_connections` integer DEFAULT 0,
	`new_posts` integer DEFAULT 0,
	`new_job_applications` integer DEFAULT 0,
	`new_skill_attempts` integer DEFAULT 0,
	`new_community_joins` integer DEFAULT 0,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_activity_summaries_date_unique` ON `daily_activity_summaries` (`date`);--> statement-breakpoint
CREATE TABLE `daily_interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`userId` text NOT NULL,
	`interviewDate` integer NOT NULL,
	`category` text(50),
	`completedAt` integer,
	`isCompleted` integer DEFAULT false NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updatedAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_interviews_user_date_unique` ON `daily_interviews` (`userId`,`interviewDate`);--> statement-breakpoint
CREATE INDEX `daily_interviews_userId_idx` ON `daily_interviews` (`userId`);--> statement-breakpoint
CREATE INDEX `daily_interviews_interviewDate_idx` ON `daily_interviews` (`interviewDate`);--> statement-breakpoint
CREATE INDEX `daily_interviews_isCompleted_idx` ON `daily_interviews` (`isCompleted`);--> statement-breakpoint
CREATE TABLE `feature_usage` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`feature_name` text(50) NOT NULL,
	`action` text(50) NOT NULL,
	`metadata` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interview_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`dailyInterviewId` text NOT NULL,
	`userId` text NOT NULL,
	`category` text(50) NOT NULL,
	`questionId` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`aiFeedback` text,
	`answeredAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`dailyInterviewId`) REFERENCES `daily_interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_progress_interview_question_unique` ON `interview_progress` (`dailyInterviewId`,`questionId`);--> statement-breakpoint
CREATE INDEX `interview_progress_dailyInterviewId_idx` ON `interview_progress` (`dailyInterviewId`);--> statement-breakpoint
CREATE INDEX `interview_progress_userId_idx` ON `interview_progress` (`userId`);--> statement-breakpoint
CREATE TABLE `interview_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`applicationId` text NOT NULL,
	`roundNumber` integer NOT NULL,
	`roundType` text(50) NOT NULL,
	`scheduledDate` integer,
	`completedDate` integer,
	`interviewerName` text(255),
	`interviewerEmail` text(255),
	`notes` text,
	`status` text(50) DEFAULT 'scheduled',
	`feedback` text,
	`score` integer,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updatedAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`applicationId`) REFERENCES `job_applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "interview_rounds_roundType_check" CHECK("interview_rounds"."roundType" in ('phone_screening', 'job_assessment', 'hr', 'final')),
	CONSTRAINT "interview_rounds_status_check" CHECK("interview_rounds"."status" in ('scheduled', 'completed', 'cancelled', 'rescheduled')),
	CONSTRAINT "interview_rounds_score_check" CHECK("interview_rounds"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE INDEX `interview_rounds_applicationId_idx` ON `interview_rounds` (`applicationId`);--> statement-breakpoint
CREATE INDEX `interview_rounds_status_idx` ON `interview_rounds` (`status`);--> statement-breakpoint
CREATE TABLE `job_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`jobId` text(64) NOT NULL,
	`name` text NOT NULL,
	`email` text(128) NOT NULL,
	`coverLetter` text NOT NULL,
	`cvFileUrl` text,
	`status` text(50) DEFAULT 'pending',
	`feedback` text,
	`withdrawn` integer DEFAULT false,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updatedAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "job_applications_status_check" CHECK("job_applications"."status" in ('pending', 'reviewing', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `job_applications_jobId_idx` ON `job_applications` (`jobId`,`createdAt`);--> statement-breakpoint
CREATE INDEX `job_applications_email_idx` ON `job_applications` (`email`,`createdAt`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`job_id` text(32) PRIMARY KEY NOT NULL,
	`job_title` text,
	`employer_name` text,
	`employer_logo` text,
	`job_city` text,
	`job_state` text,
	`job_country` text,
	`job_posted_at_datetime_utc` integer,
	`job_apply_link` text,
	`job_employment_type` text,
	`job_description` text,
	`job_is_remote` integer,
	`job_min_salary` text,
	`job_max_salary` text,
	`job_salary_period` text,
	`searchedat` integer,
	`posted_by` text(50),
	`posted_by_user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`posted_by_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "jobs_posted_by_check" CHECK("jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE INDEX `jobs_created_idx` ON `jobs` (`created_at`,`job_id`);--> statement-breakpoint
CREATE INDEX `jobs_poster_idx` ON `jobs` (`posted_by_user_id`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`type` text,
	`title` text NOT NULL,
	`message` text NOT NULL,
	`related_user_id` text,
	`related_connection_id` text,
	`is_read` integer DEFAULT false,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_type_check" CHECK("notification"."type" in ('connection_request', 'connection_accepted', 'connection_rejected'))
);
--> statement-breakpoint
CREATE INDEX `notification_user_created_idx` ON `notification` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `page_views` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`session_id` text,
	`page_path` text(255) NOT NULL,
	`page_title` text(255),
	`referrer` text(500),
	`time_on_page` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `user_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `page_views_created_idx` ON `page_views` (`created_at`);--> statement-breakpoint
CREATE TABLE `part_time_jobs` (
	`job_id` text(32) PRIMARY KEY NOT NULL,
	`job_title` text,
	`employer_name` text,
	`employer_logo` text,
	`job_city` text,
	`job_state` text,
	`job_country` text,
	`job_posted_at_datetime_utc` integer,
	`job_apply_link` text,
	`job_employment_type` text DEFAULT 'Part-time',
	`job_description` text,
	`job_is_remote` integer,
	`job_min_salary` text,
	`job_max_salary` text,
	`job_salary_period` text,
	`searchedat` integer,
	`posted_by` text(50),
	`posted_by_user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`posted_by_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "part_time_jobs_posted_by_check" CHECK("part_time_jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE INDEX `part_time_jobs_created_idx` ON `part_time_jobs` (`created_at`,`job_id`);--> statement-breakpoint
CREATE INDEX `part_time_jobs_poster_idx` ON `part_time_jobs` (`posted_by_user_id`);--> statement-breakpoint
CREATE TABLE `password_reset_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token` text(255) NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `password_reset_tokens_user_idx` ON `password_reset_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `premuser` (
	`id` text PRIMARY KEY NOT NULL,
	`fullName` text(128) NOT NULL,
	`emailAddress` text(128) NOT NULL,
	`phoneNumber` text(32),
	`paragraphInterest` text,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `remote_jobs` (
	`job_id` text(32) PRIMARY KEY NOT NULL,
	`job_title` text,
	`employer_name` text,
	`employer_logo` text,
	`job_city` text,
	`job_state` text,
	`job_country` text,
	`job_posted_at_datetime_utc` integer,
	`job_apply_link` text,
	`job_employment_type` text,
	`job_description` text,
	`job_is_remote` integer DEFAULT true NOT NULL,
	`job_min_salary` text,
	`job_max_salary` text,
	`job_salary_period` text,
	`searchedat` integer,
	`posted_by` text(50),
	`posted_by_user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`posted_by_user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "remote_jobs_posted_by_check" CHECK("remote_jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE INDEX `remote_jobs_created_idx` ON `remote_jobs` (`created_at`,`job_id`);--> statement-breakpoint
CREATE INDEX `remote_jobs_poster_idx` ON `remote_jobs` (`posted_by_user_id`);--> statement-breakpoint
CREATE TABLE `skill_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`userId` text NOT NULL,
	`skillId` integer NOT NULL,
	`score` integer NOT NULL,
	`total` integer NOT NULL,
	`selectedAnswers` text NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`skillId`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `skill_attempts_user_skill_idx` ON `skill_attempts` (`userId`,`skillId`);--> statement-breakpoint
CREATE TABLE `skill_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`skillId` integer NOT NULL,
	`question` text NOT NULL,
	`options` text NOT NULL,
	`correctIndex` integer NOT NULL,
	FOREIGN KEY (`skillId`) REFERENCES `skills`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "skill_questions_correctIndex_check" CHECK("skill_questions"."correctIndex" between 0 and 3)
);
--> statement-breakpoint
CREATE INDEX `skill_questions_skillId_idx` ON `skill_questions` (`skillId`);--> statement-breakpoint
CREATE TABLE `skills` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text(255) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`userEmail` text NOT NULL,
	`fileUrl` text NOT NULL,
	`fileType` text NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "uploads_fileType_check" CHECK("uploads"."fileType" in ('cv', 'cover-letter'))
);
--> statement-breakpoint
CREATE TABLE `user_activity_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`action_type` text(50) NOT NULL,
	`action_category` text(30) NOT NULL,
	`resource_type` text(30),
	`resource_id` text(100),
	`metadata` text,
	`ip_address` text,
	`user_agent` text,
	`session_id` text(100),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_activity_logs_user_created_idx` ON `user_activity_logs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `user_calendar_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`userId` text NOT NULL,
	`weekStartDate` integer NOT NULL,
	`dayOfWeek` integer NOT NULL,
	`startTime` text(8) NOT NULL,
	`endTime` text(8) NOT NULL,
	`isBlocked` integer DEFAULT true NOT NULL,
	`createdAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updatedAt` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "user_calendar_blocks_dayOfWeek_check" CHECK("user_calendar_blocks"."dayOfWeek" between 0 and 6)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_calendar_blocks_slot_unique` ON `user_calendar_blocks` (`userId`,`weekStartDate`,`dayOfWeek`,`startTime`,`endTime`);--> statement-breakpoint
CREATE INDEX `user_calendar_blocks_user_week_idx` ON `user_calendar_blocks` (`userId`,`weekStartDate`);--> statement-breakpoint
CREATE TABLE `user_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`sender_id` text NOT NULL,
	`receiver_id` text NOT NULL,
	`message` text NOT NULL,
	`is_read` integer DEFAULT false,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`sender_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`receiver_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_messages_sender_receiver_idx` ON `user_messages` (`sender_id`,`receiver_id`);--> statement-breakpoint
CREATE INDEX `user_messages_receiver_sender_idx` ON `user_messages` (`receiver_id`,`sender_id`);--> statement-breakpoint
CREATE INDEX `user_messages_created_at_idx` ON `user_messages` (`created_at`);--> statement-breakpoint
CREATE TABLE `user_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`session_token` text(255) NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`device_type` text(20),
	`browser` text(50),
	`os` text(50),
	`started_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_activity_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`ended_at` integer,
	`is_active` integer DEFAULT true,
	FOREIGN KEY (`user_id`) REFERENCES `User`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_sessions_session_token_unique` ON `user_sessions` (`session_token`);--> statement-breakpoint
CREATE INDEX `user_sessions_user_idx` ON `user_sessions` (`user_id`,`is_active`);