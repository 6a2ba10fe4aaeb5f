/**
 * Demo reports of the anonymous feed (issue 17, items 6 and 8; decision 043): open reports in the
 * moderators' queue (/moderation/reports) with reasons and a few words, one report dismissed, and
 * one post and one comment a moderator hid (their reports closed as 'hidden'). Built from the demo
 * posts and comments already planned, so it follows whatever posts the demo has; reporters are
 * demo members other than the five logins and never the author of what they report.
 */
import type { Row, TableName } from "./insert";
import { uuidFor } from "./random";

type Rows = { [K in TableName]: Row<K>[] };

const HOUR = 3_600_000;

/** Open reports: [post index, reason, words] per reporter, and one comment. */
const OPEN_POST_REPORTS: [number, string, string | null][][] = [
  [
    [2, "other", "Reads like an advert for a WhatsApp group."],
    [2, "spam", null],
  ],
  [[6, "false_information", "The project is easy to recognise from this."]],
  [
    [11, "harassment", null],
    [11, "other", "Not sure this belongs on the feed."],
    [11, "spam", null],
  ],
];

export function addDemoFeedReports(rows: Rows, now: number): void {
  const posts = rows.anonymous_post;
  const comments = rows.anonymous_comment;
  const members = rows.User.slice(5).map((u) => u.id!);
  const moderator = rows.User.find((u) => u.email === "moderator@demo.test")?.id ?? null;
  if (posts.length === 0 || members.length < 4) return;
  const at = (from: Date | undefined, hours: number) => new Date(Math.min(now - HOUR, (from?.getTime() ?? now - 48 * HOUR) + hours * HOUR));
  /** The k-th demo member who did not write `authorId`'s words. */
  const reporter = (seed: number, k: number, authorId: string) => {
    const others = members.filter((id) => id !== authorId);
    return others[(seed * 7 + k * 5) % others.length];
  };
  const report = (key: string, target: { postId?: string; commentId?: string }, reporterId: string, reason: string, details: string | null, when: Date, decided?: { status: "hidden" | "dismissed"; at: Date }) =>
    rows.anonymous_reports.push({
      id: uuidFor(`anonymous_report:${key}`),
      post_id: target.postId ?? null,
      comment_id: target.commentId ?? null,
      reporter_id: reporterId,
      reason,
      details,
      status: decided?.status ?? "open",
      decided_by: decided ? moderator : null,
      decided_at: decided?.at ?? null,
      created_at: when,
    });

  // Open reports of three posts (two, one and three reporters).
  for (const group of OPEN_POST_REPORTS) {
    group.forEach(([index, reason, details], k) => {
      const post = posts[index % posts.length];
      report(`post:${index}:${k}`, { postId: post.id }, reporter(index, k, post.user_id), reason, details, at(post.created_at, 5 + k * 7));
    });
  }
  // An open report of the first comment.
  const asking = comments[0];
  if (asking) report("comment:0", { commentId: asking.id }, reporter(31, 0, asking.user_id), "other", "Seems aimed at one person rather than the question.", at(asking.created_at, 2));
  // A report a moderator dismissed.
  const fine = posts[3 % posts.length];
  report("post:3:dismissed", { postId: fine.id }, reporter(3, 0, fine.user_id), "other", null, at(fine.created_at, 4), { status: "dismissed", at: at(fine.created_at, 20) });
  // A post and a comment a moderator hid: the rows stay (counters unchanged), readers see "Removed by a moderator".
  const hiddenPost = posts[9 % posts.length];
  const hiddenAt = at(hiddenPost.created_at, 30);
  report("post:9:hidden", { postId: hiddenPost.id }, reporter(9, 0, hiddenPost.user_id), "spam", "Copies the same course advert in every topic.", at(hiddenPost.created_at, 6), { status: "hidden", at: hiddenAt });
  rows.anonymous_post_removals.push({ post_id: hiddenPost.id!, removed_by: moderator, removed_at: hiddenAt });
  const hiddenComment = comments.find((c) => c.post_id !== hiddenPost.id && c.id !== asking?.id && c.content.startsWith("Brand names")) ?? comments.find((c) => c.id !== asking?.id);
  if (hiddenComment) {
    const when = at(hiddenComment.created_at, 8);
    report("comment:hidden", { commentId: hiddenComment.id }, reporter(17, 1, hiddenComment.user_id), "harassment", null, at(hiddenComment.created_at, 3), { status: "hidden", at: when });
    rows.anonymous_comment_removals.push({ comment_id: hiddenComment.id!, removed_by: moderator, removed_at: when });
  }
}
