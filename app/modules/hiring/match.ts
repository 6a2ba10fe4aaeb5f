/**
 * How well a member fits a job, pure (issue 18, candidate matching). The percent is a sum of
 * points, 0 to 100, and every point comes with a reason the recruiter reads:
 *
 *   verified   each verified skill (best score 70%+, not hidden) whose name the job's title or
 *              description holds: 20 points, at most 40 (two skills)
 *   skills     each of the job's words (its first 30 key words: title first, then description)
 *              found among the words of the member's profile skills: 5 points, at most 25
 *   headline   the member's headline shares a word with the job's title: 10 points
 *   experience whole years in experience entries whose title holds a word of the job's title
 *              (the best such word): 5 points a year, at most 15 (three years)
 *   place      the job is remote, or the member's city is the job's city: 10 points
 *
 * 40 + 25 + 10 + 15 + 10 = 100. Key words leave out stop words and one-letter words
 * (db/match-terms.ts). The SQL ranking (candidates.server.ts) computes the same percent from
 * candidate_settings.match_terms and skill_bests; an integration test holds the two together.
 */
import { cityKey, keyWordsOf, MAX_YEARS, wordsOf, yearsByTitleWord, type TermsExperience } from "../../../db/match-terms";

export const WEIGHTS = {
  verified: 20,
  verifiedMax: 40,
  skill: 5,
  skillsMax: 25,
  headline: 10,
  year: 5,
  yearsMax: MAX_YEARS,
  place: 10,
} as const;

/** Job words that count for profile skills, and title words that count for headline and experience. */
export const JOB_WORDS = 30;
export const TITLE_WORDS = 8;

export interface MatchJob {
  title: string | null;
  description: string | null;
  /** the feed ("general", "remote", "part-time") or the employment type */
  type: string | null;
  city: string | null;
  country: string | null;
  /** job_is_remote; a job of the remote feed is remote either way */
  remote?: boolean | null;
}

export interface MatchMember {
  verified: readonly { name: string; score: number; total: number }[];
  skills: readonly string[] | null;
  headline: string | null;
  experience: readonly TermsExperience[] | null;
  city: string | null;
}

export type Reason =
  | { kind: "verified"; weight: number; name: string; score: number; total: number }
  | { kind: "skills"; weight: number; skills: string[] }
  | { kind: "headline"; weight: number; word: string }
  | { kind: "experience"; weight: number; years: number; title: string }
  | { kind: "remote"; weight: number }
  | { kind: "city"; weight: number; city: string };

export interface Match {
  percent: number;
  reasons: Reason[];
}

/** What the matching reads of a job, worked out once per job (the SQL ranking uses it too). */
export interface JobTerms {
  /** the job's words in order, space-framed, for phrase tests (" data analyst ") */
  phrase: string;
  /** up to JOB_WORDS distinct key words, title first */
  words: string[];
  /** up to TITLE_WORDS distinct key words of the title */
  titleWords: string[];
  remote: boolean;
  /** the job's city as a token body ("" when none) */
  city: string;
}

const distinct = (words: string[], max: number) => [...new Set(words)].slice(0, max);

export function jobTermsOf(job: MatchJob): JobTerms {
  const titleWords = keyWordsOf(job.title);
  return {
    phrase: ` ${[...wordsOf(job.title), ...wordsOf(job.description)].join(" ")} `,
    words: distinct([...titleWords, ...keyWordsOf(job.description)], JOB_WORDS),
    titleWords: distinct(titleWords, TITLE_WORDS),
    remote: job.type === "remote" || Boolean(job.remote),
    city: cityKey(job.city),
  };
}

/** True when the job's text names the skill (its words, in order, as whole words). */
export function namesSkill(terms: JobTerms, skillName: string): boolean {
  const words = wordsOf(skillName);
  return words.length > 0 && terms.phrase.includes(` ${words.join(" ")} `);
}

export function matchOf(job: MatchJob | JobTerms, member: MatchMember, now: Date = new Date()): Match {
  const terms = "phrase" in job ? job : jobTermsOf(job);
  const reasons: Reason[] = [];

  // Verified skills the job names, best share first (verifiedSkillsOf's order), two at most.
  const named = member.verified.filter((v) => namesSkill(terms, v.name)).slice(0, WEIGHTS.verifiedMax / WEIGHTS.verified);
  for (const v of named) reasons.push({ kind: "verified", weight: WEIGHTS.verified, name: v.name, score: v.score, total: v.total });

  // Job words among the words of the member's profile skills.
  const skillWords = new Set((member.skills ?? []).flatMap((s) => keyWordsOf(s)));
  const hits = terms.words.filter((w) => skillWords.has(w));
  if (hits.length) {
    const hitSet = new Set(hits);
    const skills = (member.skills ?? []).filter((s) => keyWordsOf(s).some((w) => hitSet.has(w)));
    reasons.push({ kind: "skills", weight: Math.min(WEIGHTS.skillsMax, hits.length * WEIGHTS.skill), skills });
  }

  // The headline shares a word with the title.
  const headline = new Set(keyWordsOf(member.headline));
  const shared = terms.titleWords.find((w) => headline.has(w));
  if (shared) reasons.push({ kind: "headline", weight: WEIGHTS.headline, word: shared });

  // Years under a title that shares a word with the job's title (the best word).
  const years = yearsByTitleWord(member.experience, now);
  let best = 0;
  let bestWord = "";
  for (const w of terms.titleWords) {
    const y = Math.min(WEIGHTS.yearsMax, years.get(w) ?? 0);
    if (y > best) [best, bestWord] = [y, w];
  }
  if (best > 0) {
    const title =
      (member.experience ?? [])
        .filter((e) => keyWordsOf(e.title).includes(bestWord))
        .map((e) => e.title.trim())
        .sort((a, b) => b.length - a.length)[0] ?? bestWord;
    reasons.push({ kind: "experience", weight: best * WEIGHTS.year, years: best, title });
  }

  // Remote, or the same city.
  if (terms.remote) reasons.push({ kind: "remote", weight: WEIGHTS.place });
  else if (terms.city && cityKey(member.city) === terms.city) reasons.push({ kind: "city", weight: WEIGHTS.place, city: (member.city ?? "").trim() });

  const percent = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.weight, 0)));
  return { percent, reasons };
}
