/**
 * candidate_settings.match_terms, pure (issue 18, candidate matching). The demo seed, the bench and
 * the app build a member's terms with this one function, so the SQL ranking of
 * app/modules/hiring/candidates.server.ts reads what matchOf (app/modules/hiring/match.ts) reads.
 *
 * The terms are lowercase tokens, each with a space before and after, so every test is one
 * `match_terms LIKE '% x:word %'`. Words are runs of letters and digits (any script); a token holds
 * only letters, digits, ":" and "-", never a LIKE wildcard.
 *   s:<word>    a word of one of the member's profile skills (User.professional_skills)
 *   h:<word>    a word of the member's headline
 *   e1:<word> e2:<word> e3:<word>
 *               a word of the titles of their experience entries, with 1, 2 and 3 or more whole
 *               years in the entries whose title holds it (e2 implies e1, e3 implies e2)
 *   c:<city>    the member's city (candidate_settings.city), its words joined by "-"
 * Stop words ("and", "of", "the"...) and one-letter words are left out of s:, h: and e*: tokens.
 *
 * Before the tokens come three signatures, 16 digits each (52-bit numbers, zero-padded): for the
 * s: tokens, the h: and c: tokens, and the e*: tokens, each token setting bit `signatureBit(token)`.
 * The ranking tests a bit (cheap) before the LIKE (dear): a clear bit means the token is absent; a
 * set bit may be another token's, so the LIKE still decides. A member with no tokens has three
 * zero signatures.
 */

/** Words too common to say anything about a job. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "a an and are as at be by for from in into is it of on or our the to we with you your will this that who".split(" "),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text: lowercase runs of letters and digits, in order. */
export function wordsOf(text: string | null | undefined): string[] {
  return (text ?? "").toLowerCase().match(WORD) ?? [];
}

/** The words of a text that count for matching: no stop words, no one-letter words. */
export function keyWordsOf(text: string | null | undefined): string[] {
  return wordsOf(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** A city as one token body: "New Cairo" → "new-cairo"; "" when it has no words. */
export function cityKey(city: string | null | undefined): string {
  return wordsOf(city).join("-");
}

export interface TermsExperience {
  title: string;
  startDate?: string | null;
  endDate?: string | null;
}

export interface TermsMember {
  professionalSkills?: readonly string[] | null;
  headline?: string | null;
  experience?: readonly TermsExperience[] | null;
  city?: string | null;
}

const MONTH = /^(\d{4})(?:-(\d{1,2}))?/;

/** "2019-06" / "2019-06-01" / "2019" as a month count (year * 12 + month - 1); null when unreadable. */
function monthOf(value: string | null | undefined): number | null {
  const m = MONTH.exec((value ?? "").trim());
  if (!m) return null;
  const month = m[2] ? Math.min(12, Math.max(1, Number(m[2]))) : 1;
  return Number(m[1]) * 12 + month - 1;
}

/** Whole months in one entry (no end date: until `now`); 0 when the start is unreadable or later. */
export function monthsIn(entry: TermsExperience, now: Date): number {
  const start = monthOf(entry.startDate);
  if (start === null) return 0;
  const end = monthOf(entry.endDate) ?? now.getUTCFullYear() * 12 + now.getUTCMonth();
  return Math.max(0, end - start);
}

/** Most years that count for one title word (15 points at 5 a year). */
export const MAX_YEARS = 3;

/** For each word of the member's experience titles, the whole years in entries holding it (not capped). */
export function yearsByTitleWord(experience: readonly TermsExperience[] | null | undefined, now: Date): Map<string, number> {
  const months = new Map<string, number>();
  for (const entry of experience ?? []) {
    const m = monthsIn(entry, now);
    for (const w of new Set(keyWordsOf(entry.title))) months.set(w, (months.get(w) ?? 0) + m);
  }
  return new Map([...months].map(([w, m]) => [w, Math.floor(m / 12)]));
}

/** The member's match_terms: three signatures, then the tokens. */
export function buildMatchTerms(member: TermsMember, now: Date = new Date()): string {
  const tokens = new Set<string>();
  for (const skill of member.professionalSkills ?? []) for (const w of keyWordsOf(skill)) tokens.add(`s:${w}`);
  for (const w of keyWordsOf(member.headline)) tokens.add(`h:${w}`);
  for (const [w, years] of yearsByTitleWord(member.experience, now)) {
    for (let y = 1; y <= Math.min(years, MAX_YEARS); y++) tokens.add(`e${y}:${w}`);
  }
  const city = cityKey(member.city);
  if (city) tokens.add(`c:${city}`);
  const signatures = [0n, 0n, 0n];
  for (const token of tokens) signatures[signatureOf(token)] |= 1n << BigInt(signatureBit(token));
  return `${signatures.map((sig) => sig.toString().padStart(SIGNATURE_DIGITS, "0")).join(" ")} ${[...tokens].map((t) => `${t} `).join("")}`;
}

/** Bits in one signature: a 52-bit number has at most 16 digits and fits any 64-bit integer. */
export const SIGNATURE_BITS = 52;
export const SIGNATURE_DIGITS = 16;

/** Which signature holds a token: 0 for s:, 1 for h: and c:, 2 for e1: e2: e3:. */
export function signatureOf(token: string): 0 | 1 | 2 {
  return token.startsWith("s:") ? 0 : token.startsWith("e") ? 2 : 1;
}

/** A token's bit in its signature (FNV-1a of its UTF-16 code units, modulo SIGNATURE_BITS). */
export function signatureBit(token: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SIGNATURE_BITS;
}
