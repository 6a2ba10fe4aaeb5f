/**
 * /communities/<id>/banner: the community's banner, a WebP re-encoded at upload. Public, like the
 * community's about part. The address stays the same when the banner changes, so the answer is
 * revalidated each time (ETag: the stored key; an unchanged banner costs a 304 and no bytes).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { translatorFor } from "~/lib/i18n.server";
import { readBanner } from "~/modules/communities/banner.server";

const notFound = async (request: Request) =>
  new Response((await translatorFor(request))("communities.banner.none"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = uuidOf(params.id);
  if (!id) return notFound(request);
  const file = await readBanner(getCtx(), id);
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
