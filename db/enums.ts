/** The spec's enum-like values, shared by the schema (CHECK constraints) and zod. */
export const userRoles = ["user", "recruiter", "career_team", "moderator", "admin"] as const;
export const chatVisibilities = ["public", "private"] as const;
export const messageRoles = ["user", "assistant", "system"] as const;
export const documentKinds = ["text", "code", "image", "sheet"] as const;
export const connectionStatuses = ["pending", "accepted", "rejected"] as const;
export const notificationTypes = ["connection_request", "connection_accepted", "connection_rejected"] as const;
export const postTopics = ["company_culture", "workplace_issues", "career_advice", "general"] as const;
/** Extension (issue 17): why a member reports a feed post or comment, and where the report stands. */
export const feedReportReasons = ["spam", "harassment", "hate", "personal_information", "false_information", "other"] as const;
export const feedReportStatuses = ["open", "dismissed", "hidden"] as const;
export const applicationStatuses = [
  "pending",
  "reviewing",
  "shortlisted",
  "interviewing",
  "offered",
  "hired",
  "rejected",
] as const;
export const roundTypes = ["phone_screening", "job_assessment", "hr", "final"] as const;
export const roundStatuses = ["scheduled", "completed", "cancelled", "rescheduled"] as const;
export const jobPosters = ["alumni", "career_team", "external"] as const;
export const membershipStatuses = ["pending", "approved"] as const;
export const communityPostTypes = ["event", "update"] as const;
export const uploadFileTypes = ["cv", "cover-letter"] as const;

export type UserRole = (typeof userRoles)[number];

/** Questions in one drawn skill test (issue 18); app/modules/skills/rules.ts re-exports it. */
export const skillTestQuestions = 10;
