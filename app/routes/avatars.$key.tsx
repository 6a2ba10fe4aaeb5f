/**
 * /avatars/<key>: a stored profile photo. Keys are random and never reused, so the answer may be
 * cached for a year; the stored type (found by magic bytes at upload) is sent with nosniff.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorFor } from "~/lib/i18n.server";
import { isAvatarKey } from "~/modules/profile/rules";
import { storage } from "~/services/storage.server";

const notFound = async (request: Request) =>
  new Response((await translatorFor(request))("profile.photo.noSuchPhoto"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = params.key ?? "";
  if (!isAvatarKey(key)) return notFound(request);
  const file = await storage().get(key);
  if (!file) return notFound(request);
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Disposition": "inline",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
