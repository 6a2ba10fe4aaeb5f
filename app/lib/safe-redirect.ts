/**
 * The one check for every redirect target a user can send (redirectTo, back, the Google return
 * cookie). A target is resolved the way a browser resolves a Location header, against a fixed
 * base, and kept only when it stays on that origin; anything else falls back (to "/").
 *
 * Why not a prefix test: browsers drop tabs and newlines inside a URL and read "\" as "/", so
 * "/\t/evil.example/" passed a startsWith("/") && !startsWith("//") test and left the site.
 * Why reject control characters outright: a CR or LF in a Location header makes the response
 * itself throw (a 500 after the sign-in had already created its session).
 */
const BASE = "http://ladder.invalid";
/** C0 controls, DEL, C1 controls and backslashes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;
/** Longer than any address of ours; a longer one is not worth keeping. */
const MAX_LENGTH = 2048;

export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to === "" || to.length > MAX_LENGTH) return fallback;
  if (!to.startsWith("/") || UNSAFE.test(to) || UNSAFE.test(decoded(to) ?? "\\")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // The serialised form: percent-encoded, so it is always a valid header value.
  return url.pathname + url.search + url.hash;
}

/** The target with its %XX escapes undone, or null when they are malformed (%E0%A4%A). */
function decoded(to: string): string | null {
  try {
    return decodeURIComponent(to);
  } catch {
    return null;
  }
}
