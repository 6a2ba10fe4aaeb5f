/** A CSV export as a streamed download: one batch of rows at a time, never the whole table in memory. */
import { csvFileName, csvLine, type CsvExport } from "~/lib/csv";

export function csvResponse(data: CsvExport, baseName: string, now = new Date()): Response {
  const encoder = new TextEncoder();
  const rows = data.rows();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark so spreadsheet programs read the UTF-8 names (Arabic, Hindi...) right.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(data.header)}`));
    },
    async pull(controller) {
      let chunk = "";
      try {
        for (let i = 0; i < 200; i++) {
          const next = await rows.next();
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += csvLine(next.value);
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(baseName, now)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
