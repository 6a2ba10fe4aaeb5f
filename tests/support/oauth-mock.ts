/**
 * A stand-in for Google's OAuth 2 / OpenID endpoints on 127.0.0.1: oauth2-mock-server (which
 * signs real JWTs, serves /jwks and /.well-known/openid-configuration, and approves every
 * /authorize at once), behind a small node:http front that makes it strict where Ladder's
 * security depends on it:
 *
 * - PKCE is enforced. /authorize remembers the code_challenge (S256 or plain) of each code it
 *   issues; /token refuses with 400 invalid_grant a code it does not know or already exchanged,
 *   a redirect_uri other than the one given at /authorize, and a code_verifier that is missing
 *   or does not hash to the challenge. (The library alone would accept a token request that
 *   simply leaves the verifier out.)
 * - Each code, then each access token, belongs to one person, so /userinfo answers for the
 *   person who consented, even when tests run in parallel against one mock.
 *
 * Who signs in (the userinfo answer: sub, email, email_verified, name, picture), decided at
 * /authorize, first match wins:
 *   1. `login_hint` on the /authorize URL: that email, verified.
 *   2. A cookie `oauth_mock_user` the browser sends to the mock: encodeURIComponent(JSON of a
 *      MockUser). Browser tests set it with context.addCookies (per browser context: no races).
 *   3. The mock's current default: `user` given to startOAuthMock, `mock.setUser(...)`, or
 *      `POST /__next-user` with a JSON MockUser body (answers 204).
 * A MockUser with `deny: true` refuses consent: the browser returns with error=access_denied.
 *
 *   In tests:  const mock = await startOAuthMock({ port: 3191, user: { email: "a@b.test" } });
 *   For Playwright's webServer:  npx tsx tests/support/oauth-mock.ts --port 3190
 */
import crypto from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { OAuth2Issuer, OAuth2Service } from "oauth2-mock-server";

export interface MockUser {
  email: string;
  /** Default true. */
  email_verified?: boolean;
  name?: string;
  picture?: string;
  /** Google's stable account id; default: derived from the email. */
  sub?: string;
  /** Refuse consent: the callback gets error=access_denied. */
  deny?: boolean;
}

export interface MockEvent {
  endpoint: "authorize" | "token" | "userinfo";
  ok: boolean;
  /** Why the mock refused, when it did. */
  reason?: string;
  /** The query (authorize) or form body (token) as sent, code_verifier included. */
  params: Record<string, string>;
}

export interface OAuthMock {
  url: string;
  port: number;
  /** The default person for /authorize requests that name nobody (see above). */
  setUser(user: MockUser): void;
  /** Every /authorize, /token and /userinfo request, in order. */
  events: MockEvent[];
  stop(): Promise<void>;
}

export const MOCK_USER_COOKIE = "oauth_mock_user";
const DEFAULT_USER: MockUser = { email: "mock.member@example.test", name: "Mock Member" };

interface PendingCode {
  challenge: string | null;
  method: string;
  redirectUri: string;
  clientId: string;
  user: MockUser;
}

export function userinfoOf(user: MockUser): Record<string, unknown> {
  const name = user.name ?? user.email.split("@")[0];
  return {
    sub: user.sub ?? `mock-${crypto.createHash("sha256").update(user.email.toLowerCase()).digest("hex").slice(0, 21)}`,
    email: user.email,
    email_verified: user.email_verified ?? true,
    name,
    given_name: name.split(" ")[0],
    family_name: name.split(" ").slice(1).join(" ") || undefined,
    ...(user.picture === undefined ? {} : { picture: user.picture }),
  };
}

/** RFC 7636 4.1: 43 to 128 unreserved characters. */
const VERIFIER_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;

function pkceMatches(verifier: string, challenge: string, method: string): boolean {
  const derived = method === "S256" ? crypto.createHash("sha256").update(verifier).digest("base64url") : verifier;
  return derived.length === challenge.length && crypto.timingSafeEqual(Buffer.from(derived), Buffer.from(challenge));
}

function cookieUser(header: string | undefined): MockUser | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== MOCK_USER_COOKIE) continue;
    try {
      const value = JSON.parse(decodeURIComponent(part.slice(index + 1).trim())) as MockUser;
      if (typeof value?.email === "string") return value;
    } catch {
      return null;
    }
  }
  return null;
}

function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

export async function startOAuthMock(options: { port: number; host?: string; user?: MockUser }): Promise<OAuthMock> {
  const host = options.host ?? "127.0.0.1";
  const issuer = new OAuth2Issuer();
  issuer.url = `http://${host}:${options.port}`;
  await issuer.keys.generate("RS256");
  const service = new OAuth2Service(issuer);

  let defaultUser = options.user ?? DEFAULT_USER;
  const events: MockEvent[] = [];
  const pending = new Map<string, PendingCode>();
  const tokens = new Map<string, MockUser>();
  // What the front learned about a request, for the library's hooks that see the same request.
  const authorizing = new WeakMap<http.IncomingMessage, Omit<PendingCode, "redirectUri" | "clientId"> & { redirectUri: string; clientId: string }>();
  const exchanging = new WeakMap<http.IncomingMessage, MockUser>();

  service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: http.IncomingMessage) => {
    const info = authorizing.get(req);
    const code = redirect.url.searchParams.get("code");
    if (info && code) pending.set(code, info);
  });
  service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, req: http.IncomingMessage) => {
    const user = exchanging.get(req);
    if (!user) return;
    const info = userinfoOf(user);
    Object.assign(token.payload, { sub: info.sub, email: info.email, email_verified: info.email_verified });
  });
  service.on("beforeResponse", (response: { body: Record<string, unknown>; statusCode: number }, req: http.IncomingMessage) => {
    const user = exchanging.get(req);
    if (user && response.statusCode === 200 && typeof response.body.access_token === "string") tokens.set(response.body.access_token, user);
  });
  service.on("beforeUserinfo", (response: { body: unknown; statusCode: number }, req: http.IncomingMessage) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const user = token ? tokens.get(token) : undefined;
    if (!user) {
      response.statusCode = 401;
      response.body = { error: "invalid_token", error_description: "unknown access token" };
      events.push({ endpoint: "userinfo", ok: false, reason: "unknown access token", params: {} });
      return;
    }
    response.body = userinfoOf(user);
    events.push({ endpoint: "userinfo", ok: true, params: {} });
  });

  async function front(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", issuer.url);

    if (req.method === "POST" && url.pathname === "/__next-user") {
      try {
        const user = JSON.parse(await readBody(req)) as MockUser;
        if (typeof user?.email !== "string") return sendJson(res, 400, { error: "a JSON body with an email, please" });
        defaultUser = user;
        res.writeHead(204).end();
      } catch {
        sendJson(res, 400, { error: "a JSON body with an email, please" });
      }
      return;
    }

    if (req.method === "GET" && url.pathname === "/authorize") {
      const params = Object.fromEntries(url.searchParams);
      const refuse = (reason: string) => {
        events.push({ endpoint: "authorize", ok: false, reason, params });
        sendJson(res, 400, { error: "invalid_request", error_description: reason });
      };
      if (!params.redirect_uri) return refuse("redirect_uri is required");
      if (!params.client_id) return refuse("client_id is required");
      const method = params.code_challenge_method ?? "plain";
      if (params.code_challenge && method !== "S256" && method !== "plain") return refuse(`unsupported code_challenge_method ${method}`);
      const user: MockUser = params.login_hint
        ? { email: params.login_hint }
        : (cookieUser(req.headers.cookie) ?? defaultUser);
      events.push({ endpoint: "authorize", ok: !user.deny, reason: user.deny ? "consent denied" : undefined, params });
      if (user.deny) {
        const back = new URL(params.redirect_uri);
        back.searchParams.set("error", "access_denied");
        if (params.state) back.searchParams.set("state", params.state);
        res.writeHead(302, { Location: back.href }).end();
        return;
      }
      authorizing.set(req, {
        challenge: params.code_challenge ?? null,
        method,
        redirectUri: params.redirect_uri,
        clientId: params.client_id,
        user,
      });
      // This front checks PKCE itself (the library would let a missing verifier through).
      url.searchParams.delete("code_challenge");
      url.searchParams.delete("code_challenge_method");
      req.url = url.pathname + url.search;
      return service.requestHandler(req, res);
    }

    if (req.method === "POST" && url.pathname === "/token") {
      let body: Record<string, string>;
      try {
        body = Object.fromEntries(new URLSearchParams(await readBody(req)));
      } catch {
        return sendJson(res, 400, { error: "invalid_request" });
      }
      const refuse = (reason: string) => {
        events.push({ endpoint: "token", ok: false, reason, params: body });
        sendJson(res, 400, { error: "invalid_grant", error_description: reason });
      };
      if (body.grant_type !== "authorization_code") return refuse("only the authorization_code grant is offered");
      const code = pending.get(body.code ?? "");
      if (!code) return refuse("unknown or already used code");
      pending.delete(body.code); // one exchange per code, whatever its outcome
      if (body.redirect_uri !== code.redirectUri) return refuse("redirect_uri differs from the one at /authorize");
      if (body.client_id !== code.clientId) return refuse("client_id differs from the one at /authorize");
      if (code.challenge !== null) {
        const verifier = body.code_verifier;
        if (!verifier) return refuse("code_verifier is required (the authorization request had a code_challenge)");
        if (!VERIFIER_FORMAT.test(verifier)) return refuse("code_verifier is not 43 to 128 unreserved characters");
        if (!pkceMatches(verifier, code.challenge, code.method)) return refuse("code_verifier does not match the code_challenge");
      }
      events.push({ endpoint: "token", ok: true, params: body });
      const forwarded: Record<string, string> = { ...body };
      delete forwarded.code_verifier;
      // The body is read: body-parser sees a finished request and keeps this parsed one.
      (req as http.IncomingMessage & { body?: unknown }).body = forwarded;
      exchanging.set(req, code.user);
      return service.requestHandler(req, res);
    }

    return service.requestHandler(req, res);
  }

  const server = http.createServer((req, res) => {
    front(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: "server_error", error_description: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });

  return {
    url: issuer.url,
    port: options.port,
    setUser(user) {
      defaultUser = user;
    },
    events,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The command line, for Playwright's webServer: npx tsx tests/support/oauth-mock.ts --port 3190
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const port = Number(arg("port") ?? 3190);
  const mock = await startOAuthMock({ port, host: arg("host") });
  console.log(`OAuth mock on ${mock.url} (authorize, token, userinfo, jwks, .well-known/openid-configuration, POST /__next-user)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void mock.stop().then(() => process.exit(0)));
  }
}
