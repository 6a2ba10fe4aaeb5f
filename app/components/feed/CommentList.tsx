/**
 * A post's comments, oldest first (issue 17, item 3): each with who wrote it (AuthorLine), when,
 * "edited", its text with links clickable, its like button, and the author's or a member's links;
 * a hidden comment keeps its place and says "Removed by a moderator".
 *
 * "More comments" is a plain link to the next page (?after=<cursor>) that works without
 * JavaScript; with JavaScript it fetches that page's comments through a fetcher and adds them
 * below, moving the focus to the first new one.
 */
import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { PostText } from "~/components/communities/PostCard";
import { AuthorLine } from "~/components/feed/AuthorLine";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { LikeButton } from "~/components/feed/LikeButton";
import { MetaLine } from "~/components/ui/Meta";
import { useT } from "~/lib/i18n";
import { COMMENT_CONTENT_MAX, COMMENT_FORM_ANCHOR, commentAnchor, commentLikePath, commentPath } from "~/modules/feed/comment-rules";
// The shape is made on the server (post-page.server.ts); a type-only import leaves no server code here.
import type { FeedCommentView } from "~/modules/feed/post-page.server";

export type { FeedCommentView };

/** What the post page's loader answers, as far as this list reads it (the next page, fetched in place). */
export interface CommentsPageData {
  comments: FeedCommentView[];
  nextHref: string | null;
}

interface CommentListProps extends CommentsPageData {
  postId: string;
  signedIn: boolean;
  /** The post is hidden: its comments cannot be liked. */
  postRemoved: boolean;
}

export function CommentList({ postId, comments, nextHref, signedIn, postRemoved }: CommentListProps) {
  const t = useT();
  const fetcher = useFetcher<CommentsPageData>();
  const [more, setMore] = useState<FeedCommentView[]>([]);
  // undefined until a page was fetched here: until then the next page is the loader's.
  const [fetchedNext, setFetchedNext] = useState<string | null | undefined>(undefined);
  const next = fetchedNext === undefined ? nextHref : fetchedNext;
  const firstNew = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const page = fetcher.state === "idle" ? fetcher.data : undefined;
    if (!page || !Array.isArray(page.comments)) return;
    setMore((shown) => {
      const known = new Set([...comments, ...shown].map((comment) => comment.id));
      const added = page.comments.filter((comment) => !known.has(comment.id));
      firstNew.current = added[0]?.id ?? null;
      return [...shown, ...added];
    });
    setFetchedNext(page.nextHref);
  }, [fetcher.state, fetcher.data, comments]);

  useEffect(() => {
    if (!firstNew.current) return;
    listRef.current?.querySelector<HTMLElement>(`#${commentAnchor(firstNew.current)}`)?.focus();
    firstNew.current = null;
  }, [more]);

  const loadMore = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!next || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    fetcher.load(next.split("#")[0]);
  };

  const shown = [...comments, ...more];
  return (
    <>
      {shown.length > 0 ? (
        <ol ref={listRef} className="list">
          {shown.map((comment) => (
            <li key={comment.id} id={commentAnchor(comment.id)} data-comment-id={comment.id} tabIndex={-1} className="space-y-1.5 focus:outline-none focus-visible:ring-2">
              <CommentItem postId={postId} comment={comment} signedIn={signedIn} postRemoved={postRemoved} />
            </li>
          ))}
        </ol>
      ) : null}
      {next ? (
        <p>
          <Link to={next} onClick={loadMore} aria-disabled={fetcher.state !== "idle" || undefined}>
            {fetcher.state === "loading" ? t("feedPost.comments.loading") : t("feedPost.comments.more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function CommentItem({ postId, comment, signedIn, postRemoved }: { postId: string; comment: FeedCommentView; signedIn: boolean; postRemoved: boolean }) {
  const t = useT();
  const href = commentPath(postId, comment.id);
  if (comment.removed) {
    return (
      <>
        <p className="italic text-stone-600">{t("feedPost.comment.removed")}</p>
        <MetaLine parts={[comment.when]} />
      </>
    );
  }
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <AuthorLine author={comment.author} mine={comment.mine} />
        <MetaLine parts={[comment.when, comment.edited ? t("feedPost.post.edited") : null]} />
      </div>
      <PostText parts={comment.parts} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <LikeButton action={commentLikePath(postId, comment.id)} liked={comment.liked} count={comment.likesCount} signedIn={signedIn} kind="comment" disabled={postRemoved} />
        {signedIn && comment.mine ? (
          <>
            {postRemoved ? null : (
              <Link to={`${href}/edit`} className="text-sm">
                {t("feedPost.comment.edit")}
              </Link>
            )}
            <Link to={`${href}/delete`} className="text-sm">
              {t("feedPost.comment.delete")}
            </Link>
          </>
        ) : null}
        {signedIn && !comment.mine && !postRemoved ? (
          <Link to={`${href}/report`} className="text-sm">
            {t("feedPost.comment.report")}
          </Link>
        ) : null}
      </div>
    </>
  );
}

export interface CommentFormProps {
  /** Where it posts: the post page (a new comment) or the comment's edit page. */
  action: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  /** The form came back from the server (then an unticked box stays unticked). */
  submitted: boolean;
  /** A new comment offers "comment anonymously" (ticked by default); an edit changes the text only. */
  kind: "new" | "edit";
  /** The member's anonymous name (null: none chosen yet). */
  anonymousName?: string | null;
  cancelHref?: string;
}

/**
 * A comment's form: the text (at most COMMENT_CONTENT_MAX characters), and for a new comment
 * "comment anonymously", ticked by default. A member with no anonymous name who leaves it ticked
 * is told beside the box to choose one (or untick it), with what they typed kept.
 */
export function CommentForm({ action, values, errors = {}, submitted, kind, anonymousName = null, cancelHref }: CommentFormProps) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formAction === action;
  const labels = { content: kind === "new" ? t("feedPost.form.contentLabel") : t("feedPost.form.contentEditLabel"), is_anonymous: t("feedPost.form.anonymousLabel") };
  const anonymousChecked = submitted ? Boolean(values.is_anonymous) : true;
  const anonymousError = errors.is_anonymous;
  return (
    <Form method="post" action={action} id={COMMENT_FORM_ANCHOR} className="space-y-3" noValidate>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      <TextareaField
        label={labels.content}
        name="content"
        rows={kind === "new" ? 3 : 5}
        dir="auto"
        hint={t("feedPost.form.contentHint", { max: COMMENT_CONTENT_MAX })}
        defaultValue={values.content ?? ""}
        error={errors.content}
      />
      {kind === "new" ? (
        <div className="space-y-1">
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              id="is_anonymous"
              name="is_anonymous"
              value="1"
              defaultChecked={anonymousChecked}
              className="h-5 w-5"
              aria-invalid={anonymousError ? true : undefined}
              aria-describedby={anonymousError ? "is_anonymous-hint is_anonymous-error" : "is_anonymous-hint"}
            />
            {labels.is_anonymous}
          </label>
          <p id="is_anonymous-hint" className="text-sm text-stone-600">
            {anonymousName ? (
              t("feedPost.form.anonymousAs", { name: anonymousName })
            ) : (
              <>
                {t("feedPost.form.anonymousNone")} <Link to="/settings/profile">{t("feedPost.form.chooseName")}</Link>
              </>
            )}
          </p>
          {anonymousError ? (
            <p id="is_anonymous-error" className="text-sm font-medium text-red-800">
              {anonymousError} <Link to="/settings/profile">{t("feedPost.form.chooseName")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={busy}>{busy ? t("feedPost.form.saving") : kind === "new" ? t("feedPost.form.submit") : t("feedPost.form.save")}</Button>
        {cancelHref ? <Link to={cancelHref}>{t("feedPost.form.cancel")}</Link> : null}
      </div>
    </Form>
  );
}
