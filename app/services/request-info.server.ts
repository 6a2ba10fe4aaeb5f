import type { AppLoadContext } from "@remix-run/node";

/** The client's address as Express saw it (behind a proxy only when trusted), for limits and logs. */
export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null;
}

export function userAgentOf(request: Request): string | null {
  return request.headers.get("User-Agent");
}
