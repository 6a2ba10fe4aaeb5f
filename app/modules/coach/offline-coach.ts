/**
 * The built-in offline coach: answers from rules and templates, without any network, when no
 * OPENAI_API_KEY is set. Pure and deterministic. Every reply is labelled offline by the caller
 * (the stored reply carries a {type:"notice", kind:"offline"} part; see decision 015.2), and costs
 * none of the day's 7 messages (decision 029).
 *
 * Topics are recognised by keywords, matched on whole words (a keyword ending in "*" matches
 * any word that starts with it; a keyword of several words matches them in a row). The topic
 * with the most distinct keywords in the question wins; a tie goes to the topic listed first,
 * so the narrow topics (phone screens, cover letters, gaps in a CV) come before the broad ones
 * (interviews, CVs) they overlap with.
 *
 * Its words are in the coach catalogs in English, Arabic and Hindi: a reply is written in the
 * member's language (offlineReply's `lang`).
 */
import type { Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export interface OfflineTurn {
  role: "user" | "assistant";
  content: string;
}

export interface Topic {
  id: string;
  /** How the fallback reply names it. */
  title: string;
  keywords: string[];
  reply: string;
}

/** A topic's keywords; its title and reply are in the coach catalogs (coach.offline.<id>.title / .reply), in each language. */
const RULES: { id: string; keywords: string[] }[] = [
  { id: "phone-screen", keywords: ["phone screen*", "phone interview*", "phone call", "screening call*", "recruiter call*", "video interview*", "video call*", "zoom", "teams call*"] },
  { id: "cover-letter", keywords: ["cover letter*", "covering letter*", "motivation letter*", "motivational letter*", "letter of motivation", "application letter*"] },
  { id: "cv-gap", keywords: ["gap", "gaps", "career break*", "time off", "unemployed", "unemployment", "out of work", "years off", "months off", "caring for", "sabbatical"] },
  { id: "cv", keywords: ["cv", "cvs", "resume*", "résumé*", "curriculum vitae", "ats", "bullet point*"] },
  { id: "salary", keywords: ["salary", "salaries", "negotiat*", "job offer*", "offer letter*", "counter offer*", "counteroffer*", "compensation", "pay", "package", "benefits", "bonus"] },
  { id: "promotion", keywords: ["promotion*", "promoted", "raise", "pay rise", "pay raise", "senior role", "next level", "performance review*", "appraisal*"] },
  { id: "resignation", keywords: ["resign*", "quit", "quitting", "notice period*", "handing in my notice", "leave my job", "leaving my job", "two weeks notice", "exit interview*"] },
  { id: "interview", keywords: ["interview*", "star method", "tell me about yourself", "behavioural question*", "behavioral question*", "technical test*", "assessment centre*", "assessment center*"] },
  { id: "career-change", keywords: ["career change*", "change career*", "changing career*", "switch career*", "switching career*", "new career", "new field", "new industry", "move into", "transition*", "pivot*"] },
  { id: "linkedin", keywords: ["linkedin", "profile", "headline", "profile picture", "profile photo", "summary section"] },
  { id: "networking", keywords: ["network", "networking", "connect*", "referral*", "mentor*", "reach out", "reaching out", "cold message*", "cold email*", "informational interview*", "coffee chat*"] },
  { id: "internship", keywords: ["internship*", "intern", "interns", "placement year", "work placement*", "summer job*", "co op"] },
  { id: "graduate", keywords: ["graduate*", "graduating", "grad scheme*", "grad job*", "first job", "entry level", "entry-level", "fresh grad*", "no experience", "student*", "university", "degree"] },
  { id: "rejection", keywords: ["reject*", "turned down", "didn t get", "did not get", "not selected", "unsuccessful", "no response", "ghosted", "ghosting"] },
  { id: "job-search", keywords: ["job search*", "job hunt*", "find a job", "finding a job", "get a job", "looking for a job", "looking for work", "apply*", "application*", "job board*"] },
  { id: "references", keywords: ["reference*", "referee*", "recommendation letter*", "letter of recommendation", "background check*"] },
  { id: "remote", keywords: ["remote", "remotely", "work from home", "working from home", "wfh", "hybrid", "distributed team*"] },
  { id: "portfolio", keywords: ["portfolio*", "github", "case stud*", "side project*", "showcase", "work samples"] },
  { id: "relocation", keywords: ["relocat*", "visa*", "work permit*", "sponsor*", "abroad", "overseas", "move to another country", "moving to another country", "immigration", "emigrat*"] },
  { id: "freelance", keywords: ["freelanc*", "self employed", "self-employed", "contractor*", "contracting", "gig", "gigs", "gig work", "consultant*", "consulting", "side hustle*", "clients", "invoice*"] },
  { id: "skills", keywords: ["skill*", "course*", "certificat*", "certification*", "upskill*", "reskill*", "learn*", "bootcamp*", "training", "qualification*", "study"] },
];

const lines = (...text: string[]) => text.join("\n");
/** "phone-screen" → "phoneScreen": a topic's key in the catalogs. */
const keyOf = (id: string) =>
  id
    .split("-")
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");

/** The topics with their titles and replies in one language. */
export function topicsIn(lang: Language): Topic[] {
  const t = translator(lang);
  return RULES.map((rule) => ({ ...rule, title: t(`coach.offline.${keyOf(rule.id)}.title`), reply: t(`coach.offline.${keyOf(rule.id)}.reply`) }));
}

/** The topics in English. */
export const TOPICS: Topic[] = topicsIn("en");

/** The words of a text, lower-cased: letters and digits (any script); everything else separates. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The keyword's words, each either exact or a prefix (a trailing "*"). */
function keywordParts(keyword: string): { word: string; prefix: boolean }[] {
  return keyword
    .toLowerCase()
    .split(" ")
    .map((part) => (part.endsWith("*") ? { word: part.slice(0, -1), prefix: true } : { word: part, prefix: false }));
}

function containsKeyword(words: string[], keyword: string): boolean {
  const parts = keywordParts(keyword).flatMap((p) => wordsOf(p.word).map((word, i, all) => ({ word, prefix: p.prefix && i === all.length - 1 })));
  if (parts.length === 0) return false;
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, k) => (p.prefix ? words[i + k].startsWith(p.word) : words[i + k] === p.word))) return true;
  }
  return false;
}

/** The topic a question is about, or null when no keyword of any topic is in it. */
export function topicOf(question: string): Topic | null {
  const words = wordsOf(question);
  let best: Topic | null = null;
  let bestScore = 0;
  for (const topic of TOPICS) {
    const score = topic.keywords.filter((k) => containsKeyword(words, k)).length;
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  }
  return best;
}

/** The reply when no topic fits: what the offline coach can help with, in the member's language. */
export function fallbackReply(lang: Language = "en"): string {
  const t = translator(lang);
  return lines(
    t("coach.offline.fallbackIntro"),
    "",
    ...topicsIn(lang).map((topic) => `- ${topic.title.charAt(0).toUpperCase()}${topic.title.slice(1)}`),
    "",
    t("coach.offline.fallbackOutro"),
  );
}

export const FALLBACK_REPLY = fallbackReply("en");

export const OFFLINE_LABEL = translator("en")("coach.offline.label");

/** The offline coach's reply to the last user message of a conversation, in the member's language. */
export function offlineReply(messages: OfflineTurn[], lang: Language = "en"): string {
  const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const topic = topicOf(last);
  return topic ? translator(lang)(`coach.offline.${keyOf(topic.id)}.reply`) : fallbackReply(lang);
}
