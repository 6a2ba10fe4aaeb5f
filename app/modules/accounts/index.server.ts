/**
 * What other areas may use of accounts (docs/decisions/039-area-boundaries.md):
 * server functions; pure rules go in index.ts.
 */
export { normalizeEmail, referralCount } from "./accounts.server";
export type { ReadForm, ReadFormOptions, Upload } from "./read-form.server";
export type { CurrentUser } from "./current-user.server";
export { decoyHash, PASSWORD_MAX, verifyPassword } from "./passwords.server";
export { SESSION_IDLE_MS, SESSION_MAX_MS } from "./sessions.server";
export { savedLanguage, saveLanguage } from "./language.server";
