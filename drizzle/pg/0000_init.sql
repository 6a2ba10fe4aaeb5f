CREATE TABLE "Chat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"createdAt" timestamp (3) NOT NULL,
	"title" text NOT NULL,
	"userId" uuid NOT NULL,
	"visibility" varchar DEFAULT 'private',
	CONSTRAINT "Chat_visibility_check" CHECK ("Chat"."visibility" in ('public', 'private'))
);
--> statement-breakpoint
CREATE TABLE "Document" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"createdAt" timestamp (3) NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"kind" varchar DEFAULT 'text',
	"userId" uuid NOT NULL,
	CONSTRAINT "Document_id_createdAt_pk" PRIMARY KEY("id","createdAt"),
	CONSTRAINT "Document_kind_check" CHECK ("Document"."kind" in ('text', 'code', 'image', 'sheet'))
);
--> statement-breakpoint
CREATE TABLE "Message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chatId" uuid NOT NULL,
	"role" varchar NOT NULL,
	"content" json NOT NULL,
	"createdAt" timestamp (3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "Message_v2" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chatId" uuid NOT NULL,
	"role" varchar NOT NULL,
	"parts" json NOT NULL,
	"attachments" json NOT NULL,
	"createdAt" timestamp (3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "Suggestion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"documentId" uuid NOT NULL,
	"documentCreatedAt" timestamp (3) NOT NULL,
	"originalText" text NOT NULL,
	"suggestedText" text NOT NULL,
	"description" text,
	"isResolved" boolean DEFAULT false,
	"userId" uuid NOT NULL,
	"createdAt" timestamp (3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "User" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(64) NOT NULL,
	"password" varchar(255),
	"name" text,
	"linkedinInfo" text,
	"goals" text,
	"profilemetrics" text,
	"strengths" text,
	"interests" text,
	"linkedinURL" text,
	"FacebookURL" text,
	"phone" text,
	"referral_code" text,
	"googleId" varchar(255),
	"avatarUrl" text,
	"provider" varchar(50),
	"anonymous_username" varchar(50),
	"anonymous_avatar" varchar(255),
	"flaggedChatExpiresAt" timestamp (3),
	"createdAt" timestamp (3),
	"dailyMessageCount" integer DEFAULT 0,
	"lastMessageResetDate" timestamp (3),
	"lastInterviewDate" timestamp (3),
	"interviewCount" integer DEFAULT 0,
	"headline" text,
	"education" jsonb,
	"experience" jsonb,
	"professional_skills" jsonb,
	"certifications" jsonb,
	"role" varchar(50) DEFAULT 'user',
	CONSTRAINT "User_role_check" CHECK ("User"."role" in ('user', 'recruiter', 'career_team', 'moderator', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "Vote" (
	"chatId" uuid NOT NULL,
	"messageId" uuid NOT NULL,
	"isUpvoted" boolean NOT NULL,
	CONSTRAINT "Vote_chatId_messageId_pk" PRIMARY KEY("chatId","messageId")
);
--> statement-breakpoint
CREATE TABLE "Vote_v2" (
	"chatId" uuid NOT NULL,
	"messageId" uuid NOT NULL,
	"isUpvoted" boolean NOT NULL,
	CONSTRAINT "Vote_v2_chatId_messageId_pk" PRIMARY KEY("chatId","messageId")
);
--> statement-breakpoint
CREATE TABLE "activity_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(30) NOT NULL,
	"description" text,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "activity_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "activity_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer,
	"name" varchar(50) NOT NULL,
	"description" text,
	"is_tracked" boolean DEFAULT true,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "activity_types_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "anonymous_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"content" text NOT NULL,
	"is_anonymous" boolean DEFAULT true,
	"likes_count" integer DEFAULT 0,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymous_comment_like" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymous_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"content" text NOT NULL,
	"image_url" text,
	"is_anonymous" boolean DEFAULT true,
	"company_name" text,
	"industry" text,
	"topic" varchar DEFAULT 'general',
	"likes_count" integer DEFAULT 0,
	"comments_count" integer DEFAULT 0,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "anonymous_post_topic_check" CHECK ("anonymous_post"."topic" in ('company_culture', 'workplace_issues', 'career_advice', 'general'))
);
--> statement-breakpoint
CREATE TABLE "anonymous_post_like" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apiuser" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fullName" varchar(128) NOT NULL,
	"email_address" varchar(128) NOT NULL,
	"phone_number" varchar(32),
	"orgName" text,
	"work" text,
	"benefits" text,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_card" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text,
	"phone" text,
	"matchPercentage" text,
	"desc" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"banner_image" varchar(500),
	"created_by" uuid,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" varchar(20) NOT NULL,
	"joined_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_memberships_status_check" CHECK ("community_memberships"."status" in ('pending', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "community_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"content" text NOT NULL,
	"type" varchar(20) NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "community_posts_type_check" CHECK ("community_posts"."type" in ('event', 'update'))
);
--> statement-breakpoint
CREATE TABLE "connection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"receiver_id" uuid NOT NULL,
	"status" varchar DEFAULT 'pending',
	"message" text,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "connection_status_check" CHECK ("connection"."status" in ('pending', 'accepted', 'rejected')),
	CONSTRAINT "connection_not_self_check" CHECK ("connection"."sender_id" <> "connection"."receiver_id")
);
--> statement-breakpoint
CREATE TABLE "daily_activity_summaries" (
	"id" serial PRIMARY KEY NOT NULL,
	"date" timestamp (3) NOT NULL,
	"total_users_active" integer DEFAULT 0,
	"total_sessions" integer DEFAULT 0,
	"total_page_views" integer DEFAULT 0,
	"total_actions" integer DEFAULT 0,
	"new_registrations" integer DEFAULT 0,
	"new_connections" integer DEFAULT 0,
	"new_posts" integer DEFAULT 0,
	"new_job_applications" integer DEFAULT 0,
	"new_skill_attempts" integer DEFAULT 0,
	"new_community_joins" integer DEFAULT 0,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "daily_activity_summaries_date_unique" UNIQUE("date")
);
--> statement-breakpoint
CREATE TABLE "daily_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userId" uuid NOT NULL,
	"interviewDate" timestamp (3) NOT NULL,
	"category" varchar(50),
	"completedAt" timestamp (3),
	"isCompleted" boolean DEFAULT false NOT NULL,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updatedAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"feature_name" varchar(50) NOT NULL,
	"action" varchar(50) NOT NULL,
	"metadata" json,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dailyInterviewId" uuid NOT NULL,
	"userId" uuid NOT NULL,
	"category" varchar(50) NOT NULL,
	"questionId" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"aiFeedback" text,
	"answeredAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicationId" uuid NOT NULL,
	"roundNumber" integer NOT NULL,
	"roundType" varchar(50) NOT NULL,
	"scheduledDate" timestamp (3),
	"completedDate" timestamp (3),
	"interviewerName" varchar(255),
	"interviewerEmail" varchar(255),
	"notes" text,
	"status" varchar(50) DEFAULT 'scheduled',
	"feedback" text,
	"score" integer,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updatedAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "interview_rounds_roundType_check" CHECK ("interview_rounds"."roundType" in ('phone_screening', 'job_assessment', 'hr', 'final')),
	CONSTRAINT "interview_rounds_status_check" CHECK ("interview_rounds"."status" in ('scheduled', 'completed', 'cancelled', 'rescheduled')),
	CONSTRAINT "interview_rounds_score_check" CHECK ("interview_rounds"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "job_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jobId" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"email" varchar(128) NOT NULL,
	"coverLetter" text NOT NULL,
	"cvFileUrl" text,
	"status" varchar(50) DEFAULT 'pending',
	"feedback" text,
	"withdrawn" boolean DEFAULT false,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updatedAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "job_applications_status_check" CHECK ("job_applications"."status" in ('pending', 'reviewing', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"job_id" varchar(32) PRIMARY KEY NOT NULL,
	"job_title" text,
	"employer_name" text,
	"employer_logo" text,
	"job_city" text,
	"job_state" text,
	"job_country" text,
	"job_posted_at_datetime_utc" timestamp (3),
	"job_apply_link" text,
	"job_employment_type" text,
	"job_description" text,
	"job_is_remote" boolean,
	"job_min_salary" text,
	"job_max_salary" text,
	"job_salary_period" text,
	"searchedat" timestamp (3),
	"posted_by" varchar(50),
	"posted_by_user_id" uuid,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "jobs_posted_by_check" CHECK ("jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" varchar,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"related_user_id" uuid,
	"related_connection_id" uuid,
	"is_read" boolean DEFAULT false,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "notification_type_check" CHECK ("notification"."type" in ('connection_request', 'connection_accepted', 'connection_rejected'))
);
--> statement-breakpoint
CREATE TABLE "page_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"session_id" uuid,
	"page_path" varchar(255) NOT NULL,
	"page_title" varchar(255),
	"referrer" varchar(500),
	"time_on_page" integer,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "part_time_jobs" (
	"job_id" varchar(32) PRIMARY KEY NOT NULL,
	"job_title" text,
	"employer_name" text,
	"employer_logo" text,
	"job_city" text,
	"job_state" text,
	"job_country" text,
	"job_posted_at_datetime_utc" timestamp (3),
	"job_apply_link" text,
	"job_employment_type" text DEFAULT 'Part-time',
	"job_description" text,
	"job_is_remote" boolean,
	"job_min_salary" text,
	"job_max_salary" text,
	"job_salary_period" text,
	"searchedat" timestamp (3),
	"posted_by" varchar(50),
	"posted_by_user_id" uuid,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "part_time_jobs_posted_by_check" CHECK ("part_time_jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token" varchar(255) NOT NULL,
	"expires_at" timestamp (3) NOT NULL,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "premuser" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fullName" varchar(128) NOT NULL,
	"emailAddress" varchar(128) NOT NULL,
	"phoneNumber" varchar(32),
	"paragraphInterest" text,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remote_jobs" (
	"job_id" varchar(32) PRIMARY KEY NOT NULL,
	"job_title" text,
	"employer_name" text,
	"employer_logo" text,
	"job_city" text,
	"job_state" text,
	"job_country" text,
	"job_posted_at_datetime_utc" timestamp (3),
	"job_apply_link" text,
	"job_employment_type" text,
	"job_description" text,
	"job_is_remote" boolean DEFAULT true NOT NULL,
	"job_min_salary" text,
	"job_max_salary" text,
	"job_salary_period" text,
	"searchedat" timestamp (3),
	"posted_by" varchar(50),
	"posted_by_user_id" uuid,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "remote_jobs_posted_by_check" CHECK ("remote_jobs"."posted_by" in ('alumni', 'career_team', 'external'))
);
--> statement-breakpoint
CREATE TABLE "skill_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"userId" uuid NOT NULL,
	"skillId" integer NOT NULL,
	"score" integer NOT NULL,
	"total" integer NOT NULL,
	"selectedAnswers" json NOT NULL,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"skillId" integer NOT NULL,
	"question" text NOT NULL,
	"options" json NOT NULL,
	"correctIndex" integer NOT NULL,
	CONSTRAINT "skill_questions_correctIndex_check" CHECK ("skill_questions"."correctIndex" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"userEmail" text NOT NULL,
	"fileUrl" text NOT NULL,
	"fileType" text NOT NULL,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "uploads_fileType_check" CHECK ("uploads"."fileType" in ('cv', 'cover-letter'))
);
--> statement-breakpoint
CREATE TABLE "user_activity_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"action_type" varchar(50) NOT NULL,
	"action_category" varchar(30) NOT NULL,
	"resource_type" varchar(30),
	"resource_id" varchar(100),
	"metadata" json,
	"ip_address" text,
	"user_agent" text,
	"session_id" varchar(100),
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_calendar_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userId" uuid NOT NULL,
	"weekStartDate" timestamp (3) NOT NULL,
	"dayOfWeek" integer NOT NULL,
	"startTime" varchar(8) NOT NULL,
	"endTime" varchar(8) NOT NULL,
	"isBlocked" boolean DEFAULT true NOT NULL,
	"createdAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updatedAt" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	CONSTRAINT "user_calendar_blocks_dayOfWeek_check" CHECK ("user_calendar_blocks"."dayOfWeek" between 0 and 6)
);
--> statement-breakpoint
CREATE TABLE "user_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"receiver_id" uuid NOT NULL,
	"message" text NOT NULL,
	"is_read" boolean DEFAULT false,
	"created_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"updated_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"session_token" varchar(255) NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"device_type" varchar(20),
	"browser" varchar(50),
	"os" varchar(50),
	"started_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"last_activity_at" timestamp (3) DEFAULT (now() at time zone 'utc') NOT NULL,
	"ended_at" timestamp (3),
	"is_active" boolean DEFAULT true,
	CONSTRAINT "user_sessions_session_token_unique" UNIQUE("session_token")
);
--> statement-breakpoint
ALTER TABLE "Chat" ADD CONSTRAINT "Chat_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Document" ADD CONSTRAINT "Document_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message" ADD CONSTRAINT "Message_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Message_v2" ADD CONSTRAINT "Message_v2_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_document_version_fk" FOREIGN KEY ("documentId","documentCreatedAt") REFERENCES "public"."Document"("id","createdAt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_messageId_Message_id_fk" FOREIGN KEY ("messageId") REFERENCES "public"."Message"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Vote_v2" ADD CONSTRAINT "Vote_v2_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "Vote_v2" ADD CONSTRAINT "Vote_v2_messageId_Message_v2_id_fk" FOREIGN KEY ("messageId") REFERENCES "public"."Message_v2"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_types" ADD CONSTRAINT "activity_types_category_id_activity_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."activity_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_comment" ADD CONSTRAINT "anonymous_comment_post_id_anonymous_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."anonymous_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_comment" ADD CONSTRAINT "anonymous_comment_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_comment_like" ADD CONSTRAINT "anonymous_comment_like_comment_id_anonymous_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."anonymous_comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_comment_like" ADD CONSTRAINT "anonymous_comment_like_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_post" ADD CONSTRAINT "anonymous_post_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_post_like" ADD CONSTRAINT "anonymous_post_like_post_id_anonymous_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."anonymous_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymous_post_like" ADD CONSTRAINT "anonymous_post_like_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_created_by_User_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_memberships" ADD CONSTRAINT "community_memberships_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_memberships" ADD CONSTRAINT "community_memberships_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection" ADD CONSTRAINT "connection_sender_id_User_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection" ADD CONSTRAINT "connection_receiver_id_User_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_interviews" ADD CONSTRAINT "daily_interviews_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_usage" ADD CONSTRAINT "feature_usage_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_progress" ADD CONSTRAINT "interview_progress_dailyInterviewId_daily_interviews_id_fk" FOREIGN KEY ("dailyInterviewId") REFERENCES "public"."daily_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_progress" ADD CONSTRAINT "interview_progress_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_rounds" ADD CONSTRAINT "interview_rounds_applicationId_job_applications_id_fk" FOREIGN KEY ("applicationId") REFERENCES "public"."job_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_posted_by_user_id_User_id_fk" FOREIGN KEY ("posted_by_user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_related_user_id_User_id_fk" FOREIGN KEY ("related_user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_related_connection_id_connection_id_fk" FOREIGN KEY ("related_connection_id") REFERENCES "public"."connection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_views" ADD CONSTRAINT "page_views_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_views" ADD CONSTRAINT "page_views_session_id_user_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."user_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "part_time_jobs" ADD CONSTRAINT "part_time_jobs_posted_by_user_id_User_id_fk" FOREIGN KEY ("posted_by_user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remote_jobs" ADD CONSTRAINT "remote_jobs_posted_by_user_id_User_id_fk" FOREIGN KEY ("posted_by_user_id") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_attempts" ADD CONSTRAINT "skill_attempts_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_attempts" ADD CONSTRAINT "skill_attempts_skillId_skills_id_fk" FOREIGN KEY ("skillId") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_questions" ADD CONSTRAINT "skill_questions_skillId_skills_id_fk" FOREIGN KEY ("skillId") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_logs" ADD CONSTRAINT "user_activity_logs_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_calendar_blocks" ADD CONSTRAINT "user_calendar_blocks_userId_User_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_messages" ADD CONSTRAINT "user_messages_sender_id_User_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_messages" ADD CONSTRAINT "user_messages_receiver_id_User_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_User_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."User"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "Chat_userId_createdAt_idx" ON "Chat" USING btree ("userId","createdAt","id");--> statement-breakpoint
CREATE INDEX "Document_userId_idx" ON "Document" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "Message_v2_chatId_createdAt_idx" ON "Message_v2" USING btree ("chatId","createdAt","id");--> statement-breakpoint
CREATE UNIQUE INDEX "User_email_unique" ON "User" USING btree ("email");--> statement-breakpoint
CREATE INDEX "anonymous_comment_post_idx" ON "anonymous_comment" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymous_comment_like_comment_user_unique" ON "anonymous_comment_like" USING btree ("comment_id","user_id");--> statement-breakpoint
CREATE INDEX "anonymous_post_created_idx" ON "anonymous_post" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymous_post_like_post_user_unique" ON "anonymous_post_like" USING btree ("post_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_card_id_email_unique" ON "archive_card" USING btree ("id","email");--> statement-breakpoint
CREATE INDEX "community_memberships_community_idx" ON "community_memberships" USING btree ("community_id","status");--> statement-breakpoint
CREATE INDEX "community_memberships_user_idx" ON "community_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_posts_community_created_idx" ON "community_posts" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "connection_sender_receiver_unique" ON "connection" USING btree ("sender_id","receiver_id");--> statement-breakpoint
CREATE INDEX "connection_receiver_idx" ON "connection" USING btree ("receiver_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_interviews_user_date_unique" ON "daily_interviews" USING btree ("userId","interviewDate");--> statement-breakpoint
CREATE INDEX "daily_interviews_userId_idx" ON "daily_interviews" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "daily_interviews_interviewDate_idx" ON "daily_interviews" USING btree ("interviewDate");--> statement-breakpoint
CREATE INDEX "daily_interviews_isCompleted_idx" ON "daily_interviews" USING btree ("isCompleted");--> statement-breakpoint
CREATE UNIQUE INDEX "interview_progress_interview_question_unique" ON "interview_progress" USING btree ("dailyInterviewId","questionId");--> statement-breakpoint
CREATE INDEX "interview_progress_dailyInterviewId_idx" ON "interview_progress" USING btree ("dailyInterviewId");--> statement-breakpoint
CREATE INDEX "interview_progress_userId_idx" ON "interview_progress" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "interview_rounds_applicationId_idx" ON "interview_rounds" USING btree ("applicationId");--> statement-breakpoint
CREATE INDEX "interview_rounds_status_idx" ON "interview_rounds" USING btree ("status");--> statement-breakpoint
CREATE INDEX "job_applications_jobId_idx" ON "job_applications" USING btree ("jobId","createdAt");--> statement-breakpoint
CREATE INDEX "job_applications_email_idx" ON "job_applications" USING btree ("email","createdAt");--> statement-breakpoint
CREATE INDEX "jobs_created_idx" ON "jobs" USING btree ("created_at","job_id");--> statement-breakpoint
CREATE INDEX "jobs_poster_idx" ON "jobs" USING btree ("posted_by_user_id");--> statement-breakpoint
CREATE INDEX "notification_user_created_idx" ON "notification" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "page_views_created_idx" ON "page_views" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "part_time_jobs_created_idx" ON "part_time_jobs" USING btree ("created_at","job_id");--> statement-breakpoint
CREATE INDEX "part_time_jobs_poster_idx" ON "part_time_jobs" USING btree ("posted_by_user_id");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "remote_jobs_created_idx" ON "remote_jobs" USING btree ("created_at","job_id");--> statement-breakpoint
CREATE INDEX "remote_jobs_poster_idx" ON "remote_jobs" USING btree ("posted_by_user_id");--> statement-breakpoint
CREATE INDEX "skill_attempts_user_skill_idx" ON "skill_attempts" USING btree ("userId","skillId");--> statement-breakpoint
CREATE INDEX "skill_questions_skillId_idx" ON "skill_questions" USING btree ("skillId");--> statement-breakpoint
CREATE INDEX "user_activity_logs_user_created_idx" ON "user_activity_logs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_calendar_blocks_slot_unique" ON "user_calendar_blocks" USING btree ("userId","weekStartDate","dayOfWeek","startTime","endTime");--> statement-breakpoint
CREATE INDEX "user_calendar_blocks_user_week_idx" ON "user_calendar_blocks" USING btree ("userId","weekStartDate");--> statement-breakpoint
CREATE INDEX "user_messages_sender_receiver_idx" ON "user_messages" USING btree ("sender_id","receiver_id");--> statement-breakpoint
CREATE INDEX "user_messages_receiver_sender_idx" ON "user_messages" USING btree ("receiver_id","sender_id");--> statement-breakpoint
CREATE INDEX "user_messages_created_at_idx" ON "user_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id","is_active");