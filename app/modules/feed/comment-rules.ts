/**
 * The post page's rules that need no database (issue 17, items 3, 4 and 7): the limits of a
 * comment, the addresses of a post, its comments and their like buttons, and the anchors a like or
 * a comment comes back to. No server-only imports: components use them.
 */

/** At most this many characters in a comment (plain text; links become clickable when shown). */
export const COMMENT_CONTENT_MAX = 2_000;
/** Comments on one page of a post, oldest first. */
export const COMMENTS_PAGE_SIZE = 30;
/** How much of a post or comment a notification quotes. */
export const EXCERPT_MAX = 80;

export type LikeIntent = "like" | "unlike";
export const isLikeIntent = (value: unknown): value is LikeIntent => value === "like" || value === "unlike";

export const feedPostPath = (postId: string) => `/feed/${postId}`;
export const postLikePath = (postId: string) => `/feed/${postId}/like`;
export const commentPath = (postId: string, commentId: string) => `/feed/${postId}/comments/${commentId}`;
export const commentLikePath = (postId: string, commentId: string) => `${commentPath(postId, commentId)}/like`;

/** The element ids a like or a comment comes back to (ids of posts and comments only, never of people). */
export const postAnchor = (postId: string) => `post-${postId}`;
export const commentAnchor = (commentId: string) => `comment-${commentId}`;
export const COMMENTS_ANCHOR = "comments";
export const COMMENT_FORM_ANCHOR = "comment-form";

/** The sign-in page, coming back to `back` (a local path). */
export const signInPath = (back: string) => `/login?redirectTo=${encodeURIComponent(back)}`;

/** The start of a text for a notification: its first line, cut at EXCERPT_MAX characters with "…". */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const first = text.trim().split("\n")[0].trim();
  const chars = [...first];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : first;
}

/**
 * Where a like's plain form goes back to: the page it was sent from (`back`, already checked to be
 * local) without its own anchor, then the anchor of the thing liked.
 */
export function backWithAnchor(back: string, anchor: string): string {
  const hash = back.indexOf("#");
  return `${hash === -1 ? back : back.slice(0, hash)}#${anchor}`;
}
