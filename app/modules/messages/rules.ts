/** Direct-message rules, pure (no database). */

/** At most this many characters in one direct message. */
export const MESSAGE_MAX = 5000;
