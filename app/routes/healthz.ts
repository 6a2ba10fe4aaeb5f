/**
 * Liveness, for Docker's HEALTHCHECK and orchestrators: the process answers. No database call:
 * a database that is down makes the app unready (/readyz), not dead, and restarting it would not help.
 */
export function loader() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
