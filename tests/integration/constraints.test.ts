/**
 * The database itself enforces the data model of shared/spec/data-model.md, on SQLite and on
 * PostgreSQL: unique indexes and composite keys, cascades, non-cascading foreign keys, CHECK
 * constraints for enum-like columns, defaults applied by the database, and round trips of
 * timestamps and JSON. Every refusal is checked twice: the statement throws for the expected
 * reason, and the row count did not change.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";
import * as F from "../support/factories";

type TableName = keyof Ctx["t"];
const uuid = () => crypto.randomUUID();
const secondsFromNow = (d: Date | null | undefined) => Math.abs((d?.getTime() ?? 0) - Date.now()) / 1000;
/** The template's activity catalog out of the way, for the cases that count a table's rows. */
async function clearActivityCatalog(ctx: Ctx) {
  await ctx.db.delete(ctx.t.activity_types);
  await ctx.db.delete(ctx.t.activity_categories);
}

describeEachDatabase("data model constraints", (db) => {
  // ---------------------------------------------------------------------------------------------
  describe("unique indexes and composite primary keys", () => {
    interface UniqueCase {
      sentence: string;
      table: TableName;
      /** [pg constraint name, sqlite "table.column"] as the drivers report them */
      names?: [string, string];
      setup(ctx: Ctx): Promise<{ insert(): Promise<unknown>; neighbour?(): Promise<unknown> }>;
    }

    const cases: UniqueCase[] = [
      {
        sentence: "a second account with the same email is refused",
        table: "User",
        names: ["User_email_unique", "User.email"],
        setup: async (ctx) => ({
          insert: () => F.makeUser(ctx, { email: "same@example.test" }),
          neighbour: () => F.makeUser(ctx, { email: "other@example.test" }),
        }),
      },
      {
        sentence: "a second connection request from the same sender to the same receiver is refused",
        table: "connection",
        names: ["connection_sender_receiver_unique", "connection.sender_id"],
        setup: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          return {
            insert: () => F.makeConnection(ctx, a.id, b.id),
            neighbour: () => F.makeConnection(ctx, b.id, a.id),
          };
        },
      },
      {
        sentence: "a second like by the same member on the same post is refused",
        table: "anonymous_post_like",
        names: ["anonymous_post_like_post_user_unique", "anonymous_post_like.post_id"],
        setup: async (ctx) => {
          const [author, fan, other] = [await F.makeUser(ctx), await F.makeUser(ctx), await F.makeUser(ctx)];
          const post = await F.makePost(ctx, author.id);
          return {
            insert: () => F.makePostLike(ctx, post.id, fan.id),
            neighbour: () => F.makePostLike(ctx, post.id, other.id),
          };
        },
      },
      {
        sentence: "a second like by the same member on the same comment is refused",
        table: "anonymous_comment_like",
        names: ["anonymous_comment_like_comment_user_unique", "anonymous_comment_like.comment_id"],
        setup: async (ctx) => {
          const [author, fan, other] = [await F.makeUser(ctx), await F.makeUser(ctx), await F.makeUser(ctx)];
          const comment = await F.makeComment(ctx, (await F.makePost(ctx, author.id)).id, author.id);
          return {
            insert: () => F.makeCommentLike(ctx, comment.id, fan.id),
            neighbour: () => F.makeCommentLike(ctx, comment.id, other.id),
          };
        },
      },
      {
        sentence: "a second calendar block for the same user, week, day, start and end is refused",
        table: "user_calendar_blocks",
        names: ["user_calendar_blocks_slot_unique", "user_calendar_blocks.userId"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return {
            insert: () => F.makeCalendarBlock(ctx, user.id, { isBlocked: true }),
            neighbour: () => F.makeCalendarBlock(ctx, user.id, { endTime: "11:00:00" }),
          };
        },
      },
      {
        sentence: "a second daily interview for the same user on the same day is refused",
        table: "daily_interviews",
        names: ["daily_interviews_user_date_unique", "daily_interviews.userId"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return {
            insert: () => F.makeDailyInterview(ctx, user.id, { interviewDate: new Date("2026-11-26T00:00:00Z") }),
            neighbour: () => F.makeDailyInterview(ctx, user.id, { interviewDate: new Date("2026-11-27T00:00:00Z") }),
          };
        },
      },
      {
        sentence: "a second answer to the same question of the same interview is refused",
        table: "interview_progress",
        names: ["interview_progress_interview_question_unique", "interview_progress.dailyInterviewId"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          const interview = await F.makeDailyInterview(ctx, user.id);
          return {
            insert: () => F.makeProgress(ctx, interview.id, user.id, { questionId: 1 }),
            neighbour: () => F.makeProgress(ctx, interview.id, user.id, { questionId: 2 }),
          };
        },
      },
      {
        sentence: "a second archived card with the same id and email is refused",
        table: "archive_card",
        setup: async (ctx) => ({
          insert: () => ctx.db.insert(ctx.t.archive_card).values({ id: 7, email: "card@example.test" }),
          neighbour: () => ctx.db.insert(ctx.t.archive_card).values({ id: 8, email: "card@example.test" }),
        }),
      },
      {
        sentence: "a second session with the same token is refused",
        table: "user_sessions",
        names: ["user_sessions_session_token_unique", "user_sessions.session_token"],
        setup: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          let n = 0;
          return {
            insert: () => F.makeSession(ctx, [a, b][n++ % 2].id, { session_token: "same-token" }),
            neighbour: () => F.makeSession(ctx, a.id, { session_token: "other-token" }),
          };
        },
      },
      {
        sentence: "a second activity category with the same name is refused",
        table: "activity_categories",
        names: ["activity_categories_name_unique", "activity_categories.name"],
        setup: async (ctx) => {
          await clearActivityCatalog(ctx);
          return {
            insert: () => ctx.db.insert(ctx.t.activity_categories).values({ name: "test_social" }),
            neighbour: () => ctx.db.insert(ctx.t.activity_categories).values({ name: "test_jobs" }),
          };
        },
      },
      {
        sentence: "a second activity type with the same name is refused",
        table: "activity_types",
        names: ["activity_types_name_unique", "activity_types.name"],
        setup: async (ctx) => {
          await clearActivityCatalog(ctx);
          return {
            insert: () => ctx.db.insert(ctx.t.activity_types).values({ name: "test_post_created" }),
            neighbour: () => ctx.db.insert(ctx.t.activity_types).values({ name: "test_post_liked" }),
          };
        },
      },
      {
        sentence: "a second daily activity summary for the same date is refused",
        table: "daily_activity_summaries",
        names: ["daily_activity_summaries_date_unique", "daily_activity_summaries.date"],
        setup: async (ctx) => ({
          insert: () => ctx.db.insert(ctx.t.daily_activity_summaries).values({ date: new Date("2026-11-25T00:00:00Z") }),
          neighbour: () =>
            ctx.db.insert(ctx.t.daily_activity_summaries).values({ date: new Date("2026-11-26T00:00:00Z") }),
        }),
      },
      {
        sentence: "a second vote in the same chat on the same message is refused",
        table: "Vote_v2",
        names: ["Vote_v2_chatId_messageId_pk", "Vote_v2.chatId"],
        setup: async (ctx) => {
          const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
          const [m1, m2] = [await F.makeMessageV2(ctx, chat.id), await F.makeMessageV2(ctx, chat.id)];
          return {
            insert: () => ctx.db.insert(ctx.t.Vote_v2).values({ chatId: chat.id, messageId: m1.id, isUpvoted: true }),
            neighbour: () => ctx.db.insert(ctx.t.Vote_v2).values({ chatId: chat.id, messageId: m2.id, isUpvoted: false }),
          };
        },
      },
      {
        sentence: "a second vote in the same chat on the same deprecated message is refused",
        table: "Vote",
        names: ["Vote_chatId_messageId_pk", "Vote.chatId"],
        setup: async (ctx) => {
          const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
          const [m1, m2] = [await F.makeMessage(ctx, chat.id), await F.makeMessage(ctx, chat.id)];
          return {
            insert: () => ctx.db.insert(ctx.t.Vote).values({ chatId: chat.id, messageId: m1.id, isUpvoted: true }),
            neighbour: () => ctx.db.insert(ctx.t.Vote).values({ chatId: chat.id, messageId: m2.id, isUpvoted: true }),
          };
        },
      },
      {
        sentence: "a second document version with the same id and createdAt is refused",
        table: "Document",
        names: ["Document_id_createdAt_pk", "Document.id"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          const id = uuid();
          const at = new Date("2026-11-26T08:00:00.001Z");
          return {
            insert: () => F.makeDocument(ctx, user.id, { id, createdAt: at }),
            neighbour: () => F.makeDocument(ctx, user.id, { id, createdAt: new Date(at.getTime() + 1) }),
          };
        },
      },
    ];

    for (const c of cases) {
      it(c.sentence, async () => {
        const ctx = db.ctx;
        const table = ctx.t[c.table];
        const { insert, neighbour } = await c.setup(ctx);
        await insert();
        expect(await F.countRows(ctx, table)).toBe(1);

        await F.expectRefused(insert(), "unique", c.names?.[db.dialect === "pg" ? 0 : 1]);
        expect(await F.countRows(ctx, table)).toBe(1);

        // The index is on exactly these columns: a row differing in one of them is accepted.
        if (neighbour) {
          await neighbour();
          expect(await F.countRows(ctx, table)).toBe(2);
        }
      });
    }

    it("the database does not itself truncate interview dates: callers store midnight UTC", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      await F.makeDailyInterview(ctx, user.id, { interviewDate: new Date("2026-11-26T00:00:00Z") });
      await F.makeDailyInterview(ctx, user.id, { interviewDate: new Date("2026-11-26T09:00:00Z") });
      expect(await F.countRows(ctx, ctx.t.daily_interviews)).toBe(2);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe("cascading deletes", () => {
    interface CascadeCase {
      sentence: string;
      child: TableName;
      /** Builds a parent and one child; returns the child's id and how to delete the parent. */
      make(ctx: Ctx): Promise<{ childId: string; deleteParent(): Promise<unknown> }>;
    }
    const delUser = (ctx: Ctx, id: string) => () => F.deleteById(ctx, ctx.t.User, id);

    const cases: CascadeCase[] = [
      {
        sentence: "deleting the sender of a direct message deletes the message",
        child: "user_messages",
        make: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          return { childId: (await F.makeUserMessage(ctx, a.id, b.id)).id, deleteParent: delUser(ctx, a.id) };
        },
      },
      {
        sentence: "deleting the receiver of a direct message deletes the message",
        child: "user_messages",
        make: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          return { childId: (await F.makeUserMessage(ctx, a.id, b.id)).id, deleteParent: delUser(ctx, b.id) };
        },
      },
      {
        sentence: "deleting an anonymous post deletes its comments",
        child: "anonymous_comment",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const post = await F.makePost(ctx, user.id);
          return {
            childId: (await F.makeComment(ctx, post.id, user.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.anonymous_post, post.id),
          };
        },
      },
      {
        sentence: "deleting an anonymous post deletes its likes",
        child: "anonymous_post_like",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const post = await F.makePost(ctx, user.id);
          return {
            childId: (await F.makePostLike(ctx, post.id, user.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.anonymous_post, post.id),
          };
        },
      },
      {
        sentence: "deleting an anonymous comment deletes its likes",
        child: "anonymous_comment_like",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const comment = await F.makeComment(ctx, (await F.makePost(ctx, user.id)).id, user.id);
          return {
            childId: (await F.makeCommentLike(ctx, comment.id, user.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.anonymous_comment, comment.id),
          };
        },
      },
      {
        sentence: "deleting an anonymous post deletes the likes on its comments",
        child: "anonymous_comment_like",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const post = await F.makePost(ctx, user.id);
          const comment = await F.makeComment(ctx, post.id, user.id);
          return {
            childId: (await F.makeCommentLike(ctx, comment.id, user.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.anonymous_post, post.id),
          };
        },
      },
      {
        sentence: "deleting a job application deletes its interview rounds",
        child: "interview_rounds",
        make: async (ctx) => {
          const application = await F.makeApplication(ctx);
          return {
            childId: (await F.makeRound(ctx, application.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.job_applications, application.id),
          };
        },
      },
      {
        sentence: "deleting the creator of a community deletes the community",
        child: "communities",
        make: async (ctx) => {
          const creator = await F.makeUser(ctx);
          return { childId: (await F.makeCommunity(ctx, creator.id)).id, deleteParent: delUser(ctx, creator.id) };
        },
      },
      {
        sentence: "deleting a community deletes its memberships",
        child: "community_memberships",
        make: async (ctx) => {
          const member = await F.makeUser(ctx);
          const community = await F.makeCommunity(ctx, null);
          return {
            childId: (await F.makeMembership(ctx, community.id, member.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.communities, community.id),
          };
        },
      },
      {
        sentence: "deleting a member deletes their community memberships",
        child: "community_memberships",
        make: async (ctx) => {
          const member = await F.makeUser(ctx);
          const community = await F.makeCommunity(ctx, null);
          return { childId: (await F.makeMembership(ctx, community.id, member.id)).id, deleteParent: delUser(ctx, member.id) };
        },
      },
      {
        sentence: "deleting a community deletes its posts",
        child: "community_posts",
        make: async (ctx) => {
          const member = await F.makeUser(ctx);
          const community = await F.makeCommunity(ctx, null);
          return {
            childId: (await F.makeCommunityPost(ctx, community.id, member.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.communities, community.id),
          };
        },
      },
      {
        sentence: "deleting a member deletes their community posts",
        child: "community_posts",
        make: async (ctx) => {
          const member = await F.makeUser(ctx);
          const community = await F.makeCommunity(ctx, null);
          return {
            childId: (await F.makeCommunityPost(ctx, community.id, member.id)).id,
            deleteParent: delUser(ctx, member.id),
          };
        },
      },
      {
        sentence: "deleting a member deletes their activity log",
        child: "user_activity_logs",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const [log] = await ctx.db
            .insert(ctx.t.user_activity_logs)
            .values({ user_id: user.id, action_type: "login", action_category: "auth" })
            .returning();
          return { childId: log.id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a member deletes their sessions",
        child: "user_sessions",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          return { childId: (await F.makeSession(ctx, user.id)).id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a member deletes their page views",
        child: "page_views",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const [view] = await ctx.db.insert(ctx.t.page_views).values({ user_id: user.id, page_path: "/jobs" }).returning();
          return { childId: view.id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a session deletes its page views",
        child: "page_views",
        make: async (ctx) => {
          const session = await F.makeSession(ctx, (await F.makeUser(ctx)).id);
          const [view] = await ctx.db
            .insert(ctx.t.page_views)
            .values({ session_id: session.id, page_path: "/feed" })
            .returning();
          return { childId: view.id, deleteParent: () => F.deleteById(ctx, ctx.t.user_sessions, session.id) };
        },
      },
      {
        sentence: "deleting a member deletes their feature usage",
        child: "feature_usage",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const [usage] = await ctx.db
            .insert(ctx.t.feature_usage)
            .values({ user_id: user.id, feature_name: "ai_chat", action: "open" })
            .returning();
          return { childId: usage.id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a member deletes their calendar blocks",
        child: "user_calendar_blocks",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          return { childId: (await F.makeCalendarBlock(ctx, user.id)).id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a member deletes their daily interviews",
        child: "daily_interviews",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          return { childId: (await F.makeDailyInterview(ctx, user.id)).id, deleteParent: delUser(ctx, user.id) };
        },
      },
      {
        sentence: "deleting a daily interview deletes its progress",
        child: "interview_progress",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const interview = await F.makeDailyInterview(ctx, user.id);
          return {
            childId: (await F.makeProgress(ctx, interview.id, user.id)).id,
            deleteParent: () => F.deleteById(ctx, ctx.t.daily_interviews, interview.id),
          };
        },
      },
      {
        sentence: "deleting a member deletes their interview progress, even inside another member's interview",
        child: "interview_progress",
        make: async (ctx) => {
          const [owner, answerer] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          const interview = await F.makeDailyInterview(ctx, owner.id);
          return {
            childId: (await F.makeProgress(ctx, interview.id, answerer.id)).id,
            deleteParent: delUser(ctx, answerer.id),
          };
        },
      },
    ];

    for (const c of cases) {
      it(c.sentence, async () => {
        const ctx = db.ctx;
        const table = ctx.t[c.child] as F.TableWithId;
        const doomed = await c.make(ctx);
        const survivor = await c.make(ctx);
        expect(await F.exists(ctx, table, doomed.childId)).toBe(true);

        await doomed.deleteParent();

        expect(await F.exists(ctx, table, doomed.childId)).toBe(false);
        expect(await F.exists(ctx, table, survivor.childId)).toBe(true);
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  describe("foreign keys without cascade", () => {
    interface RestrictCase {
      sentence: string;
      parent: TableName;
      child: TableName;
      make(ctx: Ctx): Promise<{ parentId: string; childId: string }>;
    }
    const cases: RestrictCase[] = [
      {
        sentence: "a member who owns a chat cannot be deleted",
        parent: "User",
        child: "Chat",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          return { parentId: user.id, childId: (await F.makeChat(ctx, user.id)).id };
        },
      },
      {
        sentence: "a chat with messages cannot be deleted",
        parent: "Chat",
        child: "Message_v2",
        make: async (ctx) => {
          const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
          return { parentId: chat.id, childId: (await F.makeMessageV2(ctx, chat.id)).id };
        },
      },
      {
        sentence: "a chat with deprecated messages cannot be deleted",
        parent: "Chat",
        child: "Message",
        make: async (ctx) => {
          const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
          return { parentId: chat.id, childId: (await F.makeMessage(ctx, chat.id)).id };
        },
      },
      {
        sentence: "a member who sent a connection request cannot be deleted",
        parent: "User",
        child: "connection",
        make: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          return { parentId: a.id, childId: (await F.makeConnection(ctx, a.id, b.id)).id };
        },
      },
      {
        sentence: "a member who received a connection request cannot be deleted",
        parent: "User",
        child: "connection",
        make: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          return { parentId: b.id, childId: (await F.makeConnection(ctx, a.id, b.id)).id };
        },
      },
      {
        sentence: "a connection that a notification refers to cannot be deleted",
        parent: "connection",
        child: "notification",
        make: async (ctx) => {
          const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
          const request = await F.makeConnection(ctx, a.id, b.id);
          const note = await F.makeNotification(ctx, b.id, { related_connection_id: request.id, related_user_id: a.id });
          return { parentId: request.id, childId: note.id };
        },
      },
      {
        sentence: "a member with a password reset token cannot be deleted",
        parent: "User",
        child: "password_reset_tokens",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          const [token] = await ctx.db
            .insert(ctx.t.password_reset_tokens)
            .values({ user_id: user.id, token: "t", expires_at: F.aMoment() })
            .returning();
          return { parentId: user.id, childId: token.id };
        },
      },
      {
        sentence: "a member who wrote an anonymous post cannot be deleted",
        parent: "User",
        child: "anonymous_post",
        make: async (ctx) => {
          const user = await F.makeUser(ctx);
          return { parentId: user.id, childId: (await F.makePost(ctx, user.id)).id };
        },
      },
    ];

    for (const c of cases) {
      it(c.sentence, async () => {
        const ctx = db.ctx;
        const parent = ctx.t[c.parent] as F.TableWithId;
        const child = ctx.t[c.child] as F.TableWithId;
        const { parentId, childId } = await c.make(ctx);

        await F.expectRefused(F.deleteById(ctx, parent, parentId), "foreign key");

        expect(await F.exists(ctx, parent, parentId)).toBe(true);
        expect(await F.exists(ctx, child, childId)).toBe(true);
      });
    }

    it("a message with a vote cannot be deleted", async () => {
      const ctx = db.ctx;
      const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
      const message = await F.makeMessageV2(ctx, chat.id);
      await ctx.db.insert(ctx.t.Vote_v2).values({ chatId: chat.id, messageId: message.id, isUpvoted: true });

      await F.expectRefused(F.deleteById(ctx, ctx.t.Message_v2, message.id), "foreign key");
      expect(await F.exists(ctx, ctx.t.Message_v2, message.id)).toBe(true);
      expect(await F.countRows(ctx, ctx.t.Vote_v2)).toBe(1);
    });

    it("a skill with questions or attempts cannot be deleted", async () => {
      const ctx = db.ctx;
      const [asked, attempted] = [await F.makeSkill(ctx), await F.makeSkill(ctx)];
      await F.makeSkillQuestion(ctx, asked.id);
      await ctx.db
        .insert(ctx.t.skill_attempts)
        .values({ userId: (await F.makeUser(ctx)).id, skillId: attempted.id, score: 3, total: 5, selectedAnswers: [0, 1, 2, 3, 0] });

      for (const skill of [asked, attempted]) {
        await F.expectRefused(ctx.db.delete(ctx.t.skills).where(eq(ctx.t.skills.id, skill.id)), "foreign key");
      }
      expect(await F.countRows(ctx, ctx.t.skills)).toBe(2);
    });

    it("an activity category with types cannot be deleted", async () => {
      const ctx = db.ctx;
      const [category] = await ctx.db.insert(ctx.t.activity_categories).values({ name: "test_social" }).returning();
      await ctx.db.insert(ctx.t.activity_types).values({ name: "test_post_created", category_id: category.id });

      await F.expectRefused(
        ctx.db.delete(ctx.t.activity_categories).where(eq(ctx.t.activity_categories.id, category.id)),
        "foreign key",
      );
      expect(await ctx.db.select().from(ctx.t.activity_categories).where(eq(ctx.t.activity_categories.id, category.id))).toHaveLength(1);
    });

    it("a member who posted a job cannot be deleted, on each of the three job tables", async () => {
      const ctx = db.ctx;
      for (const table of ["jobs", "remote_jobs", "part_time_jobs"] as const) {
        const user = await F.makeUser(ctx);
        await F.makeJob(ctx, table, { posted_by_user_id: user.id, posted_by: "alumni" });
        await F.expectRefused(F.deleteById(ctx, ctx.t.User, user.id), "foreign key");
        expect(await F.exists(ctx, ctx.t.User, user.id)).toBe(true);
        expect(await F.countRows(ctx, ctx.t[table])).toBe(1);
      }
    });

    interface DanglingCase {
      sentence: string;
      table: TableName;
      insert(ctx: Ctx): Promise<unknown>;
    }
    const dangling: DanglingCase[] = [
      {
        sentence: "a chat for a member who does not exist is refused",
        table: "Chat",
        insert: (ctx) => F.makeChat(ctx, uuid()),
      },
      {
        sentence: "a message in a chat that does not exist is refused",
        table: "Message_v2",
        insert: (ctx) => F.makeMessageV2(ctx, uuid()),
      },
      {
        sentence: "a vote on a message that does not exist is refused",
        table: "Vote_v2",
        insert: async (ctx) => {
          const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
          return ctx.db.insert(ctx.t.Vote_v2).values({ chatId: chat.id, messageId: uuid(), isUpvoted: true });
        },
      },
      {
        sentence: "a connection request to a member who does not exist is refused",
        table: "connection",
        insert: async (ctx) => F.makeConnection(ctx, (await F.makeUser(ctx)).id, uuid()),
      },
      {
        sentence: "a notification about a connection that does not exist is refused",
        table: "notification",
        insert: async (ctx) => F.makeNotification(ctx, (await F.makeUser(ctx)).id, { related_connection_id: uuid() }),
      },
      {
        sentence: "a skill question for a skill that does not exist is refused",
        table: "skill_questions",
        insert: (ctx) => F.makeSkillQuestion(ctx, 424242),
      },
      {
        sentence: "a like on a post that does not exist is refused",
        table: "anonymous_post_like",
        insert: async (ctx) => F.makePostLike(ctx, uuid(), (await F.makeUser(ctx)).id),
      },
      {
        sentence: "an interview round for an application that does not exist is refused",
        table: "interview_rounds",
        insert: (ctx) => F.makeRound(ctx, uuid()),
      },
      {
        sentence: "a page view in a session that does not exist is refused",
        table: "page_views",
        insert: (ctx) => ctx.db.insert(ctx.t.page_views).values({ session_id: uuid(), page_path: "/" }),
      },
      {
        sentence: "interview progress for a daily interview that does not exist is refused",
        table: "interview_progress",
        insert: async (ctx) => F.makeProgress(ctx, uuid(), (await F.makeUser(ctx)).id),
      },
    ];
    for (const c of dangling) {
      it(c.sentence, async () => {
        const ctx = db.ctx;
        await F.expectRefused(c.insert(ctx), "foreign key");
        expect(await F.countRows(ctx, ctx.t[c.table])).toBe(0);
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  describe("documents and their suggestions", () => {
    it("a document keeps several versions under the same id", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const first = await F.makeDocument(ctx, user.id, { title: "v1" });
      await F.makeDocument(ctx, user.id, { id: first.id, title: "v2", createdAt: new Date(first.createdAt.getTime() + 1) });
      await F.makeDocument(ctx, user.id, { id: first.id, title: "v3", createdAt: new Date(first.createdAt.getTime() + 2) });

      const versions = await ctx.db
        .select({ title: ctx.t.Document.title })
        .from(ctx.t.Document)
        .where(eq(ctx.t.Document.id, first.id))
        .orderBy(ctx.t.Document.createdAt);
      expect(versions.map((v) => v.title)).toEqual(["v1", "v2", "v3"]);
    });

    it("a suggestion must point at an existing (id, createdAt) version, not just an existing id", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const doc = await F.makeDocument(ctx, user.id);

      await F.makeSuggestion(ctx, doc, user.id);
      expect(await F.countRows(ctx, ctx.t.Suggestion)).toBe(1);

      const otherMoment = new Date(doc.createdAt.getTime() + 1);
      await F.expectRefused(F.makeSuggestion(ctx, { id: doc.id, createdAt: otherMoment }, user.id), "foreign key");
      await F.expectRefused(F.makeSuggestion(ctx, { id: uuid(), createdAt: doc.createdAt }, user.id), "foreign key");
      expect(await F.countRows(ctx, ctx.t.Suggestion)).toBe(1);
    });

    it("a document version with suggestions cannot be deleted, while another version of it can", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const v1 = await F.makeDocument(ctx, user.id);
      const v2 = await F.makeDocument(ctx, user.id, { id: v1.id, createdAt: new Date(v1.createdAt.getTime() + 1000) });
      await F.makeSuggestion(ctx, v1, user.id);
      const version = (d: { id: string; createdAt: Date }) =>
        and(eq(ctx.t.Document.id, d.id), eq(ctx.t.Document.createdAt, d.createdAt));

      await F.expectRefused(ctx.db.delete(ctx.t.Document).where(version(v1)), "foreign key");
      await ctx.db.delete(ctx.t.Document).where(version(v2));

      expect(await F.countRows(ctx, ctx.t.Document, version(v1))).toBe(1);
      expect(await F.countRows(ctx, ctx.t.Document, version(v2))).toBe(0);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe("CHECK constraints on enum-like and ranged columns", () => {
    interface CheckCase {
      sentence: string;
      constraint: string;
      table: TableName;
      bad: unknown[];
      good: unknown[];
      /** Prepares parents once; returns an insert of one row with the value under test. */
      setup(ctx: Ctx): Promise<(value: never) => Promise<unknown>>;
    }
    const job = (table: "jobs" | "remote_jobs" | "part_time_jobs"): CheckCase => ({
      sentence: `a ${table} posting's posted_by must be alumni, career_team or external`,
      constraint: `${table}_posted_by_check`,
      table,
      bad: ["recruiter_bot", "Alumni"],
      good: ["alumni", "external", null],
      setup: async (ctx) => (posted_by) => F.makeJob(ctx, table, { posted_by }),
    });

    const cases: CheckCase[] = [
      {
        sentence: "a member's role must be one of the known roles",
        constraint: "User_role_check",
        table: "User",
        bad: ["superuser", "Admin", ""],
        good: ["user", "recruiter", "admin"],
        setup: async (ctx) => (role) => F.makeUser(ctx, { role }),
      },
      {
        sentence: "a chat's visibility must be public or private",
        constraint: "Chat_visibility_check",
        table: "Chat",
        bad: ["unlisted"],
        good: ["public", "private"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return (visibility) => F.makeChat(ctx, user.id, { visibility });
        },
      },
      {
        sentence: "a document's kind must be text, code, image or sheet",
        constraint: "Document_kind_check",
        table: "Document",
        bad: ["pdf"],
        good: ["code", "sheet"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return (kind) => F.makeDocument(ctx, user.id, { kind });
        },
      },
      {
        sentence: "a connection's status must be pending, accepted or rejected",
        constraint: "connection_status_check",
        table: "connection",
        bad: ["blocked"],
        good: ["accepted", "rejected"],
        setup: async (ctx) => async (status) =>
          F.makeConnection(ctx, (await F.makeUser(ctx)).id, (await F.makeUser(ctx)).id, { status }),
      },
      {
        sentence: "a notification's type must be one of the connection events",
        constraint: "notification_type_check",
        table: "notification",
        bad: ["mention"],
        good: ["connection_request", "connection_accepted", null],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return (type) => F.makeNotification(ctx, user.id, { type });
        },
      },
      {
        sentence: "an anonymous post's topic must be one of the four topics",
        constraint: "anonymous_post_topic_check",
        table: "anonymous_post",
        bad: ["politics"],
        good: ["company_culture", "career_advice"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return (topic) => F.makePost(ctx, user.id, { topic });
        },
      },
      {
        sentence: "a job application's status must be one of the pipeline stages",
        constraint: "job_applications_status_check",
        table: "job_applications",
        bad: ["ghosted"],
        good: ["reviewing", "hired"],
        setup: async (ctx) => (status) => F.makeApplication(ctx, { status }),
      },
      {
        sentence: "an interview round's type must be phone_screening, job_assessment, hr or final",
        constraint: "interview_rounds_roundType_check",
        table: "interview_rounds",
        bad: ["coffee_chat"],
        good: ["phone_screening", "final"],
        setup: async (ctx) => {
          const application = await F.makeApplication(ctx);
          return (roundType) => F.makeRound(ctx, application.id, { roundType });
        },
      },
      {
        sentence: "an interview round's status must be scheduled, completed, cancelled or rescheduled",
        constraint: "interview_rounds_status_check",
        table: "interview_rounds",
        bad: ["forgotten"],
        good: ["completed", "rescheduled"],
        setup: async (ctx) => {
          const application = await F.makeApplication(ctx);
          return (status) => F.makeRound(ctx, application.id, { status });
        },
      },
      {
        sentence: "an interview round's score is between 1 and 10",
        constraint: "interview_rounds_score_check",
        table: "interview_rounds",
        bad: [0, 11, -3],
        good: [1, 10, null],
        setup: async (ctx) => {
          const application = await F.makeApplication(ctx);
          return (score) => F.makeRound(ctx, application.id, { score });
        },
      },
      job("jobs"),
      job("remote_jobs"),
      job("part_time_jobs"),
      {
        sentence: "a community membership is pending or approved",
        constraint: "community_memberships_status_check",
        table: "community_memberships",
        bad: ["banned"],
        good: ["pending", "approved"],
        setup: async (ctx) => {
          const community = await F.makeCommunity(ctx, null);
          return async (status) => F.makeMembership(ctx, community.id, (await F.makeUser(ctx)).id, { status });
        },
      },
      {
        sentence: "a community post is an event or an update",
        constraint: "community_posts_type_check",
        table: "community_posts",
        bad: ["poll"],
        good: ["event", "update"],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          const community = await F.makeCommunity(ctx, null);
          return (type) => F.makeCommunityPost(ctx, community.id, user.id, { type });
        },
      },
      {
        sentence: "an upload is a cv or a cover-letter",
        constraint: "uploads_fileType_check",
        table: "uploads",
        bad: ["photo", "cover_letter"],
        good: ["cv", "cover-letter"],
        setup: async (ctx) => (fileType) =>
          ctx.db.insert(ctx.t.uploads).values({ userEmail: "a@example.test", fileUrl: "s3://cv.pdf", fileType }),
      },
      {
        sentence: "a skill question's correct answer index is between 0 and 3",
        constraint: "skill_questions_correctIndex_check",
        table: "skill_questions",
        bad: [-1, 4],
        good: [0, 3],
        setup: async (ctx) => {
          const skill = await F.makeSkill(ctx);
          return (correctIndex) => F.makeSkillQuestion(ctx, skill.id, { correctIndex });
        },
      },
      {
        sentence: "a calendar block's day of week is between 0 (Monday) and 6 (Sunday)",
        constraint: "user_calendar_blocks_dayOfWeek_check",
        table: "user_calendar_blocks",
        bad: [-1, 7],
        good: [0, 6],
        setup: async (ctx) => {
          const user = await F.makeUser(ctx);
          return (dayOfWeek) => F.makeCalendarBlock(ctx, user.id, { dayOfWeek });
        },
      },
    ];

    for (const c of cases) {
      it(`${c.sentence}: ${c.bad.map((v) => JSON.stringify(v)).join(", ")} refused`, async () => {
        const ctx = db.ctx;
        const table = ctx.t[c.table];
        const insert = await c.setup(ctx);
        const before = await F.countRows(ctx, table);

        for (const value of c.bad) {
          await F.expectRefused(insert(value as never), "check", c.constraint);
        }
        expect(await F.countRows(ctx, table)).toBe(before);

        for (const value of c.good) await insert(value as never);
        expect(await F.countRows(ctx, table)).toBe(before + c.good.length);
      });
    }

    it("a member cannot send a connection request to themselves", async () => {
      const ctx = db.ctx;
      const [me, other] = [await F.makeUser(ctx), await F.makeUser(ctx)];
      await F.expectRefused(F.makeConnection(ctx, me.id, me.id), "check", "connection_not_self_check");
      expect(await F.countRows(ctx, ctx.t.connection)).toBe(0);
      await F.makeConnection(ctx, me.id, other.id);
      expect(await F.countRows(ctx, ctx.t.connection)).toBe(1);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe("NOT NULL and nullable columns", () => {
    it("columns the spec marks NOT NULL refuse NULL", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const attempts: Array<[TableName, () => Promise<unknown>]> = [
        ["User", () => ctx.db.insert(ctx.t.User).values({ email: null as never })],
        ["Chat", () => F.makeChat(ctx, user.id, { title: null as never })],
        ["remote_jobs", () => F.makeJob(ctx, "remote_jobs", { job_is_remote: null as never })],
        ["user_calendar_blocks", () => F.makeCalendarBlock(ctx, user.id, { isBlocked: null as never })],
        ["daily_interviews", () => F.makeDailyInterview(ctx, user.id, { isCompleted: null as never })],
        ["community_memberships", async () => F.makeMembership(ctx, (await F.makeCommunity(ctx, null)).id, user.id, { status: null as never })],
        ["Message_v2", async () => F.makeMessageV2(ctx, (await F.makeChat(ctx, user.id)).id, { parts: null as never })],
      ];
      for (const [table, attempt] of attempts) {
        const before = await F.countRows(ctx, ctx.t[table]);
        await F.expectRefused(attempt(), "not null");
        expect(await F.countRows(ctx, ctx.t[table]), table).toBe(before);
      }
    });

    it("columns the spec gives a default but not NOT NULL accept an explicit NULL", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx, { role: null, dailyMessageCount: null, interviewCount: null });
      const chat = await F.makeChat(ctx, user.id, { visibility: null });
      const post = await F.makePost(ctx, user.id, { topic: null, likes_count: null, is_anonymous: null });
      const request = await F.makeConnection(ctx, user.id, (await F.makeUser(ctx)).id, { status: null });
      const application = await F.makeApplication(ctx, { status: null, withdrawn: null });

      expect([user.role, user.dailyMessageCount, user.interviewCount]).toEqual([null, null, null]);
      expect(chat.visibility).toBeNull();
      expect([post.topic, post.likes_count, post.is_anonymous]).toEqual([null, null, null]);
      expect(request.status).toBeNull();
      expect([application.status, application.withdrawn]).toEqual([null, null]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe("defaults applied by the database (plain SQL insert, columns omitted)", () => {
    /** sqlite has no database-side uuid default (drizzle generates it), so pass one there. */
    const idFor = (ctx: Ctx): { id?: string } => (ctx.dialect === "pg" ? {} : { id: uuid() });
    const one = async <R>(rows: Promise<R[]>) => {
      const all = await rows;
      expect(all).toHaveLength(1);
      return all[0];
    };

    it("a member inserted with only an email has role 'user', zero counters and no createdAt", async () => {
      const ctx = db.ctx;
      await F.rawInsert(ctx, ctx.t.User, { ...idFor(ctx), email: "raw@example.test" });
      const user = await one(ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.email, "raw@example.test")));
      expect(user).toMatchObject({ role: "user", dailyMessageCount: 0, interviewCount: 0, createdAt: null });
      expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("a chat is private and a document is text unless said otherwise; a suggestion starts unresolved", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const at = F.aMoment();
      await F.rawInsert(ctx, ctx.t.Chat, { ...idFor(ctx), createdAt: at, title: "raw", userId: user.id });
      const docId = uuid();
      await F.rawInsert(ctx, ctx.t.Document, { id: docId, createdAt: at, title: "raw", userId: user.id });
      await F.rawInsert(ctx, ctx.t.Suggestion, {
        ...idFor(ctx),
        documentId: docId,
        documentCreatedAt: at,
        originalText: "a",
        suggestedText: "b",
        userId: user.id,
        createdAt: at,
      });
      expect((await one(ctx.db.select().from(ctx.t.Chat))).visibility).toBe("private");
      expect((await one(ctx.db.select().from(ctx.t.Document))).kind).toBe("text");
      expect((await one(ctx.db.select().from(ctx.t.Suggestion))).isResolved).toBe(false);
    });

    it("a connection request starts pending and is stamped with the current time", async () => {
      const ctx = db.ctx;
      const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
      await F.rawInsert(ctx, ctx.t.connection, { ...idFor(ctx), sender_id: a.id, receiver_id: b.id });
      const row = await one(ctx.db.select().from(ctx.t.connection));
      expect(row.status).toBe("pending");
      expect(row.message).toBeNull();
      expect(secondsFromNow(row.created_at)).toBeLessThan(10);
      expect(secondsFromNow(row.updated_at)).toBeLessThan(10);
    });

    it("a notification and a direct message start unread, stamped now", async () => {
      const ctx = db.ctx;
      const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
      await F.rawInsert(ctx, ctx.t.notification, { ...idFor(ctx), user_id: a.id, title: "t", message: "m" });
      await F.rawInsert(ctx, ctx.t.user_messages, { ...idFor(ctx), sender_id: a.id, receiver_id: b.id, message: "hi" });
      const note = await one(ctx.db.select().from(ctx.t.notification));
      const dm = await one(ctx.db.select().from(ctx.t.user_messages));
      expect([note.is_read, note.type]).toEqual([false, null]);
      expect(dm.is_read).toBe(false);
      expect(secondsFromNow(note.created_at)).toBeLessThan(10);
      expect(secondsFromNow(dm.updated_at)).toBeLessThan(10);
    });

    it("an anonymous post is anonymous, general, with no likes or comments; a comment is anonymous with no likes", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const postId = uuid();
      await F.rawInsert(ctx, ctx.t.anonymous_post, { id: postId, user_id: user.id, content: "c" });
      await F.rawInsert(ctx, ctx.t.anonymous_comment, { ...idFor(ctx), post_id: postId, user_id: user.id, content: "c" });
      expect(await one(ctx.db.select().from(ctx.t.anonymous_post))).toMatchObject({
        is_anonymous: true,
        topic: "general",
        likes_count: 0,
        comments_count: 0,
      });
      expect(await one(ctx.db.select().from(ctx.t.anonymous_comment))).toMatchObject({ is_anonymous: true, likes_count: 0 });
    });

    it("a job application starts pending and not withdrawn; its first round starts scheduled", async () => {
      const ctx = db.ctx;
      const applicationId = uuid();
      await F.rawInsert(ctx, ctx.t.job_applications, {
        id: applicationId,
        jobId: "j1",
        name: "n",
        email: "e@example.test",
        coverLetter: "c",
      });
      await F.rawInsert(ctx, ctx.t.interview_rounds, { ...idFor(ctx), applicationId, roundNumber: 1, roundType: "hr" });
      const application = await one(ctx.db.select().from(ctx.t.job_applications));
      expect([application.status, application.withdrawn]).toEqual(["pending", false]);
      expect(secondsFromNow(application.createdAt)).toBeLessThan(10);
      expect(secondsFromNow(application.updatedAt)).toBeLessThan(10);
      const round = await one(ctx.db.select().from(ctx.t.interview_rounds));
      expect([round.status, round.score]).toEqual(["scheduled", null]);
    });

    it("a remote job is remote and a part-time job is Part-time unless said otherwise; a general job is neither", async () => {
      const ctx = db.ctx;
      for (const table of [ctx.t.jobs, ctx.t.remote_jobs, ctx.t.part_time_jobs]) {
        await F.rawInsert(ctx, table, { job_id: "j1" });
      }
      const general = await one(ctx.db.select().from(ctx.t.jobs));
      const remote = await one(ctx.db.select().from(ctx.t.remote_jobs));
      const partTime = await one(ctx.db.select().from(ctx.t.part_time_jobs));
      expect([general.job_is_remote, general.job_employment_type]).toEqual([null, null]);
      expect([remote.job_is_remote, remote.job_employment_type]).toEqual([true, null]);
      expect([partTime.job_is_remote, partTime.job_employment_type]).toEqual([null, "Part-time"]);
      for (const job of [general, remote, partTime]) expect(secondsFromNow(job.created_at)).toBeLessThan(10);
    });

    it("a session starts active, started and last active now; an activity type is tracked", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      await F.rawInsert(ctx, ctx.t.user_sessions, { ...idFor(ctx), user_id: user.id, session_token: "tok" });
      await F.rawInsert(ctx, ctx.t.activity_types, { name: "test_login" });
      const session = await one(ctx.db.select().from(ctx.t.user_sessions));
      expect([session.is_active, session.ended_at]).toEqual([true, null]);
      expect(secondsFromNow(session.started_at)).toBeLessThan(10);
      expect(secondsFromNow(session.last_activity_at)).toBeLessThan(10);
      expect((await one(ctx.db.select().from(ctx.t.activity_types).where(eq(ctx.t.activity_types.name, "test_login")))).is_tracked).toBe(true);
    });

    it("a daily activity summary starts with every counter at zero", async () => {
      const ctx = db.ctx;
      await F.rawInsert(ctx, ctx.t.daily_activity_summaries, { date: new Date("2026-11-26T00:00:00Z") });
      const summary = await one(ctx.db.select().from(ctx.t.daily_activity_summaries));
      const { id, date, created_at, updated_at, ...counters } = summary;
      expect(Object.keys(counters)).toHaveLength(10);
      expect(Object.values(counters).every((n) => n === 0)).toBe(true);
      expect(Number.isInteger(id)).toBe(true);
      expect(date.toISOString()).toBe("2026-11-26T00:00:00.000Z");
      expect(secondsFromNow(created_at)).toBeLessThan(10);
      expect(secondsFromNow(updated_at)).toBeLessThan(10);
    });

    it("a calendar block is blocked, a daily interview is not completed, progress is stamped now", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const interviewId = uuid();
      await F.rawInsert(ctx, ctx.t.user_calendar_blocks, {
        ...idFor(ctx),
        userId: user.id,
        weekStartDate: new Date("2026-11-23T00:00:00Z"),
        dayOfWeek: 3,
        startTime: "09:00:00",
        endTime: "09:30:00",
      });
      await F.rawInsert(ctx, ctx.t.daily_interviews, { id: interviewId, userId: user.id, interviewDate: new Date("2026-11-26T00:00:00Z") });
      await F.rawInsert(ctx, ctx.t.interview_progress, {
        ...idFor(ctx),
        dailyInterviewId: interviewId,
        userId: user.id,
        category: "technical",
        questionId: 4,
        question: "q",
        answer: "a",
      });
      expect((await one(ctx.db.select().from(ctx.t.user_calendar_blocks))).isBlocked).toBe(true);
      const interview = await one(ctx.db.select().from(ctx.t.daily_interviews));
      expect([interview.isCompleted, interview.completedAt, interview.category]).toEqual([false, null, null]);
      const progress = await one(ctx.db.select().from(ctx.t.interview_progress));
      expect(secondsFromNow(progress.answeredAt)).toBeLessThan(10);
      expect(secondsFromNow(progress.createdAt)).toBeLessThan(10);
    });

    it("serial ids are assigned by the database in increasing order", async () => {
      const ctx = db.ctx;
      await F.rawInsert(ctx, ctx.t.skills, { name: "first" });
      await F.rawInsert(ctx, ctx.t.skills, { name: "second" });
      const rows = await ctx.db.select().from(ctx.t.skills).orderBy(ctx.t.skills.name);
      expect(rows.map((r) => r.name)).toEqual(["first", "second"]);
      expect(rows.every((r) => Number.isInteger(r.id))).toBe(true);
      expect(rows[1].id).toBeGreaterThan(rows[0].id);
    });

    it("a row inserted without an id gets a fresh uuid (from the database on PostgreSQL, from drizzle on SQLite)", async () => {
      const ctx = db.ctx;
      const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
      expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.id).not.toBe(b.id);
    });

    // PostgreSQL only: SQLite has no session time zone.
    if (db.dialect === "pg") it(
      "default timestamps are UTC even when the PostgreSQL session runs in another time zone",
      async () => {
        const ctx = db.ctx;
        if (ctx.raw.kind !== "pg") throw new Error("pg only");
        const [a, b] = [await F.makeUser(ctx), await F.makeUser(ctx)];
        const client = await ctx.raw.pool.connect();
        try {
          await client.query("begin");
          await client.query("set local time zone 'Asia/Kolkata'");
          await client.query(`insert into "connection" ("sender_id", "receiver_id") values ($1, $2)`, [a.id, b.id]);
          await client.query("commit");
        } finally {
          client.release();
        }
        const row = await one(ctx.db.select().from(ctx.t.connection));
        expect(secondsFromNow(row.created_at)).toBeLessThan(10);
      },
    );
  });

  // ---------------------------------------------------------------------------------------------
  describe("round trips", () => {
    it("timestamps come back as the same Date, to the millisecond", async () => {
      const ctx = db.ctx;
      const moments = [
        new Date("2026-02-03T04:05:06.789Z"),
        new Date("2026-12-31T23:59:59.999Z"),
        new Date("1999-01-01T00:00:00.001Z"),
      ];
      const user = await F.makeUser(ctx, { flaggedChatExpiresAt: moments[0], lastMessageResetDate: moments[1] });
      for (const createdAt of moments) await F.makeChat(ctx, user.id, { createdAt });

      const [readUser] = await ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.id, user.id));
      expect(readUser.flaggedChatExpiresAt).toBeInstanceOf(Date);
      expect(readUser.flaggedChatExpiresAt?.toISOString()).toBe(moments[0].toISOString());
      expect(readUser.lastMessageResetDate?.toISOString()).toBe(moments[1].toISOString());
      const chats = await ctx.db.select().from(ctx.t.Chat).orderBy(ctx.t.Chat.createdAt);
      expect(chats.map((c) => c.createdAt.toISOString())).toEqual(
        [...moments].sort((x, y) => x.getTime() - y.getTime()).map((m) => m.toISOString()),
      );
    });

    it("a timestamp compares equal to the Date it was written from (keyset cursors rely on it)", async () => {
      const ctx = db.ctx;
      const user = await F.makeUser(ctx);
      const at = new Date("2026-11-26T12:00:00.457Z");
      await F.makeChat(ctx, user.id, { createdAt: at });
      await F.makeChat(ctx, user.id, { createdAt: new Date(at.getTime() + 1) });
      const rows = await ctx.db.select().from(ctx.t.Chat).where(eq(ctx.t.Chat.createdAt, at));
      expect(rows).toHaveLength(1);
    });

    it("JSON columns return the objects, arrays and strings that were stored", async () => {
      const ctx = db.ctx;
      const education = [
        { school: "Université de Montréal", degree: "BSc", startYear: 2015, endYear: 2019 },
        { school: "MIT 🚀", field: "CS \"quoted\" \\ slash" },
      ];
      const user = await F.makeUser(ctx, { education, professional_skills: ["TypeScript", "SQL"], experience: [] });
      const chat = await F.makeChat(ctx, user.id);
      const parts = [
        { type: "text" as const, text: "line 1\nline 2" },
        { type: "attachment" as const, name: "cv.pdf", url: "https://x.test/cv.pdf", contentType: "application/pdf" },
      ];
      await F.makeMessageV2(ctx, chat.id, { parts, attachments: [{ name: "a.png", url: "https://x.test/a.png" }] });
      await F.makeMessage(ctx, chat.id, { content: "plain string" });
      const metadata = { nested: { list: [1, 2.5, null, true], empty: {} }, flag: false };
      await ctx.db.insert(ctx.t.user_activity_logs).values({ user_id: user.id, action_type: "x", action_category: "y", metadata });
      const skill = await F.makeSkill(ctx);
      await ctx.db.insert(ctx.t.skill_attempts).values({ userId: user.id, skillId: skill.id, score: 2, total: 3, selectedAnswers: [0, 3, 2] });

      const [readUser] = await ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.id, user.id));
      expect(readUser.education).toEqual(education);
      expect(readUser.professional_skills).toEqual(["TypeScript", "SQL"]);
      expect(readUser.experience).toEqual([]);
      expect(readUser.certifications).toBeNull();
      const [message] = await ctx.db.select().from(ctx.t.Message_v2);
      expect(message.parts).toEqual(parts);
      expect(message.attachments).toEqual([{ name: "a.png", url: "https://x.test/a.png" }]);
      expect((await ctx.db.select().from(ctx.t.Message))[0].content).toBe("plain string");
      expect((await ctx.db.select().from(ctx.t.user_activity_logs))[0].metadata).toEqual(metadata);
      expect((await ctx.db.select().from(ctx.t.skill_attempts))[0].selectedAnswers).toEqual([0, 3, 2]);
    });

    it("booleans come back as booleans", async () => {
      const ctx = db.ctx;
      const chat = await F.makeChat(ctx, (await F.makeUser(ctx)).id);
      const [m1, m2] = [await F.makeMessageV2(ctx, chat.id), await F.makeMessageV2(ctx, chat.id)];
      await ctx.db.insert(ctx.t.Vote_v2).values([
        { chatId: chat.id, messageId: m1.id, isUpvoted: true },
        { chatId: chat.id, messageId: m2.id, isUpvoted: false },
      ]);
      const votes = await ctx.db.select().from(ctx.t.Vote_v2);
      expect(votes.map((v) => v.isUpvoted).sort()).toEqual([false, true]);
    });
  });
});
