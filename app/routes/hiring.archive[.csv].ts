/** /hiring/archive.csv?q=…: the viewer's archive cards (admins: every card) as a CSV download, the list's filter, streamed in keyset batches; its header row in the viewer's language. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { csvResponse } from "~/modules/admin/export.server";
import { ARCHIVE_CSV_COLUMNS, ARCHIVE_QUERY_MAX, cardsExport, recordExport } from "~/modules/hiring/archive.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, ARCHIVE_QUERY_MAX);
  const ctx = getCtx();
  const viewer = { id: user.id, role: user.role };
  await recordExport(ctx, viewer);
  return csvResponse(cardsExport(ctx, viewer, q, ARCHIVE_CSV_COLUMNS.map((c) => t(`archive.csv.${c}`))), "ladder-archive");
}
