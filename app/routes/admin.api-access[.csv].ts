/** Every API-access sign-up as a CSV download (admins only), streamed in keyset batches; its header row in the requester's language. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { csvResponse } from "~/modules/admin/export.server";
import { apiAccessExport } from "~/modules/admin/signups.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return csvResponse(apiAccessExport(getCtx(), undefined, await translatorFor(request)), "ladder-api-access-sign-ups");
}
