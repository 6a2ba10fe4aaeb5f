/** The pg tables, as drizzle-kit reads them (one named export per table); the definition is in schema.ts. */
import { defineSchema } from "./schema";
import { pgKit } from "./kit";

export const schema = defineSchema(pgKit);
export const { User, Chat, Message_v2, Message, Vote_v2, Vote, Document, Suggestion, connection, notification, user_messages, password_reset_tokens, anonymous_post, anonymous_comment, anonymous_post_like, anonymous_comment_like, skills, skill_questions, skill_attempts, job_applications, interview_rounds, jobs, remote_jobs, part_time_jobs, communities, community_memberships, community_posts, user_activity_logs, user_sessions, page_views, feature_usage, activity_categories, activity_types, daily_activity_summaries, uploads, user_calendar_blocks, daily_interviews, interview_progress, archive_card, premuser, apiuser, rate_limit_buckets, member_settings, job_postings, job_applicants, saved_jobs, meetings, notification_links, community_moderators, community_bans, community_decisions, community_events, community_event_subscriptions, community_stats, anonymous_reports, anonymous_post_removals, anonymous_comment_removals, anonymous_like_notices } = schema;
