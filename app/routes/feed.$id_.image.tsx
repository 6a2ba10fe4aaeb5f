/**
 * /feed/<id>/image: a post's image, a WebP re-encoded at upload without metadata. Public like the
 * post; 404 when the post has none or a moderator hid it. The address stays the same when the
 * image changes, so the answer is revalidated each time (ETag: the stored key; an unchanged image
 * costs a 304 and no bytes, and a hidden post's image stops at once).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { translatorFor } from "~/lib/i18n.server";
import { readFeedImage } from "~/modules/feed/image.server";

const notFound = async (request: Request) =>
  new Response((await translatorFor(request))("feed.image.none"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = uuidOf(params.id);
  if (!id) return notFound(request);
  const file = await readFeedImage(getCtx(), id);
  if (!file) return notFound(request);
  const etag = `"${file.key}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if ((request.headers.get("If-None-Match") ?? "").split(",").some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...headers, "Content-Type": file.contentType, "Content-Length": String(file.bytes.length) },
  });
}
