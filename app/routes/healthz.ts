/** Load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
import { getCtx, ping } from "~/db.server";

export async function loader() {
  const ctx = getCtx();
  const started = performance.now();
  try {
    await ping(ctx);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: ctx.dialect, ms }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: ctx.dialect }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
