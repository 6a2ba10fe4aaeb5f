/**
 * GET /interviews/<id>/export.md (issue 19, item 6): one of the member's interviews as a Markdown
 * file (ladder-interview-2026-12-06-behavioral.md), headings in the member's language. Only the
 * owner; anyone else gets 404 (the member is in the query's WHERE).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { interviewInFull } from "~/modules/interviews/history.server";
import { exportFilename, interviewMarkdown } from "~/modules/interviews/history-markdown";

const PRIVATE = { "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const interview = await interviewInFull(getCtx(), user.id, params.id ?? "");
  if (!interview) {
    return new Response(t("interviewsHistory.detail.notFound"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...PRIVATE } });
  }
  return new Response(interviewMarkdown(interview, t, formatDate(interview.interviewDate, lang)), {
    status: 200,
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(interview)}"`,
      ...PRIVATE,
    },
  });
}
