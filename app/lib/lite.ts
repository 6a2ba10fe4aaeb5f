/**
 * Lite mode: no scripts and no decorative images. On when the browser sends `Save-Data: on`
 * or the member chose it (a cookie set by a plain form). Shared by server.ts (for the CSP)
 * and the root loader (for the document).
 */
export const LITE_COOKIE = "ladder_lite";

export function isLite(saveData: string | null | undefined, cookieHeader: string | null | undefined): boolean {
  const choice = readLiteChoice(cookieHeader);
  if (choice !== null) return choice;
  return (saveData ?? "").trim().toLowerCase() === "on";
}

/** The member's explicit choice: true (lite), false (full), or null (none made). */
export function readLiteChoice(cookieHeader: string | null | undefined): boolean | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LITE_COOKIE) return value === "1" ? true : value === "0" ? false : null;
  }
  return null;
}

export function isLiteRequest(request: Request): boolean {
  return isLite(request.headers.get("Save-Data"), request.headers.get("Cookie"));
}
