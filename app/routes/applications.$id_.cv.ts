/**
 * /applications/<id>/cv: the application's CV, as an attachment, only for the applicant, the job's
 * poster, career team and admins (decided in the query; everyone else gets 404, visitors sign in).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { cvForViewer } from "~/modules/jobs/applications.server";

const notFound = async (request: Request) =>
  new Response((await translatorFor(request))("applications.cv.notFound"), {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await cvForViewer(getCtx(), { id: user.id, role: user.role ?? "user" }, (params.id ?? "").toLowerCase());
  if (!file) return notFound(request);
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
