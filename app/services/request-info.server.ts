import type { AppLoadContext } from "@remix-run/node";
import { env } from "~/env.server";
import { trimEndChars } from "~/lib/text";

/** The client's address as Express saw it (behind a proxy only when trusted), for limits and logs. */
export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null;
}

export function userAgentOf(request: Request): string | null {
  return request.headers.get("User-Agent");
}

/**
 * The address for links in mail and shared links. PUBLIC_URL when set. Without it, production
 * never trusts the request's Host header (a forged Host would put an attacker's address in a
 * reset mail) and uses http://localhost:PORT; development and tests use the request's origin.
 */
export function publicOrigin(request: Request): string {
  const e = env();
  if (e.PUBLIC_URL) return trimEndChars(e.PUBLIC_URL, "/");
  if (e.NODE_ENV === "production") return `http://localhost:${e.PORT}`;
  return new URL(request.url).origin;
}
