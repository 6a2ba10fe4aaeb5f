/**
 * The real app, in process: the production build (root loader, CSRF, error boundary and all)
 * answering Requests against a test database, with a small cookie-keeping client.
 *
 *   const member = await createMember(db.ctx, { role: "user" });
 *   const browser = await appClient(db.ctx);
 *   await browser.signIn(member);
 *   const res = await browser.post("/settings/password", { current_password: "...", new_password: "..." });
 */
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { inject } from "vitest";
import type { Ctx } from "../../db/client";
import type { UserRole } from "../../db/enums";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { hashToken, newToken } from "../../app/modules/accounts/sessions.server";
import { connect } from "../../app/modules/network/connections.server";
import { eq } from "drizzle-orm";

// The app reads its environment once, at its first request: set what tests rely on first.
process.env.SESSION_SECRET ??= "integration-tests-secret-0123456789abcdef";
process.env.LOG_REQUESTS = "off";
// Page views are recorded only where a test asks for them (page-views.test.ts): a buffered row
// written a second later would land in whichever test database is current by then.
process.env.ANALYTICS_PAGE_VIEWS ??= "off";
// Uploaded files (profile photos) go to this test process's own folder, never to data/uploads.
process.env.UPLOADS_DIR ??= path.join(os.tmpdir(), `ladder-test-uploads-${process.pid}`);

declare global {
  var __ladderCtx: Ctx | undefined;
}

let handler: ((request: Request, context: Record<string, unknown>) => Promise<Response>) | undefined;

async function appHandler() {
  if (!handler) {
    const build = (await import(pathToFileURL(inject("appBuildPath")).href)) as ServerBuild;
    const handle = createRequestHandler(build, "production");
    handler = (request, context) => handle(request, context as never);
  }
  return handler;
}

export interface Member {
  id: string;
  email: string;
  password: string;
  role: UserRole;
  name: string;
}

let memberCounter = 0;
// One hash for every test member: argon2id at 19 MiB costs ~10 ms, and members are many.
let sharedHash: Promise<string> | undefined;
export const MEMBER_PASSWORD = "correct horse battery staple";

/** Inserts a member with a known password (MEMBER_PASSWORD unless given). */
export async function createMember(
  ctx: Ctx,
  options: { role?: UserRole; email?: string; password?: string; name?: string } = {},
): Promise<Member> {
  const n = ++memberCounter;
  const role = options.role ?? "user";
  const email = options.email ?? `member${n}-${role}-${process.pid}@test.ladder`;
  const password = options.password ?? MEMBER_PASSWORD;
  const hashed = options.password ? await hashPassword(password) : await (sharedHash ??= hashPassword(MEMBER_PASSWORD));
  const name = options.name ?? `Member ${n}`;
  const [row] = await ctx.db
    .insert(ctx.t.User)
    .values({ email, password: hashed, name, role, provider: "password", createdAt: new Date(), referral_code: `REF${process.pid}X${n}` })
    .returning({ id: ctx.t.User.id });
  return { id: row.id, email, password, role, name };
}

export interface AppResponse {
  status: number;
  headers: Headers;
  html: string;
  /** The Location of a redirect, if any. */
  location: string | null;
}

export interface PostOptions {
  /** false: send no CSRF token; a string: send this one. Default: this browser's valid token. */
  csrf?: boolean | string;
  headers?: Record<string, string>;
}

export class AppClient {
  readonly cookies = new Map<string, string>();
  private csrfCache: string | null = null;

  constructor(
    readonly ctx: Ctx,
    /** The address the app sees (rate limits per IP). */
    public ip = "127.0.0.1",
  ) {}

  async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<AppResponse> {
    globalThis.__ladderCtx = this.ctx;
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    headers.set("User-Agent", headers.get("User-Agent") ?? "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36 ladder-tests");
    // duplex: Node needs it for a streamed body (a test of an upload of unknown size).
    const request = new Request(new URL(path, "http://localhost"), {
      method,
      headers,
      body: init.body,
      redirect: "manual",
      duplex: "half",
    } as RequestInit);
    const response = await (await appHandler())(request, { nonce: "test-nonce", clientIp: this.ip });
    this.storeCookies(response.headers);
    return { status: response.status, headers: response.headers, html: await response.text(), location: response.headers.get("Location") };
  }

  get(path: string, headers?: Record<string, string>): Promise<AppResponse> {
    return this.request("GET", path, { headers });
  }

  /** A form POST as a browser sends it (urlencoded, or multipart when `fields` is FormData). */
  async post(path: string, fields: Record<string, string> | FormData = {}, options: PostOptions = {}): Promise<AppResponse> {
    const token = options.csrf === false ? null : typeof options.csrf === "string" ? options.csrf : await this.csrfToken();
    let body: BodyInit;
    const headers = { ...options.headers };
    if (fields instanceof FormData) {
      if (token !== null) fields.set("csrf", token);
      // As a browser sends a form: the multipart body with its boundary and its length.
      const encoded = new Response(fields);
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      headers["Content-Type"] ??= encoded.headers.get("Content-Type") ?? "multipart/form-data";
      headers["Content-Length"] ??= String(bytes.byteLength);
      body = bytes;
    } else {
      const params = new URLSearchParams(fields);
      if (token !== null) params.set("csrf", token);
      body = params;
    }
    return this.request("POST", path, { body, headers });
  }

  /** This browser's CSRF token, read from a page's form as a person's browser would. */
  async csrfToken(): Promise<string> {
    if (this.csrfCache) return this.csrfCache;
    const page = await this.get("/settings/lite");
    const match = /name="csrf" value="([^"]+)"/.exec(page.html);
    if (!match) throw new Error(`no CSRF token on /settings/lite (status ${page.status})`);
    this.csrfCache = match[1];
    return this.csrfCache;
  }

  /** Signs in as `member` by creating a session directly (no password round trip). */
  async signIn(member: { id: string }): Promise<string> {
    const token = newToken();
    await this.ctx.db.insert(this.ctx.t.user_sessions).values({
      user_id: member.id,
      session_token: hashToken(token),
      ip_address: this.ip,
      user_agent: "ladder-tests",
      device_type: "desktop",
      browser: "Chrome",
      os: "Linux",
      is_active: true,
    });
    this.cookies.set("ladder_session", token);
    this.csrfCache = null;
    return token;
  }

  /** Signs in through the real sign-in form. */
  async signInWithPassword(member: { email: string; password: string }): Promise<AppResponse> {
    const res = await this.post("/login", { email: member.email, password: member.password, redirectTo: "/" });
    this.csrfCache = null;
    return res;
  }

  signOut(): void {
    this.cookies.delete("ladder_session");
    this.csrfCache = null;
  }

  private storeCookies(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
      if (name === "ladder_session" || name === "ladder_anon") this.csrfCache = null;
    }
  }
}

export async function appClient(ctx: Ctx, options: { ip?: string } = {}): Promise<AppClient> {
  return new AppClient(ctx, options.ip);
}

/**
 * Confirms the waiting sign-up of `email` as its mail's link would, for tests whose subject is not
 * the mail: the row's link token is replaced by a known one, which `browser` then posts (it ends
 * up signed in). Returns the answer (302 to where the new member was going).
 */
export async function confirmSignUp(browser: AppClient, email: string): Promise<AppResponse> {
  const token = newToken();
  const c = browser.ctx.t.sign_up_confirmations;
  const updated = await browser.ctx.db
    .update(c)
    .set({ token_hash: hashToken(token) })
    .where(eq(c.email, email.trim().toLowerCase()))
    .returning({ id: c.id });
  if (updated.length !== 1) throw new Error(`no waiting sign-up for ${email}`);
  return browser.post(`/signup/confirm/${token}`);
}

/** A client already signed in as `member`. */
export async function signedInClient(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

/** Two new members, Layla Haddad (`a`) and Dina Saleh (`b`), connected with each other. */
export async function connectedMembers(ctx: Ctx): Promise<{ a: Member; b: Member }> {
  const a = await createMember(ctx, { name: "Layla Haddad" });
  const b = await createMember(ctx, { name: "Dina Saleh" });
  await connect(ctx, { me: a.id, otherId: b.id });
  await connect(ctx, { me: b.id, otherId: a.id });
  return { a, b };
}

/** The text of an HTML page without tags, for assertions about what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}
