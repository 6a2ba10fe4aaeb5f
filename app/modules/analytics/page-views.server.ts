/**
 * Recording page views on the server (issue 20, decision 049). The root loader names the view
 * (an id, and who is signed in, in the load context); entry.server.tsx records it once the page
 * is rendered, with its final status and <title>. With JavaScript, the beacon route
 * (routes/analytics.beacon.ts) adds client-side navigations and the time spent on each page.
 */
import type { AppLoadContext } from "@remix-run/node";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { env } from "~/env.server";
import { pageViewBuffer, pageViewsOn, type PageViewBuffer } from "./page-view-buffer.server";
import {
  asksNotToBeTracked,
  boundedSeconds,
  cleanTitle,
  countsAsPageView,
  externalReferrer,
  isBot,
  isPrefetch,
  pagePathOf,
  PAGE_TITLE_MAX,
  titleOfTag,
} from "./page-view-rules";

/** Who is viewing, as the root loader knows them (the accounts area's CurrentUser fits; imported by shape, as accounts imports this area). */
type Viewer = { id: string; sessionId: string };

/** What the root loader knows about the view this request may become. */
export interface PageViewSlot {
  id: string;
  userId: string | null;
  sessionId: string | null;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by the root loader; entry.server.tsx records the view when the page is one. */
    pageView?: PageViewSlot;
  }
}

/**
 * Called by the root loader: remembers who is asking (the session lookup is not done twice) and
 * gives the id the page's beacon reports its time with; null when nothing will be recorded.
 */
export function namePageView(request: Request, context: AppLoadContext | undefined, current: Viewer | null): string | null {
  if (!context || !pageViewsOn()) return null;
  if (!current && asksNotToBeTracked(request.headers)) return null;
  const slot = { id: crypto.randomUUID(), userId: current?.id ?? null, sessionId: current?.sessionId ?? null };
  context.pageView = slot;
  return slot.id;
}

/** This site's host names: PUBLIC_URL's and the request's own. */
function ownHosts(request: Request): string[] {
  const hosts = [new URL(request.url).host];
  const publicUrl = env().PUBLIC_URL;
  if (publicUrl) hosts.push(new URL(publicUrl).host);
  return hosts;
}

/** The <title> of a rendered document, read from the bytes (no copy of the whole page). */
function titleOfDocument(html: Buffer): string | null {
  const start = html.indexOf("<title>");
  if (start < 0 || start > 64_000) return null;
  const end = html.indexOf("</title>", start);
  if (end < 0) return null;
  const raw = html.subarray(start + 7, Math.min(end, start + 7 + PAGE_TITLE_MAX * 8)).toString("utf8");
  return titleOfTag(raw);
}

/** entry.server.tsx: the rendered document, counted when the rules say it is a page view. */
export function recordDocumentView(
  request: Request,
  response: { status: number; contentType: string | null; html: Buffer },
  context: AppLoadContext | undefined,
): void {
  const slot = context?.pageView;
  if (!slot) return;
  const url = new URL(request.url);
  const counts = countsAsPageView({
    method: request.method,
    url,
    headers: request.headers,
    status: response.status,
    contentType: response.contentType,
    signedIn: slot.userId !== null,
  });
  if (!counts) return;
  pageViewBuffer().add({
    id: slot.id,
    user_id: slot.userId,
    session_id: slot.sessionId,
    page_path: pagePathOf(url.pathname),
    page_title: titleOfDocument(response.html),
    referrer: externalReferrer(request.headers.get("Referer"), ownHosts(request)),
    time_on_page: null,
    created_at: new Date(),
  });
}

/** Whether a beacon's request may record anything: a person's browser, not a visitor who said DNT. */
export function beaconMayRecord(request: Request, current: Viewer | null): boolean {
  if (!pageViewsOn() || isBot(request.headers.get("User-Agent")) || isPrefetch(request.headers)) return false;
  return current !== null || !asksNotToBeTracked(request.headers);
}

/** A client-side navigation to a new page, reported by the beacon (path already checked). */
export function recordClientView(view: { id: string; path: string; title: string }, current: Viewer | null): boolean {
  return pageViewBuffer().add({
    id: view.id,
    user_id: current?.id ?? null,
    session_id: current?.sessionId ?? null,
    page_path: pagePathOf(view.path),
    page_title: cleanTitle(view.title),
    referrer: null,
    time_on_page: null,
    created_at: new Date(),
  });
}

/**
 * Sets a view's time on page, once: in the buffer when it is still waiting there, else in the
 * table where it is still empty. Bounded by the time since the view was recorded. A view of
 * another member (or of a member, reported without their session) is left alone.
 */
export async function recordTimeOnPage(
  ctx: Ctx,
  view: { id: string; seconds: number },
  current: Viewer | null,
  buffer: PageViewBuffer = pageViewBuffer(),
  now = new Date(),
): Promise<void> {
  const waiting = buffer.waitingRow(view.id);
  if (waiting) {
    if (waiting.user_id !== null && waiting.user_id !== current?.id) return;
    const seconds = boundedSeconds(view.seconds, now.getTime() - waiting.created_at.getTime());
    if (seconds !== null) buffer.setTime(view.id, seconds);
    return;
  }
  // A batch being inserted: its rows become readable when it is done.
  if (buffer.isWriting(view.id)) await buffer.settled();
  const pv = ctx.t.page_views;
  const [row] = await ctx.db
    .select({ created_at: pv.created_at, user_id: pv.user_id, time_on_page: pv.time_on_page })
    .from(pv)
    .where(eq(pv.id, view.id))
    .limit(1);
  if (!row || row.time_on_page !== null) return;
  if (row.user_id !== null && row.user_id !== current?.id) return;
  const seconds = boundedSeconds(view.seconds, now.getTime() - row.created_at.getTime());
  if (seconds === null) return;
  await ctx.db
    .update(pv)
    .set({ time_on_page: seconds })
    .where(and(eq(pv.id, view.id), isNull(pv.time_on_page)));
}
