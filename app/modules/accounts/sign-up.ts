/** Sign-up's pure rules, shared by the routes' server and browser code (no .server: no secrets here). */

/** Where a new member starts when they were not on their way somewhere (an apply form, say). */
export const NEW_MEMBER_PAGE = "/settings/profile";

/** The flash after confirming: add details on the profile, or carry on where they were going. */
export const welcomeMessage = (redirectTo: string) => (redirectTo === NEW_MEMBER_PAGE ? "auth.signup.welcomeProfile" : "auth.signup.welcomeBack");

/** "123 456", "123456 ": what people paste or type, as the six digits (spaces dropped). */
export const normalizeCode = (code: string) => code.replace(/\s+/g, "");
export const isSixDigits = (code: string) => /^\d{6}$/.test(code);
