/**
 * Lets the browser tests see each error page (403, 404, 500...) rendered by the real app.
 * Answers 404 unless the server runs with ENABLE_TEST_ROUTES=1.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  if (env().ENABLE_TEST_ROUTES !== "1") throw new Response(null, { status: 404 });
  const status = Number(params.status);
  if (status === 500) throw new Error("a deliberate failure for the error page test (secret detail)");
  if (Number.isInteger(status) && status >= 400 && status < 600) throw new Response("", { status });
  throw new Response(null, { status: 404 });
}

export default function TestErrors() {
  return null;
}
