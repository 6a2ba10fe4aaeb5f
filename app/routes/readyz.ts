/**
 * Readiness, for load balancers: 200 when the database answers and has every migration of this
 * build applied; 503 with a short reason otherwise (decision 059).
 */
import { getCtx, missingMigrations, ping } from "~/db.server";

const headers = { "Cache-Control": "no-store" };

export async function loader() {
  const ctx = getCtx();
  const started = performance.now();
  try {
    await ping(ctx);
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable", database: ctx.dialect }, { status: 503, headers });
  }
  try {
    const missing = await missingMigrations(ctx);
    if (missing.length > 0) {
      return Response.json({ status: "unavailable", reason: `${missing.length} migration(s) not applied`, database: ctx.dialect }, { status: 503, headers });
    }
  } catch {
    return Response.json({ status: "unavailable", reason: "migrations could not be read", database: ctx.dialect }, { status: 503, headers });
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return Response.json({ status: "ok", database: ctx.dialect, ms }, { headers });
}
