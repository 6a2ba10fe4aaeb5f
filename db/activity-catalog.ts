/**
 * Every activity category and type Ladder records (issue 20, decision 050). One list for the app
 * (track() in app/modules/analytics/track.server.ts), the admin's tracking page, the demo seed and
 * the test databases; the tables activity_categories and activity_types hold it so an admin can
 * switch a type's is_tracked off. Lives in db/ because the seeds use it (db/ never imports app/).
 *
 * A type counts under one feature_usage feature_name (its `feature`) with action = the type's
 * name. Security-relevant types also go to user_activity_logs and are always recorded: an audit
 * trail that an admin could switch off would not be one (and referral counts read referral_sign_up).
 */
import type { Ctx } from "./client";

export const ACTIVITY_CATEGORIES = [
  { name: "auth", description: "Signing up, in and out, passwords and sessions" },
  { name: "profile", description: "Profile changes" },
  { name: "growth", description: "Members who joined through a referral" },
  { name: "admin", description: "What administrators change" },
  { name: "network", description: "Connection requests" },
  { name: "messages", description: "Direct messages" },
  { name: "coach", description: "The AI career coach" },
  { name: "documents", description: "CVs, cover letters and other documents" },
  { name: "jobs", description: "Job posts and applications" },
  { name: "hiring", description: "Recruiters' pipeline, candidates and archive" },
  { name: "communities", description: "Communities, their members and posts" },
  { name: "feed", description: "The anonymous feed" },
  { name: "skills", description: "Skill tests and the skills bank" },
  { name: "interviews", description: "Daily mock interviews" },
] as const;

export type ActivityCategoryName = (typeof ACTIVITY_CATEGORIES)[number]["name"];

export interface ActivityTypeEntry {
  name: string;
  category: ActivityCategoryName;
  description: string;
  /** The feature_usage feature_name this type counts under. */
  feature: string;
  /** Also written to user_activity_logs (with ip, user agent and session); always recorded. */
  security: boolean;
  /**
   * The anonymous feed's promise (decision 043): recorded at 00:00 UTC of its day with no
   * metadata, so no time or id in feature_usage can be matched to an anonymous post or comment.
   */
  dayOnly: boolean;
}

const type = (name: string, category: ActivityCategoryName, feature: string, description: string, security = false) =>
  ({ name, category, feature, description, security, dayOnly: category === "feed" }) as const;

export const ACTIVITY_TYPES = [
  type("sign_up", "auth", "account", "Created an account", true),
  type("sign_in", "auth", "account", "Signed in with a password", true),
  type("google_sign_in", "auth", "account", "Signed in with Google", true),
  type("sign_in_failed", "auth", "account", "A wrong password for an existing account", true),
  type("sign_out", "auth", "account", "Signed out", true),
  type("password_reset_requested", "auth", "account", "Asked for a password reset link", true),
  type("password_reset", "auth", "account", "Set a new password from a reset link", true),
  type("password_changed", "auth", "account", "Changed the password", true),
  type("sessions_ended", "auth", "account", "Signed out other devices", true),
  type("profile_updated", "profile", "profile", "Edited the profile, photo or linked Google", true),
  type("referral_sign_up", "growth", "referrals", "Someone signed up with the member's referral code", true),
  type("role_changed", "admin", "admin", "An administrator changed the member's role", true),
  type("connection_requested", "network", "network", "Asked someone to connect"),
  type("connection_accepted", "network", "network", "Accepted a connection request"),
  type("message_sent", "messages", "messages", "Sent a direct message"),
  type("coach_message", "coach", "coach", "Asked the AI career coach"),
  type("document_saved", "documents", "documents", "Created a document or saved a new version"),
  type("job_posted", "jobs", "job_posting", "Posted a job"),
  type("job_approved", "jobs", "job_posting", "Staff approved a job post"),
  type("application_sent", "jobs", "applications", "Applied to a job"),
  type("application_status_changed", "hiring", "hiring", "A recruiter moved an application"),
  type("candidates_viewed", "hiring", "candidates", "A recruiter opened a job's ranked candidates"),
  type("candidate_archived", "hiring", "archive", "A recruiter saved a candidate to the archive"),
  type("archive_card_deleted", "hiring", "archive", "A recruiter deleted an archive card"),
  type("archive_exported", "hiring", "archive", "A recruiter exported the archive"),
  type("community_joined", "communities", "communities", "Joined a community or asked to"),
  type("community_join_approved", "communities", "communities", "A moderator approved a join request"),
  type("community_post_written", "communities", "communities", "Wrote a community post"),
  type("feed_post_written", "feed", "anonymous_feed", "Wrote an anonymous post"),
  type("feed_comment_written", "feed", "anonymous_feed", "Commented on an anonymous post"),
  type("feed_post_liked", "feed", "anonymous_feed", "Liked an anonymous post"),
  type("feed_comment_liked", "feed", "anonymous_feed", "Liked a comment on the anonymous feed"),
  type("skill_test_started", "skills", "skills", "Started a skill test"),
  type("skill_attempt", "skills", "skills", "Finished a skill test (graded)"),
  type("candidate_settings_saved", "skills", "candidates", "Changed who may find them as a candidate"),
  type("bank_skill_added", "skills", "skills_bank", "Staff added a skill to the bank"),
  type("bank_skill_edited", "skills", "skills_bank", "Staff edited a skill"),
  type("bank_skill_retired", "skills", "skills_bank", "Staff retired a skill"),
  type("bank_skill_restored", "skills", "skills_bank", "Staff restored a skill"),
  type("bank_question_added", "skills", "skills_bank", "Staff added a question"),
  type("bank_question_edited", "skills", "skills_bank", "Staff edited a question"),
  type("bank_question_retired", "skills", "skills_bank", "Staff retired a question"),
  type("bank_question_restored", "skills", "skills_bank", "Staff restored a question"),
  type("bank_questions_imported", "skills", "skills_bank", "Staff imported questions from a file"),
  type("interview_started", "interviews", "interviews", "Started the daily mock interview"),
  type("interview_answered", "interviews", "interviews", "Answered a mock interview question"),
  type("interview_completed", "interviews", "interviews", "Completed the daily mock interview"),
] as const satisfies readonly ActivityTypeEntry[];

export type ActivityTypeName = (typeof ACTIVITY_TYPES)[number]["name"];

const byName = new Map<string, ActivityTypeEntry>(ACTIVITY_TYPES.map((entry) => [entry.name, entry]));

/** The catalog's entry for a type name, or undefined for a name the code does not record. */
export function activityType(name: string): ActivityTypeEntry | undefined {
  return byName.get(name);
}

/**
 * Inserts the categories and types that are missing, by name; never changes an existing row
 * (an admin's is_tracked stays). Runs at start after the migrations and in the test templates.
 * Returns how many rows were new.
 */
export async function ensureActivityCatalog(ctx: Ctx): Promise<{ categories: number; types: number }> {
  const { activity_categories: categories, activity_types: types } = ctx.t;
  const newCategories = await ctx.db
    .insert(categories)
    .values(ACTIVITY_CATEGORIES.map(({ name, description }) => ({ name, description })))
    .onConflictDoNothing({ target: categories.name })
    .returning({ id: categories.id });
  const ids = new Map(
    (await ctx.db.select({ id: categories.id, name: categories.name }).from(categories)).map((row) => [row.name, row.id]),
  );
  const newTypes = await ctx.db
    .insert(types)
    .values(ACTIVITY_TYPES.map((entry) => ({ name: entry.name, description: entry.description, category_id: ids.get(entry.category) ?? null })))
    .onConflictDoNothing({ target: types.name })
    .returning({ id: types.id });
  return { categories: newCategories.length, types: newTypes.length };
}

/** Names that fit their columns (activity_categories.name 30, activity_types.name and feature_usage's columns 50). */
export const CATALOG_LIMITS = { category: 30, type: 50, feature: 50 } as const;
