/**
 * The device cookie (decision 055, OWASP "Slow down online guessing attacks with device
 * cookies"): a long-lived, signed cookie that says "this browser signed in to these accounts
 * before". A sign-in attempt that presents it for the account is counted against that device's
 * own failure limit, not the account's, so failures from elsewhere cannot lock the owner out.
 *
 * Value: `v1.<nonce>.<tag>…<tag>.<signature>`.
 * - nonce: 128 random bits naming this browser (the key of its failure limit);
 * - tag: HMAC(SESSION_SECRET, nonce and member id), so the cookie names no account in clear
 *   text and a tag cannot be moved to another cookie; newest first, at most DEVICE_ACCOUNTS_MAX;
 * - signature: HMAC(SESSION_SECRET) of everything before it. Anything that does not verify is
 *   no device at all (an untrusted attempt).
 * It grants nothing but that private failure budget: never a session, never access.
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { readCookie } from "./sessions.server";

export interface Device {
  nonce: string;
  /** accountTag of each account this browser signed in to, newest first. */
  tags: string[];
}

export const DEVICE_ACCOUNTS_MAX = 5;
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
/** Longer values are not ours (5 tags make about 170 characters). */
const VALUE_MAX = 400;

const mac = (secret: string, data: string) => crypto.createHmac("sha256", secret).update(data).digest("base64url");

/** The account's mark in this device's cookie: 128 bits of HMAC over the nonce and the member id. */
export function accountTag(secret: string, nonce: string, userId: string): string {
  return mac(secret, `device-account:${nonce}:${userId}`).slice(0, 22);
}

export function encodeDevice(secret: string, device: Device): string {
  const body = ["v1", device.nonce, ...device.tags].join(".");
  return `${body}.${mac(secret, `device-cookie:${body}`)}`;
}

/** The device a cookie value describes, or null when it is missing, malformed, forged or tampered with. */
export function decodeDevice(secret: string, value: string | null): Device | null {
  if (!value || value.length > VALUE_MAX) return null;
  const parts = value.split(".");
  if (parts.length < 3 || parts[0] !== "v1") return null;
  const signature = Buffer.from(parts.pop() ?? "");
  const expected = Buffer.from(mac(secret, `device-cookie:${parts.join(".")}`));
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) return null;
  const [, nonce, ...tags] = parts;
  if (!nonce || tags.length > DEVICE_ACCOUNTS_MAX) return null;
  return { nonce, tags };
}

/** Whether this device signed in to the member's account before. */
export function signedInBefore(secret: string, device: Device | null, userId: string): boolean {
  return device !== null && device.tags.includes(accountTag(secret, device.nonce, userId));
}

/** The device after a sign-in to `userId`: a new one for a browser without a valid cookie; the account first, the oldest dropped past the cap. */
export function rememberAccount(secret: string, device: Device | null, userId: string): Device {
  const nonce = device?.nonce ?? crypto.randomBytes(16).toString("base64url");
  const tag = accountTag(secret, nonce, userId);
  const others = (device?.tags ?? []).filter((t) => t !== tag);
  return { nonce, tags: [tag, ...others].slice(0, DEVICE_ACCOUNTS_MAX) };
}

/** Secure when the site is served over HTTPS (production, or an https PUBLIC_URL); __Host- then pins it to this host. */
function secureCookie(): boolean {
  const e = env();
  return e.NODE_ENV === "production" || (e.PUBLIC_URL ?? "").startsWith("https:");
}

export function deviceCookieName(secure = secureCookie()): string {
  return secure ? "__Host-ladder_device" : "ladder_device";
}

/** The device behind a request's cookie (null when none or not valid). */
export function deviceOf(request: Request): Device | null {
  return decodeDevice(env().SESSION_SECRET, readCookie(request.headers.get("Cookie"), deviceCookieName()));
}

/** The Set-Cookie value that keeps `device` for a year. Signing out leaves it in place. */
export function deviceCookie(device: Device): string {
  const secure = secureCookie();
  const parts = [
    `${deviceCookieName(secure)}=${encodeDevice(env().SESSION_SECRET, device)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** rememberAccount with the server's secret. */
export const rememberDevice = (device: Device | null, userId: string): Device => rememberAccount(env().SESSION_SECRET, device, userId);
/** signedInBefore with the server's secret. */
export const deviceSignedInBefore = (device: Device | null, userId: string): boolean => signedInBefore(env().SESSION_SECRET, device, userId);
