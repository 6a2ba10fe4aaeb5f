/**
 * The data model of shared/spec/data-model.md, written once for both dialects.
 * Table and column names are the spec's, mixed naming included.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Kit } from "./kit";
import * as E from "./enums";

/** CHECK (col IN (...)), NULL allowed where the column allows it. */
function inList(column: unknown, values: readonly string[]): SQL {
  const list = sql.join(
    values.map((v) => sql.raw(`'${v.replace(/'/g, "''")}'`)),
    sql.raw(", "),
  );
  return sql`${column} in (${list})`;
}

/** Tables that hold no domain data of the spec (counters, queues): seeders leave them empty. */
export const INFRASTRUCTURE_TABLES: readonly string[] = ["rate_limit_buckets"];

/**
 * Tables the spec does not name that hold member data the issues ask for (a member's time zone);
 * seeders fill them like spec tables. See docs/decisions/011-member-time-zone.md.
 */
export const EXTENSION_TABLES: readonly string[] = [
  "member_settings",
  "job_postings",
  "job_applicants",
  "saved_jobs",
  "meetings",
  "notification_links",
  "community_moderators",
  "community_bans",
  "community_decisions",
  "community_events",
  "community_event_subscriptions",
  "community_stats",
  "anonymous_reports",
  "anonymous_post_removals",
  "anonymous_comment_removals",
  "anonymous_like_notices",
  "skill_details",
  "skill_question_details",
  "skill_draws",
  "skill_bests",
  "verified_skill_hidden",
  "candidate_settings",
  "archive_card_owners",
  "interview_plans",
  "interview_skips",
  "interview_feedback",
  "analytics_daily_counts",
  "sign_up_confirmations",
];

export function defineSchema(k: Kit) {
  // 1. User
  const User = k.table(
    "User",
    {
      id: k.uuidPk(),
      email: k.varchar("email", { length: 64 }).notNull(),
      password: k.varchar("password", { length: 255 }),
      name: k.text("name"),
      linkedinInfo: k.text("linkedinInfo"),
      goals: k.text("goals"),
      profilemetrics: k.text("profilemetrics"),
      strengths: k.text("strengths"),
      interests: k.text("interests"),
      linkedinURL: k.text("linkedinURL"),
      FacebookURL: k.text("FacebookURL"),
      phone: k.text("phone"),
      referral_code: k.text("referral_code"),
      googleId: k.varchar("googleId", { length: 255 }),
      avatarUrl: k.text("avatarUrl"),
      provider: k.varchar("provider", { length: 50 }),
      anonymous_username: k.varchar("anonymous_username", { length: 50 }),
      anonymous_avatar: k.varchar("anonymous_avatar", { length: 255 }),
      flaggedChatExpiresAt: k.timestamp("flaggedChatExpiresAt"),
      createdAt: k.timestamp("createdAt"),
      dailyMessageCount: k.integer("dailyMessageCount").default(0),
      lastMessageResetDate: k.timestamp("lastMessageResetDate"),
      lastInterviewDate: k.timestamp("lastInterviewDate"),
      interviewCount: k.integer("interviewCount").default(0),
      headline: k.text("headline"),
      education: k.jsonb<EducationEntry[]>("education"),
      experience: k.jsonb<ExperienceEntry[]>("experience"),
      professional_skills: k.jsonb<string[]>("professional_skills"),
      certifications: k.jsonb<CertificationEntry[]>("certifications"),
      role: k.varchar("role", { length: 50, enum: E.userRoles }).default("user"),
    },
    (t) => [
      // The spec calls email the user's unique identifier.
      k.uniqueIndex("User_email_unique").on(t.email),
      // The anonymous feed shows this name instead of the member's: two members must never share it.
      k.uniqueIndex("User_anonymous_username_unique").on(t.anonymous_username),
      k.uniqueIndex("User_referral_code_unique").on(t.referral_code),
      k.index("User_createdAt_idx").on(t.createdAt, t.id),
      k.check("User_role_check", inList(t.role, E.userRoles)),
    ],
  );

  // 2. Chat
  const Chat = k.table(
    "Chat",
    {
      id: k.uuidPk(),
      createdAt: k.timestamp("createdAt").notNull(),
      title: k.text("title").notNull(),
      userId: k.uuid("userId").notNull().references(() => User.id),
      visibility: k.varchar("visibility", { enum: E.chatVisibilities }).default("private"),
    },
    (t) => [
      k.index("Chat_userId_createdAt_idx").on(t.userId, t.createdAt, t.id),
      k.check("Chat_visibility_check", inList(t.visibility, E.chatVisibilities)),
    ],
  );

  // 3a. Message_v2 (active)
  const Message_v2 = k.table(
    "Message_v2",
    {
      id: k.uuidPk(),
      chatId: k.uuid("chatId").notNull().references(() => Chat.id),
      role: k.varchar("role").notNull(),
      parts: k.json<MessagePart[]>("parts").notNull(),
      attachments: k.json<MessageAttachment[]>("attachments").notNull(),
      createdAt: k.timestamp("createdAt").notNull(),
    },
    (t) => [k.index("Message_v2_chatId_createdAt_idx").on(t.chatId, t.createdAt, t.id)],
  );

  // 3b. Message (deprecated)
  const Message = k.table("Message", {
    id: k.uuidPk(),
    chatId: k.uuid("chatId").notNull().references(() => Chat.id),
    role: k.varchar("role").notNull(),
    content: k.json<unknown>("content").notNull(),
    createdAt: k.timestamp("createdAt").notNull(),
  });

  // 4a. Vote_v2 (active)
  const Vote_v2 = k.table(
    "Vote_v2",
    {
      chatId: k.uuid("chatId").notNull().references(() => Chat.id),
      messageId: k.uuid("messageId").notNull().references(() => Message_v2.id),
      isUpvoted: k.boolean("isUpvoted").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.chatId, t.messageId] })],
  );

  // 4b. Vote (deprecated)
  const Vote = k.table(
    "Vote",
    {
      chatId: k.uuid("chatId").notNull().references(() => Chat.id),
      messageId: k.uuid("messageId").notNull().references(() => Message.id),
      isUpvoted: k.boolean("isUpvoted").notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.chatId, t.messageId] })],
  );

  // 5. Document: every save is a new row; the key is (id, createdAt)
  const Document = k.table(
    "Document",
    {
      id: k.uuidGenerated("id").notNull(),
      createdAt: k.timestamp("createdAt").notNull(),
      title: k.text("title").notNull(),
      content: k.text("content"),
      kind: k.varchar("kind", { enum: E.documentKinds }).default("text"),
      userId: k.uuid("userId").notNull().references(() => User.id),
    },
    (t) => [
      k.primaryKey({ columns: [t.id, t.createdAt] }),
      k.index("Document_userId_idx").on(t.userId),
      k.check("Document_kind_check", inList(t.kind, E.documentKinds)),
    ],
  );

  // 6. Suggestion -> Document (composite foreign key)
  const Suggestion = k.table(
    "Suggestion",
    {
      id: k.uuidPk(),
      documentId: k.uuid("documentId").notNull(),
      documentCreatedAt: k.timestamp("documentCreatedAt").notNull(),
      originalText: k.text("originalText").notNull(),
      suggestedText: k.text("suggestedText").notNull(),
      description: k.text("description"),
      isResolved: k.boolean("isResolved").default(false),
      userId: k.uuid("userId").notNull().references(() => User.id),
      createdAt: k.timestamp("createdAt").notNull(),
    },
    (t) => [
      k
        .foreignKey({
          // A short name: PostgreSQL truncates identifiers longer than 63 bytes.
          name: "Suggestion_document_version_fk",
          columns: [t.documentId, t.documentCreatedAt],
          foreignColumns: [Document.id, Document.createdAt],
        }),
    ],
  );

  // 7. connection
  const connection = k.table(
    "connection",
    {
      id: k.uuidPk(),
      sender_id: k.uuid("sender_id").notNull().references(() => User.id),
      receiver_id: k.uuid("receiver_id").notNull().references(() => User.id),
      status: k.varchar("status", { enum: E.connectionStatuses }).default("pending"),
      message: k.text("message"),
      created_at: k.createdNow("created_at"),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [
      k.uniqueIndex("connection_sender_receiver_unique").on(t.sender_id, t.receiver_id),
      k.index("connection_receiver_idx").on(t.receiver_id, t.status),
      // Issue 20: the daily summary counts a day by this column (decision 048).
      k.index("connection_status_updated_idx").on(t.status, t.updated_at),
      k.check("connection_status_check", inList(t.status, E.connectionStatuses)),
      k.check("connection_not_self_check", sql`${t.sender_id} <> ${t.receiver_id}`),
    ],
  );

  // 8. notification
  const notification = k.table(
    "notification",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      type: k.varchar("type", { enum: E.notificationTypes }),
      title: k.text("title").notNull(),
      message: k.text("message").notNull(),
      related_user_id: k.uuid("related_user_id").references(() => User.id),
      related_connection_id: k.uuid("related_connection_id").references(() => connection.id),
      is_read: k.boolean("is_read").default(false),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.index("notification_user_created_idx").on(t.user_id, t.created_at, t.id),
      k.check("notification_type_check", inList(t.type, E.notificationTypes)),
    ],
  );

  // 9. user_messages
  const user_messages = k.table(
    "user_messages",
    {
      id: k.uuidPk(),
      sender_id: k.uuid("sender_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      receiver_id: k.uuid("receiver_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      message: k.text("message").notNull(),
      is_read: k.boolean("is_read").default(false),
      created_at: k.createdNow("created_at"),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [
      k.index("user_messages_sender_receiver_idx").on(t.sender_id, t.receiver_id),
      k.index("user_messages_receiver_sender_idx").on(t.receiver_id, t.sender_id),
      k.index("user_messages_created_at_idx").on(t.created_at),
      // Not in the spec: a conversation is read newest first, a page at a time, from each
      // direction; these let both halves come straight off an index in order (no sort of the pair).
      k.index("user_messages_pair_time_idx").on(t.sender_id, t.receiver_id, t.created_at, t.id),
      k.index("user_messages_reverse_pair_time_idx").on(t.receiver_id, t.sender_id, t.created_at, t.id),
    ],
  );

  // 10. password_reset_tokens
  const password_reset_tokens = k.table(
    "password_reset_tokens",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      token: k.varchar("token", { length: 255 }).notNull(),
      expires_at: k.timestamp("expires_at").notNull(),
      created_at: k.createdNow("created_at"),
    },
    (t) => [k.index("password_reset_tokens_user_idx").on(t.user_id)],
  );

  // 11. anonymous_post
  const anonymous_post = k.table(
    "anonymous_post",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      content: k.text("content").notNull(),
      image_url: k.text("image_url"),
      is_anonymous: k.boolean("is_anonymous").default(true),
      company_name: k.text("company_name"),
      industry: k.text("industry"),
      topic: k.varchar("topic", { enum: E.postTopics }).default("general"),
      likes_count: k.integer("likes_count").default(0),
      comments_count: k.integer("comments_count").default(0),
      created_at: k.createdNow("created_at"),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [
      k.index("anonymous_post_created_idx").on(t.created_at, t.id),
      // Issue 17: the feed and its filters page through these (keyset, never OFFSET); company and
      // industry match whatever their case. "Top this week" reads the week from created_at.
      k.index("anonymous_post_topic_created_idx").on(t.topic, t.created_at, t.id),
      k.index("anonymous_post_company_created_idx").on(sql`lower(${t.company_name})`, t.created_at, t.id),
      k.index("anonymous_post_industry_created_idx").on(sql`lower(${t.industry})`, t.created_at, t.id),
      k.index("anonymous_post_user_idx").on(t.user_id, t.created_at, t.id),
      k.check("anonymous_post_topic_check", inList(t.topic, E.postTopics)),
    ],
  );

  // 12. anonymous_comment
  const anonymous_comment = k.table(
    "anonymous_comment",
    {
      id: k.uuidPk(),
      post_id: k.uuid("post_id").notNull().references(() => anonymous_post.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      content: k.text("content").notNull(),
      is_anonymous: k.boolean("is_anonymous").default(true),
      likes_count: k.integer("likes_count").default(0),
      created_at: k.createdNow("created_at"),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [
      // Issue 17: comments oldest first, keyset on (created_at, id) within a post.
      k.index("anonymous_comment_post_created_idx").on(t.post_id, t.created_at, t.id),
      k.index("anonymous_comment_user_idx").on(t.user_id),
    ],
  );

  // 13. anonymous_post_like
  const anonymous_post_like = k.table(
    "anonymous_post_like",
    {
      id: k.uuidPk(),
      post_id: k.uuid("post_id").notNull().references(() => anonymous_post.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("anonymous_post_like_post_user_unique").on(t.post_id, t.user_id),
      k.index("anonymous_post_like_user_idx").on(t.user_id),
    ],
  );

  // 14. anonymous_comment_like
  const anonymous_comment_like = k.table(
    "anonymous_comment_like",
    {
      id: k.uuidPk(),
      comment_id: k
        .uuid("comment_id")
        .notNull()
        .references(() => anonymous_comment.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("anonymous_comment_like_comment_user_unique").on(t.comment_id, t.user_id),
      k.index("anonymous_comment_like_user_idx").on(t.user_id),
    ],
  );

  // Extension, not in the spec (issue 17, docs/decisions/043-anonymous-feed.md): a member's report
  // of one feed post or one comment. A member reports a thing once; a moderator hides it or
  // dismisses the report. Reporter and decider are never shown next to the author.
  const anonymous_reports = k.table(
    "anonymous_reports",
    {
      id: k.uuidPk(),
      post_id: k.uuid("post_id").references(() => anonymous_post.id, { onDelete: "cascade" }),
      comment_id: k.uuid("comment_id").references(() => anonymous_comment.id, { onDelete: "cascade" }),
      reporter_id: k.uuid("reporter_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      reason: k.varchar("reason", { length: 32 }).notNull(),
      details: k.varchar("details", { length: 500 }),
      status: k.varchar("status", { length: 16 }).notNull().default("open"),
      decided_by: k.uuid("decided_by").references(() => User.id, { onDelete: "set null" }),
      decided_at: k.timestamp("decided_at"),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("anonymous_reports_post_reporter_unique").on(t.post_id, t.reporter_id),
      k.uniqueIndex("anonymous_reports_comment_reporter_unique").on(t.comment_id, t.reporter_id),
      k.index("anonymous_reports_queue_idx").on(t.status, t.created_at, t.id),
      k.index("anonymous_reports_comment_idx").on(t.comment_id),
      k.index("anonymous_reports_reporter_idx").on(t.reporter_id),
      k.check("anonymous_reports_one_target_check", sql`(${t.post_id} is null) <> (${t.comment_id} is null)`),
      k.check("anonymous_reports_reason_check", inList(t.reason, E.feedReportReasons)),
      k.check("anonymous_reports_status_check", inList(t.status, E.feedReportStatuses)),
    ],
  );

  // Extension (issue 17): a post or comment a moderator hid. The row stays (so its counters stay
  // equal to their rows); readers see "removed by a moderator" in its place.
  const anonymous_post_removals = k.table("anonymous_post_removals", {
    post_id: k
      .uuid("post_id")
      .primaryKey()
      .references(() => anonymous_post.id, { onDelete: "cascade" }),
    removed_by: k.uuid("removed_by").references(() => User.id, { onDelete: "set null" }),
    removed_at: k.createdNow("removed_at"),
  });

  const anonymous_comment_removals = k.table("anonymous_comment_removals", {
    comment_id: k
      .uuid("comment_id")
      .primaryKey()
      .references(() => anonymous_comment.id, { onDelete: "cascade" }),
    removed_by: k.uuid("removed_by").references(() => User.id, { onDelete: "set null" }),
    removed_at: k.createdNow("removed_at"),
  });

  // Extension (issue 17): the one unread "N people liked your post" notification of a post, so
  // likes are told as a group; a like after the author read it starts a new one.
  const anonymous_like_notices = k.table("anonymous_like_notices", {
    post_id: k
      .uuid("post_id")
      .primaryKey()
      .references(() => anonymous_post.id, { onDelete: "cascade" }),
    notification_id: k
      .uuid("notification_id")
      .notNull()
      .references(() => notification.id, { onDelete: "cascade" }),
  });

  // 15-17. skills
  const skills = k.table("skills", {
    id: k.serialPk(),
    name: k.varchar("name", { length: 255 }).notNull(),
  });

  const skill_questions = k.table(
    "skill_questions",
    {
      id: k.serialPk(),
      skillId: k.integer("skillId").notNull().references(() => skills.id),
      question: k.text("question").notNull(),
      options: k.json<string[]>("options").notNull(),
      correctIndex: k.integer("correctIndex").notNull(),
    },
    (t) => [
      k.index("skill_questions_skillId_idx").on(t.skillId),
      k.check("skill_questions_correctIndex_check", sql`${t.correctIndex} between 0 and 3`),
    ],
  );

  const skill_attempts = k.table(
    "skill_attempts",
    {
      id: k.serialPk(),
      userId: k.uuid("userId").notNull().references(() => User.id),
      skillId: k.integer("skillId").notNull().references(() => skills.id),
      score: k.integer("score").notNull(),
      total: k.integer("total").notNull(),
      selectedAnswers: k.json<number[]>("selectedAnswers").notNull(),
      createdAt: k.createdNow("createdAt"),
    },
    (t) => [
      k.index("skill_attempts_user_skill_idx").on(t.userId, t.skillId),
      // Issue 20: the daily summary counts a day by this column (decision 048).
      k.index("skill_attempts_created_idx").on(t.createdAt),
    ],
  );

  // Extension (issue 18, docs/decisions/045-skills.md): what the spec's skills row has no room
  // for: a description and retirement (a retired skill takes no new tests; its attempts stay).
  const skill_details = k.table("skill_details", {
    skill_id: k
      .integer("skill_id")
      .primaryKey()
      .references(() => skills.id, { onDelete: "cascade" }),
    description: k.text("description").notNull().default(""),
    retired_at: k.timestamp("retired_at"),
    updated_at: k.createdNow("updated_at"),
  });

  // Extension (issue 18): a question's explanation (shown on the result page) and retirement
  // (a retired question is never drawn again; past attempts keep the words they showed).
  const skill_question_details = k.table("skill_question_details", {
    question_id: k
      .integer("question_id")
      .primaryKey()
      .references(() => skill_questions.id, { onDelete: "cascade" }),
    explanation: k.text("explanation").notNull().default(""),
    retired_at: k.timestamp("retired_at"),
    updated_at: k.createdNow("updated_at"),
  });

  // Extension (issue 18): one drawn test. The server stores the questions it drew, each as the
  // member saw it (text, the stored options, the right index, the explanation, the shuffled
  // display order), so a submit can only answer this draw, once (attempt_id is set in the grading
  // transaction), and the result page reads what was shown even after the bank is edited.
  const skill_draws = k.table(
    "skill_draws",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      skill_id: k.integer("skill_id").notNull().references(() => skills.id, { onDelete: "cascade" }),
      questions: k.json<DrawnQuestion[]>("questions").notNull(),
      attempt_id: k.integer("attempt_id").references(() => skill_attempts.id, { onDelete: "cascade" }),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("skill_draws_attempt_unique").on(t.attempt_id),
      k.index("skill_draws_user_idx").on(t.user_id, t.skill_id, t.created_at),
    ],
  );

  // Extension (issue 18): the best score per member and skill, the number of attempts and the
  // last one, computed from skill_attempts by the grading transaction (the spec's "calculated in
  // the application layer"), so /skills, profiles and candidate ranking read one row per skill.
  const skill_bests = k.table(
    "skill_bests",
    {
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      skill_id: k.integer("skill_id").notNull().references(() => skills.id, { onDelete: "cascade" }),
      best_score: k.integer("best_score").notNull(),
      best_total: k.integer("best_total").notNull(),
      best_attempt_id: k.integer("best_attempt_id").references(() => skill_attempts.id, { onDelete: "set null" }),
      attempts: k.integer("attempts").notNull().default(0),
      last_attempt_at: k.timestamp("last_attempt_at").notNull(),
    },
    (t) => [
      k.primaryKey({ columns: [t.user_id, t.skill_id] }),
      k.index("skill_bests_skill_idx").on(t.skill_id, t.user_id),
    ],
  );

  // Extension (issue 18): a verified skill the member chose not to show on their profile.
  const verified_skill_hidden = k.table(
    "verified_skill_hidden",
    {
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      skill_id: k.integer("skill_id").notNull().references(() => skills.id, { onDelete: "cascade" }),
    },
    (t) => [k.primaryKey({ columns: [t.user_id, t.skill_id] })],
  );

  // Extension (issue 18): "let recruiters find me" (off by default), whether recruiters may see
  // the member's phone, the city they work in, and match_terms: the member's words for matching,
  // rebuilt whenever the profile, the city or a verified skill changes (decision 045).
  const candidate_settings = k.table(
    "candidate_settings",
    {
      user_id: k.uuid("user_id").primaryKey().references(() => User.id, { onDelete: "cascade" }),
      findable: k.boolean("findable").notNull().default(false),
      share_phone: k.boolean("share_phone").notNull().default(false),
      city: k.varchar("city", { length: 100 }),
      match_terms: k.text("match_terms").notNull().default(""),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [k.index("candidate_settings_findable_idx").on(t.findable, t.user_id)],
  );

  // 18. job_applications (jobId names a row of jobs, remote_jobs or part_time_jobs)
  const job_applications = k.table(
    "job_applications",
    {
      id: k.uuidPk(),
      jobId: k.varchar("jobId", { length: 64 }).notNull(),
      name: k.text("name").notNull(),
      email: k.varchar("email", { length: 128 }).notNull(),
      coverLetter: k.text("coverLetter").notNull(),
      cvFileUrl: k.text("cvFileUrl"),
      status: k.varchar("status", { length: 50, enum: E.applicationStatuses }).default("pending"),
      feedback: k.text("feedback"),
      withdrawn: k.boolean("withdrawn").default(false),
      createdAt: k.createdNow("createdAt"),
      updatedAt: k.createdNow("updatedAt"),
    },
    (t) => [
      k.index("job_applications_jobId_idx").on(t.jobId, t.createdAt),
      k.index("job_applications_email_idx").on(t.email, t.createdAt),
      // Issue 20: the daily summary counts a day by this column (decision 048).
      k.index("job_applications_created_idx").on(t.createdAt),
      k.check("job_applications_status_check", inList(t.status, E.applicationStatuses)),
    ],
  );

  // 19. interview_rounds
  const interview_rounds = k.table(
    "interview_rounds",
    {
      id: k.uuidPk(),
      applicationId: k
        .uuid("applicationId")
        .notNull()
        .references(() => job_applications.id, { onDelete: "cascade" }),
      roundNumber: k.integer("roundNumber").notNull(),
      roundType: k.varchar("roundType", { length: 50, enum: E.roundTypes }).notNull(),
      scheduledDate: k.timestamp("scheduledDate"),
      completedDate: k.timestamp("completedDate"),
      interviewerName: k.varchar("interviewerName", { length: 255 }),
      interviewerEmail: k.varchar("interviewerEmail", { length: 255 }),
      notes: k.text("notes"),
      status: k.varchar("status", { length: 50, enum: E.roundStatuses }).default("scheduled"),
      feedback: k.text("feedback"),
      score: k.integer("score"),
      createdAt: k.createdNow("createdAt"),
      updatedAt: k.createdNow("updatedAt"),
    },
    (t) => [
      k.index("interview_rounds_applicationId_idx").on(t.applicationId),
      k.index("interview_rounds_status_idx").on(t.status),
      k.check("interview_rounds_roundType_check", inList(t.roundType, E.roundTypes)),
      k.check("interview_rounds_status_check", inList(t.status, E.roundStatuses)),
      k.check("interview_rounds_score_check", sql`${t.score} between 1 and 10`),
    ],
  );

  // 20-22. The three job feeds share one shape.
  const jobColumns = (overrides: { remote?: boolean; partTime?: boolean } = {}) => ({
    job_id: k.varchar("job_id", { length: 32 }).primaryKey(),
    job_title: k.text("job_title"),
    employer_name: k.text("employer_name"),
    employer_logo: k.text("employer_logo"),
    job_city: k.text("job_city"),
    job_state: k.text("job_state"),
    job_country: k.text("job_country"),
    job_posted_at_datetime_utc: k.timestamp("job_posted_at_datetime_utc"),
    job_apply_link: k.text("job_apply_link"),
    job_employment_type: overrides.partTime
      ? k.text("job_employment_type").default("Part-time")
      : k.text("job_employment_type"),
    job_description: k.text("job_description"),
    job_is_remote: overrides.remote
      ? k.boolean("job_is_remote").notNull().default(true)
      : k.boolean("job_is_remote"),
    job_min_salary: k.text("job_min_salary"),
    job_max_salary: k.text("job_max_salary"),
    job_salary_period: k.text("job_salary_period"),
    searchedat: k.timestamp("searchedat"),
    posted_by: k.varchar("posted_by", { length: 50, enum: E.jobPosters }),
    posted_by_user_id: k.uuid("posted_by_user_id").references(() => User.id),
    created_at: k.createdNow("created_at"),
  });
  const jobExtras = (name: string, t: { created_at: PgColumn; job_id: PgColumn; posted_by_user_id: PgColumn; posted_by: PgColumn }) => [
    k.index(`${name}_created_idx`).on(t.created_at, t.job_id),
    k.index(`${name}_poster_idx`).on(t.posted_by_user_id),
    k.check(`${name}_posted_by_check`, inList(t.posted_by, E.jobPosters)),
  ];

  const jobs = k.table("jobs", jobColumns(), (t) => jobExtras("jobs", t));
  const remote_jobs = k.table("remote_jobs", jobColumns({ remote: true }), (t) => jobExtras("remote_jobs", t));
  const part_time_jobs = k.table("part_time_jobs", jobColumns({ partTime: true }), (t) => jobExtras("part_time_jobs", t));

  // 23-25. communities
  const communities = k.table(
    "communities",
    {
      id: k.uuidPk(),
      name: k.varchar("name", { length: 255 }).notNull(),
      description: k.text("description"),
      banner_image: k.varchar("banner_image", { length: 500 }),
      created_by: k.uuid("created_by").references(() => User.id, { onDelete: "cascade" }),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      // Issue 16: names are unique whatever their case; the directory pages through this index.
      k.uniqueIndex("communities_name_lower_unique").on(sql`lower(${t.name})`),
      k.index("communities_name_lower_id_idx").on(sql`lower(${t.name})`, t.id),
      k.index("communities_created_by_idx").on(t.created_by),
    ],
  );

  const community_memberships = k.table(
    "community_memberships",
    {
      id: k.uuidPk(),
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      status: k.varchar("status", { length: 20, enum: E.membershipStatuses }).notNull(),
      joined_at: k.createdNow("joined_at"),
    },
    (t) => [
      k.index("community_memberships_community_idx").on(t.community_id, t.status),
      k.index("community_memberships_user_idx").on(t.user_id),
      // Issue 16: one membership per member and community, even when two requests race.
      k.uniqueIndex("community_memberships_member_unique").on(t.community_id, t.user_id),
      // The moderation queue: pending requests oldest first, per community and for everyone.
      k.index("community_memberships_queue_idx").on(t.community_id, t.status, t.joined_at, t.id),
      k.index("community_memberships_status_joined_idx").on(t.status, t.joined_at, t.id),
      k.check("community_memberships_status_check", inList(t.status, E.membershipStatuses)),
    ],
  );

  const community_posts = k.table(
    "community_posts",
    {
      id: k.uuidPk(),
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      content: k.text("content").notNull(),
      type: k.varchar("type", { length: 20, enum: E.communityPostTypes }).notNull(),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.index("community_posts_community_created_idx").on(t.community_id, t.created_at, t.id),
      k.check("community_posts_type_check", inList(t.type, E.communityPostTypes)),
    ],
  );

  // Extensions, not in the spec (issue 16, decision 041): who moderates one community besides
  // global moderators and admins (the creator is the first row), who may not ask to join again,
  // each decision on a request (so a second moderator reads "already approved by …" and a declined
  // member reads the reason), an event's time and place, who wants to hear of new events, and the
  // member count kept with each membership change so the directory never counts 50,000 rows.
  const community_moderators = k.table(
    "community_moderators",
    {
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      appointed_at: k.createdNow("appointed_at"),
    },
    (t) => [k.primaryKey({ columns: [t.community_id, t.user_id] }), k.index("community_moderators_user_idx").on(t.user_id)],
  );

  const community_bans = k.table(
    "community_bans",
    {
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      banned_by: k.uuid("banned_by").references(() => User.id, { onDelete: "set null" }),
      reason: k.varchar("reason", { length: 500 }),
      created_at: k.createdNow("created_at"),
    },
    (t) => [k.primaryKey({ columns: [t.community_id, t.user_id] }), k.index("community_bans_user_idx").on(t.user_id)],
  );

  const community_decisions = k.table(
    "community_decisions",
    {
      id: k.uuidPk(),
      // The membership the decision was about; a declined or removed membership row is gone.
      membership_id: k.uuid("membership_id").notNull(),
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      decision: k.varchar("decision", { length: 16 }).notNull(),
      reason: k.varchar("reason", { length: 500 }),
      decided_by: k.uuid("decided_by").references(() => User.id, { onDelete: "set null" }),
      decided_at: k.createdNow("decided_at"),
    },
    (t) => [
      // Exactly one decision per request, even when two moderators submit at once.
      k.uniqueIndex("community_decisions_request_unique")
        .on(t.membership_id)
        .where(sql`${t.decision} in ('approved', 'declined')`),
      k.index("community_decisions_member_idx").on(t.community_id, t.user_id, t.decided_at),
      k.check("community_decisions_decision_check", sql`${t.decision} in ('approved', 'declined', 'removed', 'banned')`),
    ],
  );

  const community_events = k.table(
    "community_events",
    {
      post_id: k
        .uuid("post_id")
        .primaryKey()
        .references(() => community_posts.id, { onDelete: "cascade" }),
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      starts_at: k.timestamp("starts_at").notNull(),
      ends_at: k.timestamp("ends_at"),
      place: k.varchar("place", { length: 200 }),
      online_url: k.varchar("online_url", { length: 500 }),
    },
    (t) => [
      k.index("community_events_upcoming_idx").on(t.community_id, t.starts_at, t.post_id),
      k.check("community_events_ends_after_starts_check", sql`${t.ends_at} is null or ${t.ends_at} > ${t.starts_at}`),
    ],
  );

  const community_event_subscriptions = k.table(
    "community_event_subscriptions",
    {
      community_id: k
        .uuid("community_id")
        .notNull()
        .references(() => communities.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      created_at: k.createdNow("created_at"),
    },
    (t) => [k.primaryKey({ columns: [t.community_id, t.user_id] })],
  );

  const community_stats = k.table(
    "community_stats",
    {
      community_id: k
        .uuid("community_id")
        .primaryKey()
        .references(() => communities.id, { onDelete: "cascade" }),
      members: k.integer("members").notNull().default(0),
    },
  );

  // 26-32. activity tracking
  const user_activity_logs = k.table(
    "user_activity_logs",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      action_type: k.varchar("action_type", { length: 50 }).notNull(),
      action_category: k.varchar("action_category", { length: 30 }).notNull(),
      resource_type: k.varchar("resource_type", { length: 30 }),
      resource_id: k.varchar("resource_id", { length: 100 }),
      metadata: k.json<Record<string, unknown>>("metadata"),
      ip_address: k.text("ip_address"),
      user_agent: k.text("user_agent"),
      session_id: k.varchar("session_id", { length: 100 }),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.index("user_activity_logs_user_created_idx").on(t.user_id, t.created_at),
      // Issue 20: the daily summary counts a day by this column (decision 048).
      k.index("user_activity_logs_created_idx").on(t.created_at),
    ],
  );

  const user_sessions = k.table(
    "user_sessions",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      session_token: k.varchar("session_token", { length: 255 }).notNull().unique("user_sessions_session_token_unique"),
      ip_address: k.text("ip_address"),
      user_agent: k.text("user_agent"),
      device_type: k.varchar("device_type", { length: 20 }),
      browser: k.varchar("browser", { length: 50 }),
      os: k.varchar("os", { length: 50 }),
      started_at: k.createdNow("started_at"),
      last_activity_at: k.createdNow("last_activity_at"),
      ended_at: k.timestamp("ended_at"),
      is_active: k.boolean("is_active").default(true),
    },
    (t) => [
      k.index("user_sessions_user_idx").on(t.user_id, t.is_active),
      // Issue 20: the daily summary counts sessions started, and members active, on a day (decision 048).
      k.index("user_sessions_started_idx").on(t.started_at),
      k.index("user_sessions_last_activity_idx").on(t.last_activity_at),
    ],
  );

  const page_views = k.table(
    "page_views",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").references(() => User.id, { onDelete: "cascade" }),
      session_id: k.uuid("session_id").references(() => user_sessions.id, { onDelete: "cascade" }),
      page_path: k.varchar("page_path", { length: 255 }).notNull(),
      page_title: k.varchar("page_title", { length: 255 }),
      referrer: k.varchar("referrer", { length: 500 }),
      time_on_page: k.integer("time_on_page"),
      created_at: k.createdNow("created_at"),
    },
    (t) => [k.index("page_views_created_idx").on(t.created_at), k.index("page_views_user_created_idx").on(t.user_id, t.created_at)],
  );

  const feature_usage = k.table(
    "feature_usage",
    {
      id: k.uuidPk(),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      feature_name: k.varchar("feature_name", { length: 50 }).notNull(),
      action: k.varchar("action", { length: 50 }).notNull(),
      metadata: k.json<Record<string, unknown>>("metadata"),
      created_at: k.createdNow("created_at"),
    },
    // Issue 20: the daily summary counts a day's actions; an admin reads one member's usage.
    (t) => [k.index("feature_usage_created_idx").on(t.created_at), k.index("feature_usage_user_created_idx").on(t.user_id, t.created_at)],
  );

  const activity_categories = k.table("activity_categories", {
    id: k.serialPk(),
    name: k.varchar("name", { length: 30 }).notNull().unique("activity_categories_name_unique"),
    description: k.text("description"),
    created_at: k.createdNow("created_at"),
  });

  const activity_types = k.table("activity_types", {
    id: k.serialPk(),
    category_id: k.integer("category_id").references(() => activity_categories.id),
    name: k.varchar("name", { length: 50 }).notNull().unique("activity_types_name_unique"),
    description: k.text("description"),
    is_tracked: k.boolean("is_tracked").default(true),
    created_at: k.createdNow("created_at"),
  });

  const daily_activity_summaries = k.table("daily_activity_summaries", {
    id: k.serialPk(),
    date: k.timestamp("date").notNull().unique("daily_activity_summaries_date_unique"),
    total_users_active: k.integer("total_users_active").default(0),
    total_sessions: k.integer("total_sessions").default(0),
    total_page_views: k.integer("total_page_views").default(0),
    total_actions: k.integer("total_actions").default(0),
    new_registrations: k.integer("new_registrations").default(0),
    new_connections: k.integer("new_connections").default(0),
    new_posts: k.integer("new_posts").default(0),
    new_job_applications: k.integer("new_job_applications").default(0),
    new_skill_attempts: k.integer("new_skill_attempts").default(0),
    new_community_joins: k.integer("new_community_joins").default(0),
    created_at: k.createdNow("created_at"),
    updated_at: k.createdNow("updated_at"),
  });

  // 33. uploads
  const uploads = k.table(
    "uploads",
    {
      id: k.serialPk(),
      userEmail: k.text("userEmail").notNull(),
      fileUrl: k.text("fileUrl").notNull(),
      fileType: k.text("fileType", { enum: E.uploadFileTypes }).notNull(),
      createdAt: k.createdNow("createdAt"),
    },
    (t) => [k.check("uploads_fileType_check", inList(t.fileType, E.uploadFileTypes))],
  );

  // 34-36. calendar and daily interviews
  const user_calendar_blocks = k.table(
    "user_calendar_blocks",
    {
      id: k.uuidPk(),
      userId: k.uuid("userId").notNull().references(() => User.id, { onDelete: "cascade" }),
      weekStartDate: k.timestamp("weekStartDate").notNull(),
      dayOfWeek: k.integer("dayOfWeek").notNull(),
      startTime: k.varchar("startTime", { length: 8 }).notNull(),
      endTime: k.varchar("endTime", { length: 8 }).notNull(),
      isBlocked: k.boolean("isBlocked").notNull().default(true),
      createdAt: k.createdNow("createdAt"),
      updatedAt: k.createdNow("updatedAt"),
    },
    (t) => [
      k
        .uniqueIndex("user_calendar_blocks_slot_unique")
        .on(t.userId, t.weekStartDate, t.dayOfWeek, t.startTime, t.endTime),
      k.index("user_calendar_blocks_user_week_idx").on(t.userId, t.weekStartDate),
      k.check("user_calendar_blocks_dayOfWeek_check", sql`${t.dayOfWeek} between 0 and 6`),
    ],
  );

  const daily_interviews = k.table(
    "daily_interviews",
    {
      id: k.uuidPk(),
      userId: k.uuid("userId").notNull().references(() => User.id, { onDelete: "cascade" }),
      interviewDate: k.timestamp("interviewDate").notNull(),
      category: k.varchar("category", { length: 50 }),
      completedAt: k.timestamp("completedAt"),
      isCompleted: k.boolean("isCompleted").notNull().default(false),
      createdAt: k.createdNow("createdAt"),
      updatedAt: k.createdNow("updatedAt"),
    },
    (t) => [
      k.uniqueIndex("daily_interviews_user_date_unique").on(t.userId, t.interviewDate),
      k.index("daily_interviews_userId_idx").on(t.userId),
      k.index("daily_interviews_interviewDate_idx").on(t.interviewDate),
      k.index("daily_interviews_isCompleted_idx").on(t.isCompleted),
    ],
  );

  const interview_progress = k.table(
    "interview_progress",
    {
      id: k.uuidPk(),
      dailyInterviewId: k
        .uuid("dailyInterviewId")
        .notNull()
        .references(() => daily_interviews.id, { onDelete: "cascade" }),
      userId: k.uuid("userId").notNull().references(() => User.id, { onDelete: "cascade" }),
      category: k.varchar("category", { length: 50 }).notNull(),
      questionId: k.integer("questionId").notNull(),
      question: k.text("question").notNull(),
      answer: k.text("answer").notNull(),
      aiFeedback: k.text("aiFeedback"),
      answeredAt: k.createdNow("answeredAt"),
      createdAt: k.createdNow("createdAt"),
    },
    (t) => [
      k.uniqueIndex("interview_progress_interview_question_unique").on(t.dailyInterviewId, t.questionId),
      k.index("interview_progress_dailyInterviewId_idx").on(t.dailyInterviewId),
      k.index("interview_progress_userId_idx").on(t.userId),
    ],
  );

  // Extension (issue 19, decision 046): the questions chosen for one day's interview, in the order
  // asked (ids from the banks in code), and the language they were asked in.
  const interview_plans = k.table("interview_plans", {
    daily_interview_id: k
      .uuid("daily_interview_id")
      .primaryKey()
      .references(() => daily_interviews.id, { onDelete: "cascade" }),
    question_ids: k.json<number[]>("question_ids").notNull(),
    language: k.varchar("language", { length: 8 }).notNull().default("en"),
  });

  // Extension (issue 19): a question the member skipped. A skip stores no answer, and the spec's
  // progress row needs one, so skips live beside it; one per question (the primary key).
  const interview_skips = k.table(
    "interview_skips",
    {
      daily_interview_id: k
        .uuid("daily_interview_id")
        .notNull()
        .references(() => daily_interviews.id, { onDelete: "cascade" }),
      question_id: k.integer("question_id").notNull(),
      skipped_at: k.createdNow("skipped_at"),
    },
    (t) => [k.primaryKey({ columns: [t.daily_interview_id, t.question_id] })],
  );

  // Extension (issue 19): where an answer's feedback (interview_progress.aiFeedback) came from,
  // "ai" or "offline" (the rules-based reviewer), and whether the AI failed on the last try, so the
  // page can offer "Try the AI review again".
  const interview_feedback = k.table("interview_feedback", {
    progress_id: k
      .uuid("progress_id")
      .primaryKey()
      .references(() => interview_progress.id, { onDelete: "cascade" }),
    source: k.varchar("source", { length: 16 }).notNull(),
    ai_failed: k.boolean("ai_failed").notNull().default(false),
    updated_at: k.createdNow("updated_at"),
  });

  // 37-39. supporting tables
  const archive_card = k.table(
    "archive_card",
    {
      id: k.serialPk(),
      name: k.text("name"),
      phone: k.text("phone"),
      matchPercentage: k.text("matchPercentage"),
      desc: k.text("desc"),
      email: k.text("email"),
    },
    (t) => [k.uniqueIndex("archive_card_id_email_unique").on(t.id, t.email)],
  );

  // Extension (issue 18): who archived a card, about which member, from which job. The card's
  // row goes with the member's account or when they stop letting recruiters find them (decision
  // 045); one card per recruiter, member and job (archiving again rewrites it).
  const archive_card_owners = k.table(
    "archive_card_owners",
    {
      card_id: k
        .integer("card_id")
        .primaryKey()
        .references(() => archive_card.id, { onDelete: "cascade" }),
      recruiter_user_id: k.uuid("recruiter_user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      member_user_id: k.uuid("member_user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      feed: k.varchar("feed", { length: 16 }).notNull(),
      job_id: k.varchar("job_id", { length: 32 }).notNull(),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("archive_card_owners_unique").on(t.recruiter_user_id, t.member_user_id, t.feed, t.job_id),
      k.index("archive_card_owners_recruiter_idx").on(t.recruiter_user_id, t.created_at, t.card_id),
      k.index("archive_card_owners_member_idx").on(t.member_user_id),
      k.check("archive_card_owners_feed_check", sql`${t.feed} in ('general', 'remote', 'part-time')`),
    ],
  );

  const premuser = k.table(
    "premuser",
    {
      id: k.uuidPk(),
      fullName: k.varchar("fullName", { length: 128 }).notNull(),
      emailAddress: k.varchar("emailAddress", { length: 128 }).notNull(),
      phoneNumber: k.varchar("phoneNumber", { length: 32 }),
      paragraphInterest: k.text("paragraphInterest"),
      createdAt: k.createdNow("createdAt"),
    },
    (t) => [k.index("premuser_createdAt_idx").on(t.createdAt, t.id)],
  );

  const apiuser = k.table(
    "apiuser",
    {
      id: k.uuidPk(),
      fullName: k.varchar("fullName", { length: 128 }).notNull(),
      email_address: k.varchar("email_address", { length: 128 }).notNull(),
      phone_number: k.varchar("phone_number", { length: 32 }),
      orgName: k.text("orgName"),
      work: k.text("work"),
      benefits: k.text("benefits"),
      createdAt: k.createdNow("createdAt"),
    },
    (t) => [k.index("apiuser_createdAt_idx").on(t.createdAt, t.id)],
  );


  // Infrastructure, not in the spec: fixed-window counters behind the rate limits, kept in the
  // database so that they hold across app processes (docs/decisions/006-sessions-csrf-rate-limits.md).
  const rate_limit_buckets = k.table(
    "rate_limit_buckets",
    {
      key: k.varchar("key", { length: 200 }).notNull(),
      window_start: k.timestamp("window_start").notNull(),
      hits: k.integer("hits").notNull().default(0),
    },
    (t) => [k.primaryKey({ columns: [t.key, t.window_start] }), k.index("rate_limit_buckets_window_idx").on(t.window_start)],
  );

  // Extension, not in the spec: per-member settings that have no User column. One row per member,
  // created on first save; a member without a row uses the defaults (time zone UTC).
  const member_settings = k.table("member_settings", {
    user_id: k.uuid("user_id").primaryKey().references(() => User.id, { onDelete: "cascade" }),
    time_zone: k.varchar("time_zone", { length: 64 }).notNull().default("UTC"),
    // The first day of the member's week in the calendar: 0 Sunday, 1 Monday, 6 Saturday (the
    // Gulf's weekend is Friday–Saturday, so its week starts on Sunday; issue 13).
    week_start: k.integer("week_start").notNull().default(1),
    // The CV kept on the profile (an uploads row), picked when applying instead of uploading again.
    cv_upload_id: k.integer("cv_upload_id").references(() => uploads.id, { onDelete: "set null" }),
    // The language the member chose (en, ar, hi; decision 040); null: the device's cookie or browser decides.
    language: k.varchar("language", { length: 8 }),
    // Whether the member's daily-interview streak shows on their profile (issue 19; off by default).
    show_interview_streak: k.boolean("show_interview_streak").notNull().default(false),
    updated_at: k.createdNow("updated_at"),
  }, (t) => [k.check("member_settings_week_start_check", sql`${t.week_start} in (0, 1, 6)`)]);

  // Extension, not in the spec (docs/decisions/014.1-posting-state-and-applicant-tables.md): the life of a job posted in Ladder
  // (alumni posts wait for the career team; posters close their posts). Imported jobs have no row
  // and are listed; a job with a row is listed only while approved. feed is the FeedSlug.
  const job_postings = k.table(
    "job_postings",
    {
      feed: k.varchar("feed", { length: 16 }).notNull(),
      job_id: k.varchar("job_id", { length: 32 }).notNull(),
      status: k.varchar("status", { length: 16 }).notNull().default("pending"),
      decline_reason: k.text("decline_reason"),
      decided_by_user_id: k.uuid("decided_by_user_id").references(() => User.id, { onDelete: "set null" }),
      decided_at: k.timestamp("decided_at"),
      created_at: k.createdNow("created_at"),
      updated_at: k.createdNow("updated_at"),
    },
    (t) => [
      k.primaryKey({ columns: [t.feed, t.job_id] }),
      k.index("job_postings_status_idx").on(t.status, t.created_at, t.job_id),
      k.check("job_postings_feed_check", sql`${t.feed} in ('general', 'remote', 'part-time')`),
      k.check("job_postings_status_check", sql`${t.status} in ('pending', 'approved', 'declined', 'closed')`),
    ],
  );

  // Extension, not in the spec (docs/decisions/014.1-posting-state-and-applicant-tables.md): job_applications has no member column
  // and its jobId does not say which feed; this row says both. `live` is false once withdrawn, and
  // the partial unique index allows one live application per member per job.
  const job_applicants = k.table(
    "job_applicants",
    {
      application_id: k
        .uuid("application_id")
        .primaryKey()
        .references(() => job_applications.id, { onDelete: "cascade" }),
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      feed: k.varchar("feed", { length: 16 }).notNull(),
      job_id: k.varchar("job_id", { length: 32 }).notNull(),
      live: k.boolean("live").notNull().default(true),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("job_applicants_live_unique").on(t.user_id, t.feed, t.job_id).where(sql`${t.live}`),
      k.index("job_applicants_user_idx").on(t.user_id, t.created_at, t.application_id),
      k.index("job_applicants_job_idx").on(t.feed, t.job_id, t.created_at, t.application_id),
      k.check("job_applicants_feed_check", sql`${t.feed} in ('general', 'remote', 'part-time')`),
    ],
  );

  // Extension, not in the spec (issue 13): jobs a member saved to read later (/jobs/saved).
  const saved_jobs = k.table(
    "saved_jobs",
    {
      user_id: k.uuid("user_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      feed: k.varchar("feed", { length: 16 }).notNull(),
      job_id: k.varchar("job_id", { length: 32 }).notNull(),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.primaryKey({ columns: [t.user_id, t.feed, t.job_id] }),
      k.index("saved_jobs_user_created_idx").on(t.user_id, t.created_at, t.feed, t.job_id),
      k.check("saved_jobs_feed_check", sql`${t.feed} in ('general', 'remote', 'part-time')`),
    ],
  );

  // Extension, not in the spec (issue 13): a meeting time proposed from "find a time"; the invitee
  // accepts or declines, and an accepted meeting shows on both calendars.
  const meetings = k.table(
    "meetings",
    {
      id: k.uuidPk(),
      proposer_id: k.uuid("proposer_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      invitee_id: k.uuid("invitee_id").notNull().references(() => User.id, { onDelete: "cascade" }),
      starts_at: k.timestamp("starts_at").notNull(),
      ends_at: k.timestamp("ends_at").notNull(),
      status: k.varchar("status", { length: 16 }).notNull().default("proposed"),
      responded_at: k.timestamp("responded_at"),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.index("meetings_proposer_starts_idx").on(t.proposer_id, t.starts_at, t.id),
      k.index("meetings_invitee_starts_idx").on(t.invitee_id, t.starts_at, t.id),
      k.check("meetings_status_check", sql`${t.status} in ('proposed', 'accepted', 'declined', 'cancelled')`),
      k.check("meetings_not_self_check", sql`${t.proposer_id} <> ${t.invitee_id}`),
      k.check("meetings_ends_after_starts_check", sql`${t.ends_at} > ${t.starts_at}`),
    ],
  );

  // Extension, not in the spec (issue 13): where a notification leads (an application, a round,
  // a job). notification has no such column; a notification without a row links to its list.
  const notification_links = k.table("notification_links", {
    notification_id: k
      .uuid("notification_id")
      .primaryKey()
      .references(() => notification.id, { onDelete: "cascade" }),
    href: k.varchar("href", { length: 300 }).notNull(),
  });

  // Extension (issue 20): a past day's counts by dimension (page, referrer, device, browser, os,
  // feature, action), computed with daily_activity_summaries by the summary job, so that the
  // dashboard reads one row per day and key instead of raw rows (decision 048).
  const analytics_daily_counts = k.table(
    "analytics_daily_counts",
    {
      day: k.timestamp("day").notNull(),
      dimension: k.varchar("dimension", { length: 20 }).notNull(),
      key: k.varchar("key", { length: 500 }).notNull(),
      count: k.integer("count").notNull().default(0),
    },
    (t) => [k.primaryKey({ columns: [t.day, t.dimension, t.key] })],
  );

  // Extension (issue 21, docs/decisions/054-sign-up-confirmation.md): a sign-up waiting for its
  // address to be confirmed. The User row is created only on confirmation, so every User row is a
  // confirmed one. One row per address (a newer sign-up replaces the older); only SHA-256 hashes of
  // the link's token and of the 6-digit code (keyed with the row's id) are kept.
  const sign_up_confirmations = k.table(
    "sign_up_confirmations",
    {
      id: k.uuidPk(),
      email: k.varchar("email", { length: 64 }).notNull(),
      name: k.text("name").notNull(),
      password_hash: k.varchar("password_hash", { length: 255 }).notNull(),
      referral_code: k.varchar("referral_code", { length: 32 }),
      redirect_to: k.varchar("redirect_to", { length: 500 }).notNull(),
      token_hash: k.varchar("token_hash", { length: 64 }).notNull(),
      code_hash: k.varchar("code_hash", { length: 64 }).notNull(),
      attempts: k.integer("attempts").notNull().default(0),
      expires_at: k.timestamp("expires_at").notNull(),
      created_at: k.createdNow("created_at"),
    },
    (t) => [
      k.uniqueIndex("sign_up_confirmations_email_idx").on(t.email),
      k.uniqueIndex("sign_up_confirmations_token_idx").on(t.token_hash),
      k.index("sign_up_confirmations_expires_idx").on(t.expires_at),
    ],
  );

  return {
    User,
    Chat,
    Message_v2,
    Message,
    Vote_v2,
    Vote,
    Document,
    Suggestion,
    connection,
    notification,
    user_messages,
    password_reset_tokens,
    anonymous_post,
    anonymous_comment,
    anonymous_post_like,
    anonymous_comment_like,
    skills,
    skill_questions,
    skill_attempts,
    job_applications,
    interview_rounds,
    jobs,
    remote_jobs,
    part_time_jobs,
    communities,
    community_memberships,
    community_posts,
    user_activity_logs,
    user_sessions,
    page_views,
    feature_usage,
    activity_categories,
    activity_types,
    daily_activity_summaries,
    uploads,
    user_calendar_blocks,
    daily_interviews,
    interview_progress,
    archive_card,
    premuser,
    apiuser,
    rate_limit_buckets,
    member_settings,
    job_postings,
    job_applicants,
    saved_jobs,
    meetings,
    notification_links,
    community_moderators,
    community_bans,
    community_decisions,
    community_events,
    community_event_subscriptions,
    community_stats,
    anonymous_reports,
    anonymous_post_removals,
    anonymous_comment_removals,
    anonymous_like_notices,
    skill_details,
    skill_question_details,
    skill_draws,
    skill_bests,
    verified_skill_hidden,
    candidate_settings,
    archive_card_owners,
    interview_plans,
    interview_skips,
    interview_feedback,
    analytics_daily_counts,
    sign_up_confirmations,
  };
}

export type EducationEntry = { school: string; degree?: string; field?: string; startYear?: number; endYear?: number };
export type ExperienceEntry = { title: string; company: string; startDate?: string; endDate?: string; description?: string };
/**
 * One question of a drawn skill test (skill_draws.questions), as the member saw it: the stored
 * options in their stored order (selectedAnswers index into these), the order they were shown in,
 * and the right answer and explanation as they were when drawn.
 */
export type DrawnQuestion = {
  questionId: number;
  question: string;
  options: string[];
  correctIndex: number;
  explanation: string;
  shownOrder: number[];
};
export type CertificationEntry = { name: string; issuer?: string; year?: number; url?: string };
/**
 * Message_v2.parts. text and attachment are the spec's; notice and status are the coach's markers
 * (decision 015.2): an assistant reply from the offline coach or stopped early carries a notice; a
 * member's message whose reply failed carries status failed with the reason.
 */
export type MessagePart =
  | { type: "text"; text: string }
  | { type: "attachment"; name: string; url: string; contentType?: string }
  | { type: "notice"; kind: "offline" | "stopped" }
  | { type: "status"; status: "failed"; reason: "timeout" | "rate_limited" | "provider" | "bad_response" };
export type MessageAttachment = { name: string; url: string; contentType?: string };
