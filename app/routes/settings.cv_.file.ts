/** /settings/cv/file: the member's own saved CV, as an attachment; nobody else's (404). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readSavedCv, savedCvOf } from "~/modules/profile/cv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const saved = await savedCvOf(ctx, user.id);
  const file = saved ? await readSavedCv(ctx, user.id, saved.uploadId) : null;
  if (!file) {
    return new Response((await translatorFor(request))("profile.cv.noFile"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
    });
  }
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
