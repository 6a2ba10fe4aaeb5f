/**
 * The built-in offline coach: answers from rules and templates, without any network, when no
 * OPENAI_API_KEY is set. Pure and deterministic. Every reply is labelled offline by the caller
 * (the stored reply carries a {type:"notice", kind:"offline"} part; see decision 015).
 */

export interface OfflineTurn {
  role: "user" | "assistant";
  content: string;
}

interface Rule {
  topic: string;
  test: RegExp;
  reply: string;
}

const RULES: Rule[] = [
  {
    topic: "cv",
    test: /\b(cv|resume|résumé|curriculum)\b/i,
    reply: [
      "Here is a short checklist for your CV:",
      "",
      "1. Put your headline and two or three results with numbers at the top.",
      "2. For each role, lead with what changed because of you, not with duties.",
      "3. Keep it to one or two pages and match the words of the job you want.",
      "",
      "Tell me the job you are aiming for and I can suggest which lines to move up.",
    ].join("\n"),
  },
  {
    topic: "interview",
    test: /\binterview/i,
    reply: [
      "To prepare for an interview:",
      "",
      "- Write three short stories (situation, action, result) that show your **strengths**.",
      "- Read the job post again and prepare one question about the team.",
      "- Practise your answer to *tell me about yourself* out loud, in under two minutes.",
    ].join("\n"),
  },
  {
    topic: "salary",
    test: /\b(salary|pay|raise|negotiat\w*|offer)\b/i,
    reply: [
      "On pay and offers:",
      "",
      "- Find the usual range for the role in your city before you name a number.",
      "- Name a range whose lower end you would be happy with.",
      "- Ask about the whole offer: hours, leave, training, remote days.",
    ].join("\n"),
  },
  {
    topic: "change",
    test: /\b(switch|change|move into|transition|new career|career change)\b/i,
    reply: [
      "Changing direction works best in small steps:",
      "",
      "1. List the skills from your current work that the new field needs too.",
      "2. Pick one small project that proves the missing skill.",
      "3. Talk to two people who already do the job; ask what they wish they had known.",
    ].join("\n"),
  },
  {
    topic: "network",
    test: /\b(network\w*|connect\w*|linkedin|referral|mentor)\b/i,
    reply: [
      "Growing your network:",
      "",
      "- Send a short, specific note when you connect: why this person, and one question.",
      "- Share one useful thing a week in your field.",
      "- Ask for advice rather than for a job; referrals follow advice.",
    ].join("\n"),
  },
];

const DEFAULT_REPLY = [
  "I can help with your CV, interviews, pay and offers, changing careers and growing your network.",
  "",
  "Tell me where you are now and where you would like to be in a year, and we can make a plan.",
].join("\n");

export const OFFLINE_LABEL = "Offline coach: this reply comes from Ladder's built-in tips, not from an AI model.";

/** The offline coach's reply to the last user message of a conversation. */
export function offlineReply(messages: OfflineTurn[]): string {
  const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const rule = RULES.find((r) => r.test.test(last));
  return rule ? rule.reply : DEFAULT_REPLY;
}
