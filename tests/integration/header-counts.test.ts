/**
 * The header's counts, on both databases: unread direct messages, and the posts waiting for the
 * career team, shown only to those who can review them.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { unreadMessageCount } from "../../app/modules/messages/conversations.server";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeJob, makeUserMessage } from "../support/factories";

describeEachDatabase("The header's counts", (db) => {
  it("counts the messages to a member that they have not read, from every conversation, and nothing else", async () => {
    const me = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const c = await createMember(db.ctx);
    const m = db.ctx.t.user_messages;
    await makeUserMessage(db.ctx, b.id, me.id);
    await makeUserMessage(db.ctx, c.id, me.id);
    const read = await makeUserMessage(db.ctx, c.id, me.id);
    await db.ctx.db.update(m).set({ is_read: true }).where(eq(m.id, read.id));
    // Mine to others, unread by them, and others' conversations never count.
    await makeUserMessage(db.ctx, me.id, b.id);
    await makeUserMessage(db.ctx, b.id, c.id);
    expect(await unreadMessageCount(db.ctx, me.id)).toBe(2);
    expect(await unreadMessageCount(db.ctx, c.id)).toBe(1);
  });

  it("shows unread messages in the header, and Review with the waiting posts only to the career team and admins", async () => {
    const member = await createMember(db.ctx, { role: "user" });
    const career = await createMember(db.ctx, { role: "career_team" });
    const friend = await createMember(db.ctx);
    await makeUserMessage(db.ctx, friend.id, member.id);
    const job = await makeJob(db.ctx, "jobs", { posted_by_user_id: member.id });
    await db.ctx.db.insert(db.ctx.t.job_postings).values({ feed: "general", job_id: job.job_id, status: "pending" });

    const asMember = await appClient(db.ctx);
    await asMember.signIn(member);
    const memberHome = (await asMember.get("/")).html;
    expect(textOf(memberHome)).toContain("Messages 1 unread");
    expect(memberHome).not.toContain('href="/jobs/review"');

    const asCareer = await appClient(db.ctx);
    await asCareer.signIn(career);
    const careerHome = (await asCareer.get("/")).html;
    expect(careerHome).toContain('href="/jobs/review"');
    expect(textOf(careerHome)).toMatch(/Review 1 waiting/);
  });
});
