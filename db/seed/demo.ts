/**
 * The demo data: every one of the 41 tables, filled with a small, believable career network.
 *
 * Deterministic: ids come from stable keys (uuidFor("user:3")), choices from a seeded PRNG and
 * times from `now` (default: today's UTC midnight). Idempotent: every insert is ON CONFLICT DO
 * NOTHING, so a second run adds nothing. The only non-deterministic values are the secrets in
 * user_sessions.session_token and password_reset_tokens.token: SHA-256 hashes of random bytes,
 * so no seeded row can ever be turned into a usable session or reset link.
 */
import { randomBytes } from "node:crypto";
import { inArray } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import type { Ctx } from "../client";
import { ACTIVITY_CATEGORIES, ACTIVITY_TYPES, ensureActivityCatalog } from "../activity-catalog";
import * as E from "../enums";
import { withTx } from "../tx";
import { figuresForDay, saveDayFigures, utcDay } from "../analytics/day-figures";
import { insertRows, resetSequences, type Row, type SeedSummary, type TableName } from "./insert";
import { Rng, sha256Hex, uuidFor } from "./random";
import { DEMO_PASSWORD, anonymousAdjectives, anonymousAnimals, employers, people, tracks, type Person } from "./content/people";
import { skillSources } from "./content/skills";
import type { DrawnQuestion } from "../schema";
import { buildMatchTerms } from "../match-terms";
import { skillTestQuestions as QUESTIONS_PER_TEST } from "../enums";
import * as T from "./content/text";
import { INTERVIEW_CATEGORIES, questionsOf, type BankQuestion, type InterviewCategory } from "../interview-banks";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Today's midnight in UTC. */
export function utcMidnight(date = new Date()): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The Monday (00:00 UTC) of the week that contains `date`. */
export function mondayOf(date: Date): Date {
  const midnight = utcMidnight(date);
  const offset = (midnight.getUTCDay() + 6) % 7; // Sunday (0) -> 6, Monday (1) -> 0
  return new Date(midnight.getTime() - offset * DAY);
}

/** Argon2id with the parameters DESIGN.md asks for. */
export function hashDemoPassword(password = DEMO_PASSWORD): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export const demoEmails = {
  user: "user@demo.test",
  recruiter: "recruiter@demo.test",
  career: "career@demo.test",
  moderator: "moderator@demo.test",
  admin: "admin@demo.test",
} as const;

export const userId = (i: number) => uuidFor(`user:${i}`);
export const emailOf = (p: Person) => (p.email.includes("@") ? p.email : `${p.email}@ladder-demo.test`);
const firstName = (p: Person) => p.name.split(" ")[0];
const slugOf = (p: Person) => p.name.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");

/** The demo user (user@demo.test) and the accepted connection that carries the long conversation. */
export const DEMO_USER_INDEX = 0;
export const LONG_CONVERSATION_PARTNER_INDEX = 17; // Dina Saleh, accepted connection of the demo user
/** The demo recruiter (recruiter@demo.test), who posts the jobs of the recruiter's home. */
export const RECRUITER_INDEX = 1;
/** Members the demo recruiter archived as candidates (archive_card); each lets recruiters find them. */
const ARCHIVED_CANDIDATES = [6, 9, 15, 20, 25, 30, 32, 37];
/**
 * The demo's "Data Careers MENA" (community:0): user@demo.test is an approved member. The scale
 * seed makes it big (0.3 N more members, 5% of the community posts), so the bench's "big community
 * page" is the same address on demo data and at scale.
 */
export const BIG_COMMUNITY_ID = uuidFor("community:0");
/** The demo user's long coach chat (50 messages): page weight and benchmark. */
export const LONG_COACH_CHAT_ID = uuidFor("chat:long");
export const LONG_COACH_CHAT_MESSAGES = 50;
/**
 * A demo feed post by another member that the scale seed grows to 5,000 comments (the bench's
 * "post with 5,000 comments" is the same address on demo data and at scale).
 */
export const BIG_FEED_POST_ID = uuidFor("anonymous_post:0");
/** user@demo.test's own anonymous feed post (its edit and delete pages are theirs to open). */
export const DEMO_USER_FEED_POST_ID = uuidFor(`anonymous_post:${T.anonymousPosts.findIndex((post) => post.author === DEMO_USER_INDEX)}`);
/** The demo moderator (moderator@demo.test) who decided the demo feed's reports. */
const MODERATOR_INDEX = 3;
/** The feed posts before issue 17 (their rows keep the formulas they were seeded with). */
const FIRST_FEED_POSTS = 14;

const phonePrefix: Record<string, string> = {
  Jordan: "+962 7", "United Arab Emirates": "+971 5", India: "+91 9", Morocco: "+212 6", Egypt: "+20 10",
  Lebanon: "+961 3", Algeria: "+213 5", "Saudi Arabia": "+966 5", Tunisia: "+216 2", Palestine: "+970 59",
  Qatar: "+974 5", Oman: "+968 9", Kuwait: "+965 6", Bahrain: "+973 3",
};
const indianStates: Record<string, string> = {
  Mumbai: "Maharashtra", Pune: "Maharashtra", Bengaluru: "Karnataka", Chennai: "Tamil Nadu", Hyderabad: "Telangana",
  "New Delhi": "Delhi", Noida: "Uttar Pradesh", Kochi: "Kerala", Jaipur: "Rajasthan", Ahmedabad: "Gujarat",
  Kolkata: "West Bengal", Lucknow: "Uttar Pradesh",
};

const staffTitles: Partial<Record<Person["role"], string>> = {
  recruiter: "Talent Acquisition Lead",
  career_team: "Career Adviser",
  moderator: "Community Moderator",
  admin: "Platform Administrator",
};

/** "a" or "an" before a job title ("an HR Coordinator", "a UI/UX Designer"). */
export function withArticle(title: string): string {
  return `${/^(?:[AEIO]|HR\b|HSE\b|SEO\b)/.test(title) ? "an" : "a"} ${title}`;
}

function goalsFor(p: Person, r: Rng): string {
  const track = tracks[p.track];
  const title = r.pick(track.titles);
  switch (p.stage) {
    case "student":
      return `Find an internship as ${withArticle(title)} before I graduate in ${p.gradYear}, then a full-time offer.`;
    case "graduate":
      return `Land my first full-time role as ${withArticle(title)} within six months.`;
    case "job seeker":
      return `Get hired as ${withArticle(title)}; open to ${p.city} or remote.`;
    default:
      return `${r.pick(track.goals)}.`;
  }
}

export type DemoRows = { [K in TableName]: Row<K>[] };

/** JSearch-like job id: 14 base64url characters + "AAAAAA==" (22 characters, at most 32). */
export function jobIdFor(key: string): string {
  return Buffer.from(sha256Hex(`job:${key}`), "hex").toString("base64url").slice(0, 14) + "AAAAAA==";
}

/** Builds every demo row in memory; no database work. */
/** Each member's time zone by country (member_settings): calendar blocks and interview days follow it. */
const COUNTRY_ZONES: Record<string, string> = {
  Jordan: "Asia/Amman", "United Arab Emirates": "Asia/Dubai", India: "Asia/Kolkata", Morocco: "Africa/Casablanca",
  Egypt: "Africa/Cairo", Lebanon: "Asia/Beirut", Algeria: "Africa/Algiers", "Saudi Arabia": "Asia/Riyadh",
  Tunisia: "Africa/Tunis", Palestine: "Asia/Hebron", Qatar: "Asia/Qatar", Oman: "Asia/Muscat", Kuwait: "Asia/Kuwait",
  Bahrain: "Asia/Bahrain",
};

/** Questions in one daily interview (app/modules/interviews/rules.ts QUESTIONS_PER_INTERVIEW; db/ does not import app/). */
const QUESTIONS_PER_INTERVIEW = 5;

interface InterviewPlan {
  /** Days before the member's own today (0: today). */
  day: number;
  category: InterviewCategory;
  completed: boolean;
}

/** The date in `zone` at `instant`, at 00:00 UTC: the member's day as daily_interviews.interviewDate stores it. */
export function zoneDay(zone: string, instant: Date): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day")));
}

/**
 * Feedback as the offline reviewer writes it: the question's "a good answer covers" notes, which
 * the answer meets (a fuller answer meets all but the last, a thinner one only the first), and its length.
 */
function offlineReview(q: BankQuestion, answer: string, fuller: boolean): string {
  const words = answer.split(" ").filter(Boolean).length;
  const covers = q.covers.map((c, i) => (fuller ? i < q.covers.length - 1 || q.covers.length === 1 : i === 0) ? `- Covered: ${c}.` : `- Missing: ${c}. Add it.`);
  return [
    "Offline review (from rules and this question's notes, not AI).",
    "",
    "What a good answer covers:",
    ...covers,
    "",
    words < 60 ? `Length: ${words} words, too short to show how you think. Aim for 60 to 250.` : `Length: ${words} words, a good length for a spoken answer.`,
  ].join("\n");
}

export function buildDemoRows(now: Date, passwordHash: string, secret: () => string = randomSecret, clock: Date = now): DemoRows {
  const rng = new Rng("demo");
  const t0 = now.getTime();
  const ago = (days: number, hours = 0, minutes = 0) => new Date(t0 - days * DAY + hours * HOUR + minutes * MINUTE);
  const rows = Object.fromEntries(tableOrder.map((k) => [k, []])) as unknown as DemoRows;
  const n = people.length;
  const uid = userId;

  // ---- daily interviews are planned first: User.interviewCount/lastInterviewDate follow them.
  // `day` counts back from the member's own today (their member_settings zone at `clock`): the
  // demo user has a 5-day streak ending yesterday and no interview today, an older run broken by
  // missed days and one interview she left unfinished; member 8 is halfway through today's.
  const interviewPlan = new Map<number, InterviewPlan[]>();
  const demoUserDays = [1, 2, 3, 4, 5, 8, 9, 10, 11, 13, 16, 20];
  interviewPlan.set(
    DEMO_USER_INDEX,
    demoUserDays.map((day, k) => ({ day, category: INTERVIEW_CATEGORIES[(k * 3) % INTERVIEW_CATEGORIES.length], completed: day !== 11 })),
  );
  for (const [i, count] of [[5, 2], [8, 4], [11, 5], [12, 3], [20, 2], [24, 3], [26, 4], [32, 2], [34, 1]] as const) {
    const list: InterviewPlan[] = [];
    for (let k = 0; k < count; k++) {
      const day = i === 8 && k === 0 ? 0 : k * 2 + (i % 3) + 1;
      list.push({ day, category: INTERVIEW_CATEGORIES[(i + k) % INTERVIEW_CATEGORIES.length], completed: day !== 0 });
    }
    interviewPlan.set(i, list);
  }
  /** The member's today as interviewDate stores it (their date at 00:00 UTC), `day` days back. */
  const interviewDay = (i: number, day: number) => new Date(zoneDay(COUNTRY_ZONES[people[i].country] ?? "UTC", clock).getTime() - day * DAY);
  const completedDays = (i: number) => (interviewPlan.get(i) ?? []).filter((x) => x.completed).map((x) => interviewDay(i, x.day).getTime());

  // ---- users
  const createdDaysAgo = people.map((p, i) => (p.stage === "staff" ? 400 - i * 7 : i === 0 ? 120 : 20 + ((i * 37) % 280)));
  people.forEach((p, i) => {
    const track = tracks[p.track];
    const r = new Rng(`user:${i}`);
    const google = p.provider === "google";
    const experience: NonNullable<Row<"User">["experience"]> = [];
    if (p.company) {
      experience.push({
        title: staffTitles[p.role] ?? r.pick(track.titles),
        company: p.company,
        startDate: `${Math.min(p.gradYear + 2, 2024)}-0${r.int(1, 9)}`,
        description: `Day to day: ${r.sample(track.skills, 2).join(" and ")}. Colleagues count on my ${r.pick(track.strengths)}.`,
      });
    }
    if (p.stage !== "student" || r.chance(0.5)) {
      // the demo user's internship is the one her CV documents talk about
      const e = i === DEMO_USER_INDEX ? employers.find((x) => x.name === "Levant Telecom")! : employers[(i * 5) % employers.length];
      experience.push({
        title: p.stage === "professional" || p.stage === "staff" ? r.pick(track.titles) : `${r.pick(track.titles)} Intern`,
        company: e.name,
        startDate: `${p.gradYear - 1}-06`,
        endDate: `${p.gradYear - 1}-09`,
        description: `Summer placement in ${e.city}: supported the team with ${r.pick(track.skills)}.`,
      });
    }
    const certs = r.sample(track.certifications, r.int(0, 2)).map((c) => ({ ...c, year: Math.min(p.gradYear + r.int(0, 3), 2025) }));
    const row: Row<"User"> = {
      id: uid(i),
      email: emailOf(p),
      password: google ? null : passwordHash,
      name: p.name,
      linkedinInfo: i % 4 === 1 ? `${p.headline}. ${p.degree}, ${p.university}.` : null,
      goals: goalsFor(p, r),
      profilemetrics: JSON.stringify({ profileViews: r.int(3, 240), searchAppearances: r.int(0, 90), postImpressions: r.int(0, 1500) }),
      strengths: r.sample(track.strengths, 3).join(", "),
      interests: r.sample(track.interests, 3).join(", "),
      linkedinURL: i % 3 === 0 ? `https://www.linkedin.com/in/${slugOf(p)}-ladder-demo` : null,
      FacebookURL: i % 11 === 5 ? `https://www.facebook.com/${slugOf(p)}.ladder.demo` : null,
      phone: i % 5 === 3 ? null : `${phonePrefix[p.country] ?? "+971 5"}${String(r.int(0, 9))} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
      referral_code: `LADDER-${sha256Hex(`referral:${i}`).slice(0, 6).toUpperCase()}`,
      googleId: google ? String(100000000000000000000n + BigInt(r.int(1, 999999999)) * 7919n) : null,
      avatarUrl: null,
      provider: google ? "google" : "credentials",
      anonymous_username: `${anonymousAdjectives[i % anonymousAdjectives.length]}${anonymousAnimals[(i * 7) % anonymousAnimals.length]}${10 + i}`,
      anonymous_avatar: anonymousAnimals[(i * 7) % anonymousAnimals.length].toLowerCase(),
      flaggedChatExpiresAt: i === 37 ? ago(-2) : null,
      createdAt: ago(createdDaysAgo[i], 9 + (i % 9), (i * 13) % 60),
      dailyMessageCount: [0, 5, 11, 12].includes(i) ? r.int(1, 6) : 0,
      lastMessageResetDate: [0, 5, 11, 12].includes(i) ? now : i % 2 === 0 ? ago(r.int(1, 20)) : null,
      // The day of the latest completed interview, as completing one sets it.
      lastInterviewDate: completedDays(i).length ? new Date(Math.max(...completedDays(i))) : null,
      interviewCount: completedDays(i).length,
      headline: p.headline,
      education: [
        { school: p.university, degree: p.degree, field: p.degree.replace(/^(BSc|BA|BCom|BTech|BE|MSc|MA|MBA|BBA|BCA|BDes|Master in|Licence in|Diploma in|Diplôme d'ingénieur en) ?/, "") || undefined, startYear: p.gradYear - (p.degree.startsWith("M") ? 2 : 4), endYear: p.gradYear },
      ],
      experience,
      professional_skills: r.sample(track.skills, r.int(4, 6)),
      certifications: certs,
      role: p.role,
    };
    rows.User.push(row);
  });

  // ---- connections, notifications and direct messages
  type Conn = { id: string; a: number; b: number; status: (typeof E.connectionStatuses)[number]; created: Date; updated: Date };
  const conns: Conn[] = [];
  const paired = new Set<string>();
  const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const addConn = (a: number, b: number, status: Conn["status"], daysAgo: number) => {
    if (a === b || paired.has(pairKey(a, b))) return;
    paired.add(pairKey(a, b));
    const created = ago(daysAgo, 8 + ((a + b) % 12), (a * 7 + b) % 60);
    const answered = Math.min(created.getTime() + (2 + ((a * b) % 40)) * HOUR, t0 - 30 * MINUTE);
    const updated = status === "pending" ? created : new Date(answered);
    conns.push({ id: uuidFor(`connection:${a}:${b}`), a, b, status, created, updated });
  };
  // The demo user's network: accepted both ways, pending in and out, rejected both ways.
  addConn(0, 5, "accepted", 90);
  addConn(17, 0, "accepted", 80);
  addConn(0, 8, "accepted", 60);
  addConn(27, 0, "accepted", 45);
  addConn(2, 0, "accepted", 100);
  addConn(1, 0, "accepted", 30);
  addConn(15, 0, "accepted", 12);
  addConn(0, 39, "accepted", 2);
  addConn(10, 0, "pending", 3);
  addConn(12, 0, "pending", 1);
  addConn(32, 0, "pending", 6);
  addConn(0, 14, "pending", 4);
  addConn(0, 22, "pending", 9);
  addConn(18, 0, "rejected", 20);
  addConn(0, 31, "rejected", 25);
  for (let a = 1; a < n; a++) {
    for (const b of rng.sample([...Array(n).keys()].filter((x) => x !== 0 && x !== a), 2)) {
      const roll = rng.next();
      const status = roll < 0.6 ? "accepted" : roll < 0.85 ? "pending" : "rejected";
      addConn(a, b, status, rng.int(1, 150));
    }
  }
  const requestNotes = [
    (to: Person) => `Hi ${firstName(to)}, I would like to add you to my network.`,
    (to: Person) => `Hello ${firstName(to)}, we studied in the same field. Would love to connect and swap notes on job hunting.`,
    (to: Person) => `Hi ${firstName(to)}, I enjoyed your answer in the Data Careers community.`,
    () => null,
    (to: Person) => `Salam ${firstName(to)}, I am also looking at roles in ${to.city}. Let us stay in touch.`,
  ];
  conns.forEach((c, idx) => {
    const from = people[c.a];
    const to = people[c.b];
    rows.connection.push({
      id: c.id,
      sender_id: uid(c.a),
      receiver_id: uid(c.b),
      status: c.status,
      message: requestNotes[idx % requestNotes.length](to),
      created_at: c.created,
      updated_at: c.updated,
    });
    const recent = t0 - c.updated.getTime() < 7 * DAY;
    // The receiver heard about the request.
    rows.notification.push({
      id: uuidFor(`notification:request:${c.id}`),
      user_id: uid(c.b),
      type: "connection_request",
      title: "New connection request",
      message: `${from.name} wants to connect with you.`,
      related_user_id: uid(c.a),
      related_connection_id: c.id,
      is_read: c.status !== "pending" || (c.b === 0 ? c.a === 32 : !recent),
      created_at: c.created,
    });
    // Only an accepted request tells the requester; a declined one tells nobody (issue 13, decision 027).
    if (c.status === "accepted") {
      rows.notification.push({
        id: uuidFor(`notification:${c.status}:${c.id}`),
        user_id: uid(c.a),
        type: "connection_accepted",
        title: "Connection accepted",
        message: `${to.name} accepted your connection request.`,
        related_user_id: uid(c.b),
        related_connection_id: c.id,
        is_read: !recent,
        created_at: c.updated,
      });
    }
  });
  // Conversations: only between accepted connections (the spec's rule).
  let dialogueIndex = 0;
  conns
    .filter((c) => c.status === "accepted")
    .forEach((c, idx) => {
      const involvesDemo = c.a === 0 || c.b === 0;
      if (!involvesDemo && idx % 5 === 4) return; // some accepted connections have not talked yet
      const script = T.dialogues[dialogueIndex++ % T.dialogues.length];
      const lastDay = (t0 - c.updated.getTime()) / DAY;
      const room = t0 - 10 * MINUTE - c.updated.getTime();
      const start = c.updated.getTime() + room * 0.05;
      const step = (room * 0.8) / script.length;
      script.forEach((line, k) => {
        const sender = line.from === "a" ? c.a : c.b;
        const receiver = line.from === "a" ? c.b : c.a;
        const at = new Date(start + step * k + step * 0.1 * ((k * 7) % 3));
        const isLast = k >= script.length - 2;
        // The demo user has unread replies in two of their conversations.
        const unread = isLast && receiver === 0 && (c.a === 17 || c.a === 15 || c.b === 8);
        rows.user_messages.push({
          id: uuidFor(`user_message:${c.id}:${k}`),
          sender_id: uid(sender),
          receiver_id: uid(receiver),
          message: line.text,
          is_read: !unread && (k < script.length - 1 || lastDay > 3),
          created_at: at,
          updated_at: at,
        });
      });
    });

  // ---- password reset tokens (hashes of random secrets; one expired, one used long ago, one live)
  for (const [i, createdAgoHours, validHours] of [[6, 72, 1], [12, 30 * 24, 1], [20, 2, 1]] as const) {
    const created = new Date(t0 - createdAgoHours * HOUR);
    rows.password_reset_tokens.push({
      id: uuidFor(`password_reset:${i}`),
      user_id: uid(i),
      token: secret(),
      expires_at: new Date(created.getTime() + validHours * HOUR),
      created_at: created,
    });
  }

  // ---- a sign-up waiting for its address to be confirmed (decision 054): not a member yet, so no
  // User row; its link and code are hashes of random secrets, so it can never be confirmed.
  rows.sign_up_confirmations.push({
    id: uuidFor("sign_up_confirmation:pending"),
    email: "pending@demo.test",
    name: "Noor Pending",
    password_hash: passwordHash,
    referral_code: null,
    redirect_to: "/settings/profile",
    token_hash: secret(),
    code_hash: secret(),
    attempts: 1,
    expires_at: new Date(t0 + 20 * HOUR),
    created_at: new Date(t0 - 4 * HOUR),
  });

  // ---- AI chats (Message_v2 + Vote_v2) and a few deprecated Message/Vote rows for the backfill
  const chatOwners = [0, 0, 5, 8, 11, 12, 20, 24, 34, 9, 28, 33];
  chatOwners.forEach((owner, c) => {
    const script = T.chatScripts[(c + (owner === 0 ? 0 : 1)) % T.chatScripts.length];
    const chatId = uuidFor(`chat:${c}`);
    const created = ago(1 + c * 4, 18, (c * 7) % 60);
    rows.Chat.push({ id: chatId, createdAt: created, title: script.title, userId: uid(owner), visibility: c % 5 === 3 ? "public" : "private" });
    script.turns.forEach((text, k) => {
      const messageId = uuidFor(`message_v2:${c}:${k}`);
      const role = k % 2 === 0 ? "user" : "assistant";
      rows.Message_v2.push({ id: messageId, chatId, role, parts: [{ type: "text", text }], attachments: [], createdAt: new Date(created.getTime() + k * 40_000) });
      if (role === "assistant" && (c + k) % 3 !== 0) rows.Vote_v2.push({ chatId, messageId, isUpvoted: (c + k) % 4 !== 0 });
    });
  });
  // A long coach chat of the demo user (50 messages): the chat page's lite-mode weight and the benchmark use it.
  {
    const created = ago(2, 9, 0);
    rows.Chat.push({ id: LONG_COACH_CHAT_ID, createdAt: created, title: "Planning my next two years", userId: uid(DEMO_USER_INDEX), visibility: "private" });
    const turns = T.chatScripts.flatMap((script) => script.turns);
    for (let k = 0; k < LONG_COACH_CHAT_MESSAGES; k++) {
      const role = k % 2 === 0 ? "user" : "assistant";
      const text = turns[k % turns.length];
      rows.Message_v2.push({ id: uuidFor(`message_v2:long:${k}`), chatId: LONG_COACH_CHAT_ID, role, parts: [{ type: "text", text }], attachments: [], createdAt: new Date(created.getTime() + k * 40_000) });
    }
  }
  T.oldChatScripts.forEach((script, c) => {
    const owner = [0, 6][c];
    const chatId = uuidFor(`old_chat:${c}`);
    const created = ago(200 + c * 20, 20);
    rows.Chat.push({ id: chatId, createdAt: created, title: script.title, userId: uid(owner), visibility: "private" });
    script.turns.forEach((text, k) => {
      const messageId = uuidFor(`old_message:${c}:${k}`);
      const role = k % 2 === 0 ? "user" : "assistant";
      // Old rows kept `content` as a plain string, or (assistant, older SDK) as an array of parts.
      const content = role === "assistant" && c === 1 ? [{ type: "text", text }] : text;
      rows.Message.push({ id: messageId, chatId, role, content, createdAt: new Date(created.getTime() + k * 45_000) });
      if (role === "assistant") rows.Vote.push({ chatId, messageId, isUpvoted: c === 0 });
    });
  });

  // ---- documents: several versions share an id; suggestions point at one version
  const docOwners = [0, 0, 0, 0, 9];
  T.documentSources.forEach((doc, d) => {
    const owner = docOwners[d];
    const docId = uuidFor(`document:${d}`);
    doc.versions.forEach((content, v) => {
      rows.Document.push({ id: docId, createdAt: ago(40 - d * 5 - v * 3, 21, v * 5), title: doc.title, content, kind: doc.kind, userId: uid(owner) });
    });
  });
  // suggestion s targets document s, version 0 (the text being improved)
  T.suggestionSources.forEach((s, k) => {
    const d = [0, 1, 2, 4][k];
    const version = rows.Document.find((x) => x.id === uuidFor(`document:${d}`))!;
    rows.Suggestion.push({
      id: uuidFor(`suggestion:${k}`),
      documentId: version.id!,
      documentCreatedAt: version.createdAt,
      originalText: s.originalText,
      suggestedText: s.suggestedText,
      description: s.description,
      isResolved: k % 2 === 0,
      userId: uid(docOwners[d]),
      createdAt: new Date(version.createdAt.getTime() + 2 * MINUTE),
    });
  });

  // ---- skills, questions (options shuffled, correctIndex recorded), drawn tests and attempts
  // (issue 18: each attempt answers a draw of QUESTIONS_PER_TEST questions, kept as it was shown)
  let questionId = 0;
  const bank = new Map<number, DrawnQuestion[]>();
  skillSources.forEach((skill, s) => {
    const skillId = s + 1;
    rows.skills.push({ id: skillId, name: skill.name });
    rows.skill_details.push({ skill_id: skillId, description: skill.description ?? "", retired_at: null, updated_at: ago(60) });
    const questions: DrawnQuestion[] = [];
    skill.questions.forEach((q) => {
      const order = new Rng(`question:${skill.name}:${q.question}`).shuffle([0, 1, 2, 3]);
      const correctIndex = order.indexOf(0);
      const options = order.map((o) => q.options[o]);
      rows.skill_questions.push({ id: ++questionId, skillId, question: q.question, options, correctIndex });
      rows.skill_question_details.push({ question_id: questionId, explanation: q.explanation ?? "", retired_at: null, updated_at: ago(60) });
      questions.push({ questionId, question: q.question, options, correctIndex, explanation: q.explanation ?? "", shownOrder: [0, 1, 2, 3] });
    });
    bank.set(skillId, questions);
  });
  let attemptId = 0;
  const attempts: [user: number, skill: number, daysAgo: number, ability: number][] = [
    [0, 1, 30, 0.5], [0, 1, 8, 0.8], [0, 3, 15, 0.7], [0, 6, 2, 0.6],
  ];
  for (let u = 5; u < n; u++) if (u % 2 === 1 || u % 7 === 0) attempts.push([u, 1 + (u % skillSources.length), 1 + ((u * 3) % 50), 0.4 + ((u * 13) % 6) / 10]);
  for (let u = 6; u < n; u += 4) attempts.push([u, 1 + ((u + 2) % skillSources.length), 1 + ((u * 7) % 40), 0.55]);
  for (const [u, skillId, daysAgo, ability] of attempts) {
    const r = new Rng(`attempt:${u}:${skillId}:${daysAgo}`);
    const drawn = r.sample(bank.get(skillId)!, Math.min(QUESTIONS_PER_TEST, bank.get(skillId)!.length)).map((q) => ({ ...q, shownOrder: r.shuffle([0, 1, 2, 3]) }));
    const selected = drawn.map((q) => (r.chance(Math.min(ability, 1)) ? q.correctIndex : (q.correctIndex + r.int(1, 3)) % 4));
    const createdAt = ago(daysAgo, 20, u % 60);
    const attempt = {
      id: ++attemptId,
      userId: uid(u),
      skillId,
      score: selected.filter((a, k) => a === drawn[k].correctIndex).length,
      total: drawn.length,
      selectedAnswers: selected,
      createdAt,
    };
    rows.skill_attempts.push(attempt);
    rows.skill_draws.push({ id: uuidFor(`skill_draw:${attempt.id}`), user_id: attempt.userId, skill_id: skillId, questions: drawn, attempt_id: attempt.id, created_at: new Date(createdAt.getTime() - 6 * MINUTE) });
  }
  // The best per member and skill, as the grading transaction keeps it (app/modules/skills/bests.server.ts).
  const attemptsBy = new Map<string, Row<"skill_attempts">[]>();
  for (const a of rows.skill_attempts) attemptsBy.set(`${a.userId}/${a.skillId}`, [...(attemptsBy.get(`${a.userId}/${a.skillId}`) ?? []), a]);
  for (const group of attemptsBy.values()) {
    const time = (a: Row<"skill_attempts">) => a.createdAt!.getTime();
    // Highest score/total first; the earliest of equals (as REBUILD_BESTS_SQL orders them).
    const [best] = [...group].sort((a, b) => b.score * a.total - a.score * b.total || time(a) - time(b) || a.id! - b.id!);
    rows.skill_bests.push({
      user_id: best.userId,
      skill_id: best.skillId,
      best_score: best.score,
      best_total: best.total,
      best_attempt_id: best.id!,
      attempts: group.length,
      last_attempt_at: new Date(Math.max(...group.map(time))),
    });
  }
  // A member who keeps one verified skill off their profile.
  const hiding = rows.skill_bests.find((b) => b.user_id !== uid(DEMO_USER_INDEX) && b.best_score * 100 >= b.best_total * 70);
  if (hiding) rows.verified_skill_hidden.push({ user_id: hiding.user_id, skill_id: hiding.skill_id });

  // ---- jobs in three feeds, posted by alumni, the career team and external sources
  const alumni = [5, 6, 27, 31, 38, 8];
  const careerTeam = [2, 19];
  const trackNames = Object.keys(T.jobTitlesByTrack) as (keyof typeof T.jobTitlesByTrack)[];
  type JobRow = Row<"jobs">;
  const makeJob = (feed: "jobs" | "remote_jobs" | "part_time_jobs", j: number): JobRow => {
    const r = new Rng(`${feed}:${j}`);
    const track = trackNames[(j * 3 + (feed === "jobs" ? 0 : feed === "remote_jobs" ? 1 : 2)) % trackNames.length];
    const title = r.pick(T.jobTitlesByTrack[track]);
    const indiaOnly = feed === "part_time_jobs";
    const pool = employers.filter((e) => (indiaOnly ? e.country === "IN" : feed === "remote_jobs" ? e.country !== "IN" : true));
    const employer = pool[(j * 7) % pool.length];
    const posterRoll = j % 10;
    const posted_by = posterRoll < 5 ? "external" : posterRoll < 8 ? "alumni" : "career_team";
    const posted_by_user_id = posted_by === "alumni" ? uid(alumni[j % alumni.length]) : posted_by === "career_team" ? uid(careerTeam[j % 2]) : null;
    const postedAt = ago(1 + ((j * 5) % 45), 6 + (j % 12), (j * 17) % 60);
    const partTime = feed === "part_time_jobs";
    const employmentType = partTime ? "Part-time" : title.includes("Intern") ? "Internship" : j % 9 === 4 ? "Contractor" : "Full-time";
    const currencyScale = employer.country === "IN" ? (partTime ? 1 : 12) : 1;
    const hasSalary = j % 4 !== 3;
    let min: number | null = null;
    let max: number | null = null;
    let period: string | null = null;
    if (hasSalary) {
      if (partTime) {
        period = "HOUR";
        min = 250 + (j % 6) * 50;
        max = min + 150;
      } else if (employer.country === "IN") {
        period = "YEAR";
        min = (4 + (j % 9)) * 100000;
        max = min + 300000;
      } else {
        period = "MONTH";
        min = (6 + (j % 10)) * 1000 * currencyScale;
        max = min + 4000;
      }
    }
    const city = feed === "remote_jobs" && j % 3 === 0 ? null : employer.city;
    const description = [
      `${employer.name} is hiring ${withArticle(title)}${feed === "remote_jobs" ? " to work remotely from anywhere in the MENA region" : city ? ` in ${city}` : ""}.`,
      r.pick(T.jobDescriptionParts.intro),
      r.pick(T.jobDescriptionParts.duties),
      `Requirements: ${r.sample(T.jobDescriptionParts.requirements, 2).join(" ")}`,
      partTime ? "Hours: 15 to 20 a week, flexible around classes." : r.pick(T.jobDescriptionParts.benefits),
    ].join("\n\n");
    return {
      job_id: jobIdFor(`${feed}:${j}`),
      job_title: title,
      employer_name: employer.name,
      employer_logo: null, // no logo files ship with the demo; a dead image link would only slow pages down
      job_city: city,
      job_state: employer.country === "IN" ? (indianStates[employer.city] ?? null) : city,
      job_country: employer.country,
      job_posted_at_datetime_utc: postedAt,
      job_apply_link: posted_by === "external" ? `https://careers.${employer.name.toLowerCase().replace(/[^a-z]+/g, "")}.example/jobs/${1000 + j}` : `https://ladder-demo.test/jobs/apply/${1000 + j}`,
      job_employment_type: employmentType,
      job_description: description,
      job_is_remote: feed === "remote_jobs" ? true : j % 8 === 5,
      job_min_salary: min === null ? null : String(min),
      job_max_salary: max === null ? null : String(max),
      job_salary_period: period,
      searchedat: posted_by === "external" ? new Date(postedAt.getTime() + 6 * HOUR) : null,
      posted_by,
      posted_by_user_id,
      created_at: new Date(postedAt.getTime() + (posted_by === "external" ? 6 * HOUR : 0)),
    };
  };
  for (let j = 0; j < 40; j++) rows.jobs.push(makeJob("jobs", j));
  for (let j = 0; j < 20; j++) rows.remote_jobs.push(makeJob("remote_jobs", j));
  for (let j = 0; j < 20; j++) rows.part_time_jobs.push(makeJob("part_time_jobs", j));

  // ---- job_postings (docs/decisions/014.1-posting-state-and-applicant-tables.md): every job posted in Ladder has a row; imported
  // (external) jobs have none. Most are approved; a few alumni posts wait, were declined or closed.
  const feedSlugOf = { jobs: "general", remote_jobs: "remote", part_time_jobs: "part-time" } as const;
  const appliedJobIds = new Set([0, 3, 41, 10, 15, 44, 21, 1, 2, 4, 60, 5, 42, 6, 7, 8, 9, 43, 61, 11, 12, 45, 13, 62, 63, 46, 14, 64, 16, 17]);
  let alumniSeen = 0;
  for (const feed of ["jobs", "remote_jobs", "part_time_jobs"] as const) {
    rows[feed].forEach((job, j) => {
      if (job.posted_by === "external") return;
      const index = feed === "jobs" ? j : feed === "remote_jobs" ? 40 + j : 60 + j;
      let status: "approved" | "pending" | "declined" | "closed" = "approved";
      if (job.posted_by === "alumni" && !appliedJobIds.has(index)) {
        alumniSeen++;
        status = alumniSeen === 1 || alumniSeen === 4 ? "pending" : alumniSeen === 2 ? "declined" : alumniSeen === 3 ? "closed" : "approved";
      }
      const decided = status !== "pending";
      rows.job_postings.push({
        feed: feedSlugOf[feed],
        job_id: job.job_id,
        status,
        decline_reason: status === "declined" ? "Please add the salary range and say whether the role is open to fresh graduates." : null,
        decided_by_user_id: decided ? uid(careerTeam[0]) : null,
        decided_at: decided ? new Date(job.created_at!.getTime() + 5 * HOUR) : null,
        created_at: job.created_at!,
        updated_at: decided ? new Date(job.created_at!.getTime() + (status === "closed" ? 3 * DAY : 5 * HOUR)) : job.created_at!,
      });
    });
  }

  // ---- applications (every status, some withdrawn) with interview rounds (every type and status)
  const allJobs = [...rows.jobs, ...rows.remote_jobs, ...rows.part_time_jobs];
  type AppPlan = { user: number; job: number; status: (typeof E.applicationStatuses)[number]; withdrawn?: boolean; daysAgo: number; rounds?: { type: (typeof E.roundTypes)[number]; status: (typeof E.roundStatuses)[number]; day: number; score?: number }[] };
  const appPlans: AppPlan[] = [
    // the demo user's applications
    { user: 0, job: 0, status: "interviewing", daysAgo: 25, rounds: [
      { type: "phone_screening", status: "completed", day: 20, score: 8 },
      { type: "job_assessment", status: "completed", day: 14, score: 7 },
      { type: "hr", status: "rescheduled", day: -2 },
      { type: "final", status: "scheduled", day: -6 },
    ] },
    { user: 0, job: 3, status: "pending", daysAgo: 2 },
    { user: 0, job: 41, status: "reviewing", daysAgo: 6 },
    { user: 0, job: 10, status: "shortlisted", daysAgo: 9, rounds: [{ type: "phone_screening", status: "scheduled", day: -1 }] },
    { user: 0, job: 15, status: "rejected", daysAgo: 35, rounds: [
      { type: "phone_screening", status: "completed", day: 30, score: 6 },
      { type: "job_assessment", status: "completed", day: 26, score: 4 },
    ] },
    { user: 0, job: 44, status: "offered", daysAgo: 40, rounds: [
      { type: "phone_screening", status: "completed", day: 36, score: 9 },
      { type: "hr", status: "completed", day: 31, score: 8 },
      { type: "final", status: "completed", day: 27, score: 9 },
    ] },
    { user: 0, job: 21, status: "pending", withdrawn: true, daysAgo: 18 },
    // everyone else
    { user: 5, job: 1, status: "hired", daysAgo: 70, rounds: [
      { type: "phone_screening", status: "completed", day: 65, score: 9 },
      { type: "job_assessment", status: "completed", day: 60, score: 8 },
      { type: "hr", status: "completed", day: 55, score: 9 },
      { type: "final", status: "completed", day: 50, score: 10 },
    ] },
    { user: 8, job: 2, status: "interviewing", daysAgo: 12, rounds: [
      { type: "phone_screening", status: "completed", day: 9, score: 7 },
      { type: "job_assessment", status: "cancelled", day: 5 },
      { type: "job_assessment", status: "scheduled", day: -3 },
    ] },
    { user: 9, job: 4, status: "rejected", daysAgo: 50, rounds: [{ type: "phone_screening", status: "completed", day: 46, score: 3 }] },
    { user: 11, job: 60, status: "offered", daysAgo: 20, rounds: [
      { type: "phone_screening", status: "completed", day: 17, score: 8 },
      { type: "final", status: "completed", day: 12, score: 8 },
    ] },
    { user: 12, job: 5, status: "reviewing", daysAgo: 4 },
    { user: 15, job: 42, status: "shortlisted", daysAgo: 7 },
    { user: 18, job: 6, status: "pending", daysAgo: 1 },
    { user: 20, job: 7, status: "interviewing", daysAgo: 16, rounds: [
      { type: "phone_screening", status: "completed", day: 13, score: 6 },
      { type: "hr", status: "scheduled", day: -1 },
    ] },
    { user: 21, job: 8, status: "reviewing", withdrawn: true, daysAgo: 33 },
    { user: 24, job: 9, status: "hired", daysAgo: 90, rounds: [
      { type: "phone_screening", status: "completed", day: 85, score: 8 },
      { type: "hr", status: "rescheduled", day: 80 },
      { type: "hr", status: "completed", day: 78, score: 7 },
      { type: "final", status: "completed", day: 70, score: 9 },
    ] },
    { user: 25, job: 43, status: "pending", daysAgo: 3 },
    { user: 26, job: 61, status: "reviewing", daysAgo: 5 },
    { user: 28, job: 11, status: "shortlisted", daysAgo: 8, rounds: [{ type: "phone_screening", status: "cancelled", day: 4 }] },
    { user: 30, job: 12, status: "pending", withdrawn: true, daysAgo: 14 },
    { user: 32, job: 45, status: "interviewing", daysAgo: 10, rounds: [{ type: "job_assessment", status: "scheduled", day: -4 }] },
    { user: 33, job: 13, status: "rejected", daysAgo: 22 },
    { user: 34, job: 62, status: "pending", daysAgo: 2 },
    { user: 36, job: 63, status: "offered", daysAgo: 15, rounds: [{ type: "phone_screening", status: "completed", day: 12, score: 9 }] },
    { user: 37, job: 46, status: "reviewing", daysAgo: 6 },
    { user: 39, job: 14, status: "hired", daysAgo: 120, rounds: [{ type: "final", status: "completed", day: 110, score: 8 }] },
    { user: 11, job: 64, status: "pending", daysAgo: 1 },
    { user: 12, job: 16, status: "rejected", daysAgo: 28 },
    { user: 24, job: 17, status: "interviewing", withdrawn: true, daysAgo: 19, rounds: [{ type: "phone_screening", status: "completed", day: 15, score: 5 }] },
  ];
  // k keys the ids (application:k, interview_round:k:r) and varies times; the jobs' feed is the slug.
  const addApplication = (a: Omit<AppPlan, "job">, k: number, job: JobRow, feed: "general" | "remote" | "part-time") => {
    const p = people[a.user];
    const appId = uuidFor(`application:${k}`);
    const created = ago(a.daysAgo, 11, (k * 7) % 60);
    const lastRound = a.rounds?.length ? a.rounds[a.rounds.length - 1].day : a.daysAgo - 1;
    const updated = a.status === "pending" && !a.withdrawn ? created : ago(Math.max(1, Math.min(a.daysAgo - 1, Math.max(lastRound, 1))), 15);
    rows.job_applications.push({
      id: appId,
      jobId: job.job_id,
      name: p.name,
      email: emailOf(p),
      coverLetter: `Dear hiring team,\n\nI would like to apply for the ${job.job_title} role at ${job.employer_name}. ${p.headline}. I studied ${p.degree} at ${p.university}, and I am confident I can contribute from day one.\n\nThank you for your time,\n${p.name}`,
      // No CV file: a CV is stored by the storage service and served at /applications/<id>/cv
      // (docs/decisions/014.5-applications-and-cvs.md); the seed writes no files, so demo applications have none.
      cvFileUrl: null,
      status: a.status,
      feedback:
        a.status === "rejected" ? "Thank you for applying. We chose a candidate with more hands-on experience for this role; we encourage you to apply again." :
        a.status === "offered" ? "Congratulations! The offer letter is on its way by email." :
        a.status === "hired" ? "Welcome aboard! Onboarding starts on the first Sunday of next month." :
        a.status === "shortlisted" ? "Your profile fits well; expect a call from our recruiter." : null,
      withdrawn: a.withdrawn ?? false,
      createdAt: created,
      updatedAt: updated,
    });
    rows.job_applicants.push({
      application_id: appId,
      user_id: uid(a.user),
      feed,
      job_id: job.job_id,
      live: !(a.withdrawn ?? false),
      created_at: created,
    });
    a.rounds?.forEach((round, r) => {
      const scheduled = ago(round.day, 10 + ((k + r) % 6));
      const completed = round.status === "completed";
      rows.interview_rounds.push({
        id: uuidFor(`interview_round:${k}:${r}`),
        applicationId: appId,
        roundNumber: r + 1,
        roundType: round.type,
        scheduledDate: scheduled,
        completedDate: completed ? new Date(scheduled.getTime() + 45 * MINUTE) : null,
        interviewerName: T.interviewerNames[(k + r) % T.interviewerNames.length],
        interviewerEmail: `${T.interviewerNames[(k + r) % T.interviewerNames.length].toLowerCase().replace(/[^a-z]+/g, ".")}@${(job.employer_name ?? "employer").toLowerCase().replace(/[^a-z]+/g, "")}.example`,
        notes:
          round.status === "rescheduled" ? `${T.roundNotes[round.type]} Moved at the candidate's request.` :
          round.status === "cancelled" ? `${T.roundNotes[round.type]} Cancelled: the interviewer was unavailable.` : T.roundNotes[round.type],
        status: round.status,
        feedback: completed ? T.roundFeedback[(k + r) % T.roundFeedback.length] : null,
        score: completed ? (round.score ?? 7) : null,
        createdAt: new Date(Math.min(created.getTime() + (r + 1) * DAY, scheduled.getTime() - HOUR)),
        updatedAt: completed ? new Date(scheduled.getTime() + 2 * HOUR) : new Date(Math.min(t0, scheduled.getTime()) - 2 * DAY),
      });
    });
  };
  appPlans.forEach((a, k) => addApplication(a, k, allJobs[a.job], a.job < 40 ? "general" : a.job < 60 ? "remote" : "part-time"));

  // ---- the demo recruiter's own jobs (issue 13): applicants at every stage and interviews ahead,
  // so the recruiter's home and /hiring have something to show. Recruiters post as alumni
  // (decision 014.3); the career team approved these posts.
  const recruiterJobs = [
    { feed: "jobs", title: "Graduate Process Engineer", city: "Abu Dhabi", daysAgo: 21 },
    { feed: "remote_jobs", title: "HR Coordinator", city: null, daysAgo: 14 },
    // In the general feed, so the demo job seeker (a data analyst) finds it among "jobs that fit".
    { feed: "jobs", title: "Junior Data Analyst", city: "Dubai", daysAgo: 9 },
  ] as const;
  const recruiterEmployer = people[RECRUITER_INDEX].company!;
  const recruiterRows = recruiterJobs.map((spec, j): JobRow => {
    const base = makeJob(spec.feed, 100 + j);
    const postedAt = ago(spec.daysAgo, 9, 30);
    return {
      ...base,
      job_id: jobIdFor(`recruiter:${j}`),
      job_title: spec.title,
      employer_name: recruiterEmployer,
      job_city: spec.city,
      job_state: spec.city,
      job_country: "AE",
      job_posted_at_datetime_utc: postedAt,
      job_apply_link: null,
      job_employment_type: "Full-time",
      job_is_remote: spec.feed === "remote_jobs",
      job_min_salary: String(12000 + j * 2000),
      job_max_salary: String(16000 + j * 2000),
      job_salary_period: "MONTH",
      job_description: [
        `${recruiterEmployer} is hiring ${withArticle(spec.title)}${spec.city ? ` in ${spec.city}` : " to work remotely from anywhere in the MENA region"}.`,
        T.jobDescriptionParts.intro[j % T.jobDescriptionParts.intro.length],
        T.jobDescriptionParts.duties[j % T.jobDescriptionParts.duties.length],
        `Requirements: ${T.jobDescriptionParts.requirements[j % T.jobDescriptionParts.requirements.length]}`,
        T.jobDescriptionParts.benefits[j % T.jobDescriptionParts.benefits.length],
      ].join("\n\n"),
      searchedat: null,
      posted_by: "alumni",
      posted_by_user_id: uid(RECRUITER_INDEX),
      created_at: postedAt,
    };
  });
  recruiterRows.forEach((job, j) => {
    const feed = recruiterJobs[j].feed;
    rows[feed].push(job);
    rows.job_postings.push({
      feed: feedSlugOf[feed],
      job_id: job.job_id,
      status: "approved",
      decline_reason: null,
      decided_by_user_id: uid(careerTeam[0]),
      decided_at: new Date(job.created_at!.getTime() + 3 * HOUR),
      created_at: job.created_at!,
      updated_at: new Date(job.created_at!.getTime() + 3 * HOUR),
    });
  });
  // Every status on the first job; the others add a withdrawal and more interviews. Negative
  // days are in the future: the rounds still to come.
  const recruiterPlans: (Omit<AppPlan, "job"> & { job: number })[] = [
    { user: 25, job: 0, status: "pending", daysAgo: 1 },
    { user: 23, job: 0, status: "reviewing", daysAgo: 5 },
    { user: 35, job: 0, status: "shortlisted", daysAgo: 8, rounds: [{ type: "phone_screening", status: "scheduled", day: -1 }] },
    { user: 9, job: 0, status: "interviewing", daysAgo: 15, rounds: [
      { type: "phone_screening", status: "completed", day: 11, score: 8 },
      { type: "job_assessment", status: "completed", day: 6, score: 7 },
      { type: "hr", status: "scheduled", day: -2 },
    ] },
    { user: 16, job: 0, status: "offered", daysAgo: 19, rounds: [
      { type: "phone_screening", status: "completed", day: 16, score: 9 },
      { type: "final", status: "completed", day: 9, score: 9 },
    ] },
    { user: 33, job: 0, status: "hired", daysAgo: 20, rounds: [
      { type: "phone_screening", status: "completed", day: 18, score: 8 },
      { type: "final", status: "completed", day: 12, score: 10 },
    ] },
    { user: 12, job: 0, status: "rejected", daysAgo: 17, rounds: [{ type: "phone_screening", status: "completed", day: 13, score: 4 }] },
    { user: 20, job: 1, status: "pending", daysAgo: 2 },
    { user: 28, job: 1, status: "interviewing", daysAgo: 10, rounds: [
      { type: "phone_screening", status: "completed", day: 7, score: 7 },
      { type: "final", status: "rescheduled", day: -4 },
    ] },
    { user: 37, job: 1, status: "reviewing", withdrawn: true, daysAgo: 12 },
    { user: 26, job: 2, status: "reviewing", daysAgo: 3 },
    { user: 32, job: 2, status: "interviewing", daysAgo: 7, rounds: [{ type: "job_assessment", status: "scheduled", day: -3 }] },
  ];
  recruiterPlans.forEach((a, i) => addApplication(a, 100 + i, recruiterRows[a.job], feedSlugOf[recruiterJobs[a.job].feed]));

  // ---- issue 13's extension tables (decision 023): jobs the demo user saved, meetings proposed
  // from "find a time", and where each connection notification leads.
  [3, 10, 25].forEach((j, k) => {
    rows.saved_jobs.push({ user_id: uid(DEMO_USER_INDEX), feed: "general", job_id: rows.jobs[j].job_id, created_at: ago(2 + k * 3, 20) });
  });
  rows.saved_jobs.push({ user_id: uid(DEMO_USER_INDEX), feed: "general", job_id: recruiterRows[2].job_id, created_at: ago(1, 21) });
  const meetingPlans = [
    { proposer: LONG_CONVERSATION_PARTNER_INDEX, invitee: DEMO_USER_INDEX, day: -2, hour: 10, status: "proposed" },
    { proposer: DEMO_USER_INDEX, invitee: 5, day: -1, hour: 14, status: "accepted" },
    { proposer: DEMO_USER_INDEX, invitee: 8, day: 3, hour: 9, status: "accepted" },
    { proposer: 27, invitee: DEMO_USER_INDEX, day: -4, hour: 16, status: "declined" },
  ] as const;
  meetingPlans.forEach((m, k) => {
    const starts = ago(m.day, m.hour);
    const created = new Date(Math.min(starts.getTime(), t0) - 2 * DAY);
    rows.meetings.push({
      id: uuidFor(`meeting:${k}`),
      proposer_id: uid(m.proposer),
      invitee_id: uid(m.invitee),
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 30 * MINUTE),
      status: m.status,
      responded_at: m.status === "proposed" ? null : new Date(created.getTime() + 3 * HOUR),
      created_at: created,
    });
  });
  for (const n of rows.notification) {
    rows.notification_links.push({ notification_id: n.id!, href: n.type === "connection_request" ? "/network" : `/u/${n.related_user_id}` });
  }

  // ---- the anonymous feed (issue 17): after the connection notifications' links, it adds its own
  buildDemoFeed(rows, t0);

  // ---- communities (issue 16, decision 041): memberships pending and approved, posts of both
  // types, and the extension tables: a moderator row for every creator (and one appointed), a
  // ban, decisions (approved, declined with and without a reason, removed, banned), an event row
  // beside every event post (upcoming, one past), subscriptions to new events, and member counts
  // equal to the approved memberships.
  const creators = [8, 24, 19, 2, 9, 29, DEMO_USER_INDEX, 5];
  // The communities of issue 16 have chosen members: user@demo.test's alumni group has requests
  // for her to decide; Cairo Software Engineers has an appointed moderator, a removal and a ban.
  const chosen: Record<number, { approved: number[]; pending: number[]; moderators: number[] }> = {
    6: { approved: [DEMO_USER_INDEX, 17, 22, 33, 7], pending: [5, 37, 26, 13], moderators: [] },
    7: { approved: [5, 4, 38, 15, 22, 11], pending: [34, 12, 27], moderators: [38] },
  };
  const communityIdOf = (k: number) => uuidFor(`community:${k}`);
  const communityIndex = (name: string) => T.communitySources.findIndex((c) => c.name === name);
  const memberSets: Set<number>[] = [];
  const approvedIn: number[][] = [];
  const moderatorsOf: number[][] = [];
  const eventTime = (event: T.DemoEvent, created: Date, k: number, past: boolean) => {
    // One event of the shared posts is over (a week after it was posted); the others are to come.
    const day = past ? utcMidnight(created).getTime() + 7 * DAY : t0 + (event.inDays + (k < 6 ? k % 4 : 0)) * DAY;
    const starts = new Date(day + event.hour * HOUR);
    return { starts, ends: event.hours ? new Date(starts.getTime() + event.hours * HOUR) : null };
  };
  T.communitySources.forEach((c, k) => {
    const communityId = communityIdOf(k);
    const creator = creators[k];
    const createdDaysAgo = 180 - k * 20;
    const created = ago(createdDaysAgo, 12);
    rows.communities.push({
      id: communityId,
      name: c.name,
      description: c.description,
      banner_image: k % 2 === 0 ? `https://files.ladder-demo.test/banners/community-${k + 1}.jpg` : null,
      created_by: uid(creator),
      created_at: created,
    });
    const plan = chosen[k];
    const approved: number[] = [];
    const members = new Set<number>();
    const join = (u: number, pending: boolean, at: Date) => {
      members.add(u);
      if (!pending) approved.push(u);
      rows.community_memberships.push({
        id: uuidFor(`community_membership:${k}:${u}`),
        community_id: communityId,
        user_id: uid(u),
        status: pending ? "pending" : "approved",
        joined_at: at,
      });
    };
    if (plan) {
      plan.approved.forEach((u, m) => join(u, false, u === creator ? created : ago(createdDaysAgo - 2 - m * 5, 19)));
      // Requests oldest first: six days, four days, two days and a few hours before the seed's day.
      plan.pending.forEach((u, p) => join(u, true, ago(Math.max(0, 6 - p * 2), p === plan.pending.length - 1 ? -5 : 9 + p * 3)));
    } else {
      const r = new Rng(`community:${k}`);
      const sampled = new Set<number>([creator, ...r.sample([...Array(n).keys()].filter((x) => x !== creator), 6 + ((k * 3) % 9))]);
      if (k === 0 || k === 3) sampled.add(0);
      if (k === 2) sampled.add(0);
      [...sampled].forEach((u, m) => {
        const pending = u !== creator && (u === 0 ? k === 2 : m % 5 === 4);
        join(u, pending, u === creator ? created : ago(Math.max(1, 170 - k * 20 - m * 9), 19));
      });
    }
    memberSets.push(members);
    approvedIn.push(approved);
    rows.community_stats.push({ community_id: communityId, members: approved.length });

    // Who moderates: the creator from the first day, then anyone the creator appointed.
    const moderators = [creator, ...(plan?.moderators ?? [])];
    moderatorsOf.push(moderators);
    moderators.forEach((u, i) =>
      rows.community_moderators.push({ community_id: communityId, user_id: uid(u), appointed_at: i === 0 ? created : ago(20, 11) }),
    );

    // Every approved request has its decision: the creator's, or the appointed moderator's for the newest.
    const joinedAt = new Map(rows.community_memberships.filter((m) => m.community_id === communityId).map((m) => [m.user_id, m.joined_at!]));
    approved.forEach((u, m) => {
      if (u === creator) return;
      const asked = joinedAt.get(uid(u))!.getTime();
      const decider = plan && m === approved.length - 1 && moderators.length > 1 ? moderators[1] : creator;
      rows.community_decisions.push({
        id: uuidFor(`community_decision:${k}:${u}`),
        membership_id: uuidFor(`community_membership:${k}:${u}`),
        community_id: communityId,
        user_id: uid(u),
        decision: "approved",
        reason: null,
        decided_by: uid(decider),
        decided_at: new Date(Math.min(asked + (3 + ((m * 5) % 40)) * HOUR, t0 - HOUR)),
      });
    });

    // Posts: the first six communities share a rotation; the two of issue 16 have their own.
    const own = T.ownCommunityPosts[c.name];
    const posts = own ?? Array.from({ length: 2 + (k % 3) }, (_, q) => ({ ...T.communityPosts[(k * 3 + q) % T.communityPosts.length], by: null }));
    posts.forEach((post, q) => {
      const postId = uuidFor(`community_post:${k}:${q}`);
      const author =
        post.by === "creator" ? creator
        : post.by === "moderator" ? moderators[moderators.length - 1]
        : post.by === "member" ? approved[1]
        : q === 0 ? creator : approved[(q * 2) % approved.length];
      const created = own ? ago(1 + q * 4 + (k - 6) * 2, 15, q * 7) : ago(1 + q * 6 + k, 17, q * 10);
      rows.community_posts.push({ id: postId, community_id: communityId, user_id: uid(author), content: post.content, type: post.type, created_at: created });
      if (post.type === "event") {
        const { starts, ends } = eventTime(post.event, created, k, !own && q === 3);
        rows.community_events.push({
          post_id: postId,
          community_id: communityId,
          starts_at: starts,
          ends_at: ends,
          place: post.event.place ?? null,
          online_url: post.event.online ?? null,
        });
      }
    });
  });

  // Decisions that left no membership (declined, removed, banned), each told to the member.
  const outsider = (k: number, candidates: number[]) => candidates.find((u) => !memberSets[k].has(u))!;
  const alumniGroup = communityIndex("University of Jordan Alumni");
  const cairo = communityIndex("Cairo Software Engineers");
  const finance = communityIndex("Finance and Accounting Circle");
  const closed: { k: number; u: number; by: number; decision: "declined" | "removed" | "banned"; reason: string | null; daysAgo: number }[] = [
    { k: alumniGroup, u: outsider(alumniGroup, [31, 36, 30]), by: DEMO_USER_INDEX, decision: "declined", reason: T.communityReasons.declinedAlumni, daysAgo: 8 },
    { k: finance, u: DEMO_USER_INDEX, by: creators[finance], decision: "declined", reason: T.communityReasons.declinedFinance, daysAgo: 4 },
    { k: 0, u: outsider(0, [36, 30, 23, 16]), by: creators[0], decision: "declined", reason: null, daysAgo: 11 },
    { k: cairo, u: outsider(cairo, [18, 31, 16]), by: 38, decision: "removed", reason: T.communityReasons.removed, daysAgo: 15 },
    { k: cairo, u: outsider(cairo, [37, 31, 16]), by: creators[cairo], decision: "banned", reason: T.communityReasons.banned, daysAgo: 9 },
  ];
  if (memberSets[finance].has(DEMO_USER_INDEX)) throw new Error("demo: user@demo.test must not be a member of the community that declined her");
  const noteAbout = (to: number, key: string, title: string, message: string, href: string, at: Date, isRead: boolean) => {
    const id = uuidFor(`notification:community:${key}`);
    rows.notification.push({ id, user_id: uid(to), type: null, title, message, related_user_id: null, related_connection_id: null, is_read: isRead, created_at: at });
    rows.notification_links.push({ notification_id: id, href });
  };
  closed.forEach(({ k, u, by, decision, reason, daysAgo }) => {
    const at = ago(daysAgo, 10 + (u % 8), (u * 7) % 60);
    const name = T.communitySources[k].name;
    rows.community_decisions.push({
      id: uuidFor(`community_decision:${decision}:${k}:${u}`),
      membership_id: uuidFor(`community_membership:${decision}:${k}:${u}`),
      community_id: communityIdOf(k),
      user_id: uid(u),
      decision,
      reason,
      decided_by: uid(by),
      decided_at: at,
    });
    if (decision === "banned") {
      rows.community_bans.push({ community_id: communityIdOf(k), user_id: uid(u), banned_by: uid(by), reason, created_at: at });
    }
    const title = decision === "declined" ? "Request declined" : "Removed from a community";
    const what =
      decision === "declined" ? `Your request to join ${name} was declined.`
      : decision === "removed" ? `You were removed from ${name}.`
      : `You were removed from ${name} and cannot ask to join again.`;
    const message = reason ? `${what} Reason: ${reason}` : what;
    noteAbout(u, `${decision}:${k}:${u}`, title, message, `/communities/${communityIdOf(k)}`, at, daysAgo > 5);
  });
  // Moderators heard of each request still waiting in the communities of issue 16 (one notification each).
  for (const k of [alumniGroup, cairo]) {
    const name = T.communitySources[k].name;
    for (const m of rows.community_memberships.filter((x) => x.community_id === communityIdOf(k) && x.status === "pending")) {
      const asker = people[rows.User.findIndex((x) => x.id === m.user_id)];
      for (const mod of moderatorsOf[k]) {
        noteAbout(mod, `request:${k}:${m.user_id}:${mod}`, "New request to join", `${asker.name} asked to join ${name}.`, `/communities/${communityIdOf(k)}/requests`, m.joined_at!, false);
      }
    }
  }
  // "Tell me about new events": approved members only.
  const subscriptions: [number, number, number][] = [[0, DEMO_USER_INDEX, 30], [alumniGroup, DEMO_USER_INDEX, 50], [alumniGroup, 17, 20], [cairo, 15, 12], [cairo, 22, 6], [1, creators[1], 100]];
  for (const [k, u, daysAgo] of subscriptions) {
    if (!approvedIn[k].includes(u)) throw new Error(`demo: subscriber ${u} is not an approved member of community ${k}`);
    rows.community_event_subscriptions.push({ community_id: communityIdOf(k), user_id: uid(u), created_at: ago(daysAgo, 18) });
  }

  // ---- calendar: this week and next, per user/day non-overlapping blocks
  const monday = mondayOf(now).getTime();
  const patterns: [string, string, boolean][][] = [
    [["09:00:00", "12:00:00", false], ["12:00:00", "13:00:00", true], ["14:00:00", "17:00:00", false]],
    [["09:00:00", "17:00:00", true]],
    [["10:00:00", "11:30:00", false], ["15:00:00", "16:00:00", false], ["18:00:00", "20:00:00", true]],
    [["08:30:00", "10:00:00", true], ["13:00:00", "18:00:00", false]],
  ];
  for (const u of [0, 1, 2, 5, 8, 14, 19, 27]) {
    for (const week of [0, 1]) {
      const weekStart = new Date(monday + week * 7 * DAY);
      for (let day = 0; day < 5 + (u % 2); day++) {
        if ((u + day + week) % 4 === 3) continue;
        const pattern = patterns[(u + day * 3 + week) % patterns.length];
        pattern.forEach(([start, end, blocked]) => {
          const at = new Date(Math.min(t0, weekStart.getTime()) - (1 + ((u + day) % 3)) * DAY);
          rows.user_calendar_blocks.push({
            id: uuidFor(`calendar:${u}:${week}:${day}:${start}`),
            userId: uid(u),
            weekStartDate: weekStart,
            dayOfWeek: day,
            startTime: start,
            endTime: end,
            isBlocked: blocked,
            createdAt: at,
            updatedAt: at,
          });
        });
      }
    }
  }

  // ---- time zones (member_settings): each member's country; the calendar blocks above are wall-clock times in them
  people.forEach((p, i) => {
    rows.member_settings.push({ user_id: uid(i), time_zone: COUNTRY_ZONES[p.country] ?? "UTC", updated_at: new Date(t0 - (30 + (i % 20)) * DAY) });
  });

  // ---- who lets recruiters find them (issue 18: off by default; most job seekers turned it on).
  // match_terms: the same pure builder the app runs when a member saves (db/match-terms.ts).
  people.forEach((p, i) => {
    if (!ARCHIVED_CANDIDATES.includes(i) && (p.role !== "user" || (i % 4 === 3 && i !== DEMO_USER_INDEX))) return;
    const u = rows.User[i] as { professional_skills?: string[] | null; headline?: string | null; experience?: { title: string; startDate?: string; endDate?: string }[] | null };
    const match_terms = buildMatchTerms({ professionalSkills: u.professional_skills, headline: u.headline, experience: u.experience, city: p.city }, now);
    rows.candidate_settings.push({ user_id: uid(i), findable: true, share_phone: i % 3 !== 1, city: p.city, match_terms, updated_at: new Date(t0 - (10 + (i % 20)) * DAY) });
  });

  // ---- daily interviews and their answers: questions drawn from the banks (db/interview-banks),
  // the answers members typed, feedback as the offline reviewer writes it and a few AI reviews.
  for (const [u, list] of interviewPlan) {
    list.forEach((iv, k) => {
      const interviewId = uuidFor(`daily_interview:${u}:${k}`);
      const date = interviewDay(u, iv.day);
      // Noon UTC is within the member's own day in every demo zone (UTC to UTC+5:30); today's started an hour ago at most.
      const startedAt = iv.day === 0 ? new Date(Math.min(date.getTime() + 12 * HOUR, clock.getTime() - HOUR)) : new Date(date.getTime() + 12 * HOUR);
      const r = new Rng(`daily_interview:${u}:${k}`);
      const questions = r.sample(questionsOf(iv.category, "en"), QUESTIONS_PER_INTERVIEW);
      // Every third completed interview skipped one question; an unfinished one stopped after 2 answers (today's after 1).
      const skipped = iv.completed && k % 3 === 1 && questions.length > 1 ? [questions[questions.length - 2]] : [];
      const answered = iv.completed ? questions.filter((q) => !skipped.includes(q)) : questions.slice(0, iv.day === 0 ? 1 : 2);
      const doneAt = new Date(startedAt.getTime() + (questions.length + 1) * 5 * MINUTE);
      rows.daily_interviews.push({
        id: interviewId,
        userId: uid(u),
        interviewDate: date,
        category: iv.category,
        completedAt: iv.completed ? doneAt : null,
        isCompleted: iv.completed,
        createdAt: startedAt,
        updatedAt: iv.completed ? doneAt : startedAt,
      });
      rows.interview_plans.push({ daily_interview_id: interviewId, question_ids: questions.map((q) => q.id), language: "en" });
      for (const q of skipped) {
        rows.interview_skips.push({ daily_interview_id: interviewId, question_id: q.id, skipped_at: new Date(startedAt.getTime() + (questions.indexOf(q) + 1) * 5 * MINUTE) });
      }
      answered.forEach((q, m) => {
        const at = new Date(startedAt.getTime() + (questions.indexOf(q) + 1) * 5 * MINUTE);
        const progressId = uuidFor(`interview_progress:${u}:${k}:${q.id}`);
        const fuller = (u + k + m) % 3 !== 2;
        const answer = T.interviewAnswers[iv.category][fuller ? 0 : 1];
        const ai = (u + k + m) % 5 === 0;
        rows.interview_progress.push({
          id: progressId,
          dailyInterviewId: interviewId,
          userId: uid(u),
          category: iv.category,
          questionId: q.id,
          question: q.text,
          answer,
          aiFeedback: ai ? T.interviewAiReviews[fuller ? 0 : 1] : offlineReview(q, answer, fuller),
          answeredAt: at,
          createdAt: at,
        });
        rows.interview_feedback.push({ progress_id: progressId, source: ai ? "ai" : "offline", ai_failed: false, updated_at: new Date(at.getTime() + 20_000) });
      });
    });
  }

  // ---- analytics: sessions, page views, activity logs, feature usage. The categories and types
  // are the catalog's (db/activity-catalog.ts), written by ensureActivityCatalog in seedDemo.
  const agents = [
    { ua: "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", device: "mobile", browser: "Chrome", os: "Android" },
    { ua: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", device: "desktop", browser: "Chrome", os: "Windows" },
    { ua: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", device: "mobile", browser: "Safari", os: "iOS" },
    { ua: "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36", device: "mobile", browser: "Samsung Internet", os: "Android" },
    { ua: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", device: "desktop", browser: "Firefox", os: "Linux" },
    { ua: "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", device: "tablet", browser: "Safari", os: "iPadOS" },
  ];
  const pages: [string, string][] = [
    ["/", "Ladder"], ["/jobs", "Jobs"], ["/jobs/remote", "Remote jobs in MENA"], ["/jobs/part-time", "Part-time jobs in India"],
    ["/network", "Your network"], ["/messages", "Messages"], ["/notifications", "Notifications"], ["/coach", "Career coach"],
    ["/skills", "Skill tests"], ["/interviews/today", "Today's mock interview"], ["/communities", "Communities"],
    ["/feed", "Anonymous feed"], ["/profile", "Your profile"], ["/applications", "Your applications"], ["/calendar", "Your calendar"],
  ];
  const ip = (u: number, s: number) => [`192.0.2.${(u * 7 + s) % 250 + 1}`, `198.51.100.${(u * 3 + s) % 250 + 1}`, `203.0.113.${(u * 11 + s) % 250 + 1}`][(u + s) % 3];
  // What members do from a session: the catalog's security types go to user_activity_logs (as
  // track() writes them); the members' everyday actions go to feature_usage.
  const activityActions = [...ACTIVITY_TYPES].filter((x) => x.security && !["sign_up", "referral_sign_up", "role_changed"].includes(x.name));
  const usageActions = [...ACTIVITY_TYPES].filter((x) => !x.security && x.feature !== "skills_bank" && !["job_approved", "application_status_changed", "candidates_viewed", "candidate_archived", "archive_card_deleted", "archive_exported", "community_join_approved"].includes(x.name));
  for (let u = 0; u < n; u++) {
    const r = new Rng(`analytics:${u}`);
    const sessionsForUser = u === 0 ? 5 : r.int(1, 3);
    for (let s = 0; s < sessionsForUser; s++) {
      const agent = agents[(u + s) % agents.length];
      const sessionId = uuidFor(`user_session:${u}:${s}`);
      const started = ago(u === 0 ? s * 3 + 1 : r.int(1, 29), r.int(6, 22), r.int(0, 59));
      const active = s === 0 && u % 3 === 0;
      const views = r.int(2, 7);
      const lastActivity = new Date(started.getTime() + views * 3 * MINUTE);
      rows.user_sessions.push({
        id: sessionId,
        user_id: uid(u),
        session_token: secret(),
        ip_address: ip(u, s),
        user_agent: agent.ua,
        device_type: agent.device,
        browser: agent.browser,
        os: agent.os,
        started_at: started,
        last_activity_at: lastActivity,
        ended_at: active ? null : new Date(lastActivity.getTime() + 10 * MINUTE),
        is_active: active,
      });
      let referrer: string | null = s % 2 === 0 ? "https://www.google.com/" : null;
      for (let v = 0; v < views; v++) {
        const [path, title] = pages[(u + s * 3 + v * 5) % pages.length];
        rows.page_views.push({
          id: uuidFor(`page_view:${u}:${s}:${v}`),
          user_id: uid(u),
          session_id: sessionId,
          page_path: path,
          page_title: title,
          referrer,
          time_on_page: r.int(5, 240),
          created_at: new Date(started.getTime() + v * 3 * MINUTE),
        });
        referrer = `https://ladder-demo.test${path}`;
      }
      for (let a = 0; a < r.int(2, 5); a++) {
        const action = activityActions[(u * 3 + s * 5 + a * 7) % activityActions.length];
        rows.user_activity_logs.push({
          id: uuidFor(`activity_log:${u}:${s}:${a}`),
          user_id: uid(u),
          action_type: action.name,
          action_category: action.category,
          resource_type: action.category === "profile" ? "user" : null,
          resource_id: action.category === "profile" ? uid(u) : null,
          metadata: { source: agent.device === "mobile" ? "mobile-web" : "web", liteMode: agent.device === "mobile" && u % 2 === 0 },
          ip_address: ip(u, s),
          user_agent: agent.ua,
          session_id: sessionId,
          created_at: new Date(started.getTime() + (a + 1) * 2 * MINUTE),
        });
      }
    }
    // A few anonymous page views (no user, no session).
    if (u % 8 === 0) {
      rows.page_views.push({ id: uuidFor(`page_view:anon:${u}`), user_id: null, session_id: null, page_path: "/jobs", page_title: "Jobs", referrer: "https://www.bing.com/", time_on_page: 30 + u, created_at: ago(1 + (u % 20), 13) });
    }
    for (let f = 0; f < r.int(1, 4); f++) {
      const action = usageActions[(u * 5 + f * 3) % usageActions.length];
      const at = ago(r.int(0, 29) + 1, r.int(7, 22), r.int(0, 59));
      rows.feature_usage.push({
        id: uuidFor(`feature_usage:${u}:${f}`),
        user_id: uid(u),
        feature_name: action.feature,
        action: action.name,
        // As track() writes them: the anonymous feed's at its day and without metadata.
        metadata: action.dayOnly ? null : { plan: u % 10 === 0 ? "premium" : "free" },
        created_at: action.dayOnly ? utcDay(at) : at,
      });
    }
  }
  // Daily summaries and their dimension counts come from the rows above through the summary
  // job's own code, after they are inserted (seedDemo, DEMO_SUMMARY_DAYS).

  // ---- uploads, archive cards, premium sign-ups and API sign-ups
  let uploadId = 0;
  for (let u = 0; u < n; u += 3) {
    const p = people[u];
    rows.uploads.push({ id: ++uploadId, userEmail: emailOf(p), fileUrl: `https://files.ladder-demo.test/cv/${slugOf(p)}-cv.pdf`, fileType: "cv", createdAt: ago(10 + u, 20) });
    if (u % 2 === 0) {
      rows.uploads.push({ id: ++uploadId, userEmail: emailOf(p), fileUrl: `https://files.ladder-demo.test/cover-letters/${slugOf(p)}-cover-letter.pdf`, fileType: "cover-letter", createdAt: ago(9 + u, 21) });
    }
  }
  ARCHIVED_CANDIDATES.forEach((u, k) => {
    const p = people[u];
    rows.archive_card.push({
      id: k + 1,
      name: p.name,
      phone: rows.User[u].phone ?? null,
      matchPercentage: `${92 - k * 6}%`,
      desc: `${p.headline}. Matched on ${rows.User[u].professional_skills?.slice(0, 2).join(" and ")}.`,
      email: emailOf(p),
    });
  });
  // The demo recruiter archived these cards from their own jobs (archive_card_owners, issue 18).
  ARCHIVED_CANDIDATES.forEach((u, k) => {
    const j = k % recruiterRows.length;
    rows.archive_card_owners.push({ card_id: k + 1, recruiter_user_id: uid(RECRUITER_INDEX), member_user_id: uid(u), feed: feedSlugOf[recruiterJobs[j].feed], job_id: recruiterRows[j].job_id, created_at: ago(3 + k * 2, 11) });
  });
  const premium = [
    ["Aisha Siddiqui", "aisha.siddiqui@ladder-demo.test", "+91 98450 12345", "I want weekly CV reviews and mock interviews before my campus placements."],
    ["Mustafa Karimi", "mustafa.karimi@ladder-demo.test", "+971 50 123 4567", "Interested in one-to-one coaching for switching from engineering to product management."],
    ["Sofia Benjelloun", "sofia.benjelloun@ladder-demo.test", null, "Looking for remote roles with European companies; would pay for priority applications."],
    ["Neha Kapoor", "neha.kapoor@ladder-demo.test", "+91 99100 55432", "Returning to work after a career break. I need help with a gap on my CV."],
    ["Hisham Zahran", "hisham.zahran@ladder-demo.test", "+20 100 987 6543", null],
  ] as const;
  premium.forEach(([fullName, emailAddress, phoneNumber, paragraphInterest], k) =>
    rows.premuser.push({ id: uuidFor(`premuser:${k}`), fullName, emailAddress, phoneNumber, paragraphInterest, createdAt: ago(5 + k * 9, 14) }),
  );
  const apiUsers = [
    ["Rakesh Menon", "rakesh.menon@ladder-demo.test", "+91 80 4123 4567", "Bengaluru Institute of Technology placement cell", "Placement officer", "Post our campus drives and see which students applied."],
    ["Laila Bakr", "laila.bakr@ladder-demo.test", "+962 6 555 0101", "Amman Youth Employment Network", "Programme manager", "Share remote job leads with the young people we train."],
    ["Mounir Tazi", "mounir.tazi@ladder-demo.test", null, "Atlas Retail Group", "HR systems lead", "Sync our graduate openings automatically."],
  ] as const;
  apiUsers.forEach(([fullName, email_address, phone_number, orgName, work, benefits], k) =>
    rows.apiuser.push({ id: uuidFor(`apiuser:${k}`), fullName, email_address, phone_number, orgName, work, benefits, createdAt: ago(30 + k * 11, 10) }),
  );

  return rows;
}

/**
 * The anonymous feed (issue 17, decision 043): posts in every topic across companies and
 * industries (a few in Arabic and Hindi, several in the last seven days so "Top this week" has
 * content), comments and likes whose counters equal the rows, user@demo.test's own anonymous
 * post, and the extension tables: reports (open, dismissed, hidden), the hidden post and comment,
 * the authors' notifications (comments, grouped likes, removals; related_user_id NULL, linked to
 * /feed/<id>) and the one unread grouped like notice of each recently liked post.
 */
function buildDemoFeed(rows: DemoRows, t0: number): void {
  const n = people.length;
  const uid = userId;
  const everyone = [...Array(n).keys()];
  const notify = (to: number, key: string, title: string, message: string, href: string, at: number, isRead: boolean) => {
    const id = uuidFor(`notification:feed:${key}`);
    rows.notification.push({ id, user_id: uid(to), type: null, title, message, related_user_id: null, related_connection_id: null, is_read: isRead, created_at: new Date(at) });
    rows.notification_links.push({ notification_id: id, href });
    return id;
  };
  const moderator = uid(MODERATOR_INDEX);
  const posts: { id: string; author: number; created: number; comments: { id: string; author: number; at: number }[]; spamComment: string | null }[] = [];

  T.anonymousPosts.forEach((post, p) => {
    const legacy = p < FIRST_FEED_POSTS;
    const author = post.author ?? 5 + ((p * 7) % (n - 5));
    const postId = uuidFor(`anonymous_post:${p}`);
    const created =
      legacy && post.daysAgo === undefined
        ? t0 - (2 + p * 3) * DAY + (10 + (p % 8)) * HOUR + ((p * 11) % 60) * MINUTE
        : t0 - (post.daysAgo ?? 2 + p * 3) * DAY - (3 + (p % 9)) * HOUR - ((p * 11) % 60) * MINUTE;
    const others = everyone.filter((x) => x !== author);
    const texts = post.comments ?? null;
    const commenters = new Rng(`post:${p}`).sample(others, texts ? texts.length + (post.spamComment ? 1 : 0) : p % 4 === 3 ? 0 : 1 + (p % 4));
    const likers = new Rng(`post-like:${p}`).sample(others, post.likes ?? (p * 5) % 11);
    // Recent posts space their comments and likes to end before "now".
    const step = (slots: number, usual: number) => Math.min(usual, Math.floor((t0 - MINUTE - created) / (slots + 1)));
    const commentStep = step(commenters.length, 3 * HOUR);
    const likeStep = step(likers.length, 2 * HOUR);
    const seen = { id: postId, author, created, comments: [] as { id: string; author: number; at: number }[], spamComment: null as string | null };
    const commentRows: Row<"anonymous_comment">[] = commenters.map((c, k) => {
      const commentId = uuidFor(`anonymous_comment:${p}:${k}`);
      const spam = texts !== null && k === texts.length;
      const likesOf = spam ? [] : new Rng(`comment-like:${p}:${k}`).sample(everyone, (p + k) % 4);
      const at = created + (k + 1) * commentStep;
      likesOf.forEach((u, m) =>
        rows.anonymous_comment_like.push({ id: uuidFor(`anonymous_comment_like:${p}:${k}:${m}`), comment_id: commentId, user_id: uid(u), created_at: new Date(Math.min(at + (m + 1) * HOUR, t0 - MINUTE)) }),
      );
      seen.comments.push({ id: commentId, author: c, at });
      if (spam) seen.spamComment = commentId;
      return {
        id: commentId,
        post_id: postId,
        user_id: uid(c),
        content: spam ? post.spamComment! : texts ? texts[k] : T.anonymousComments[(p * 3 + k) % T.anonymousComments.length],
        is_anonymous: spam || k % 3 !== 2,
        likes_count: likesOf.length,
        created_at: new Date(at),
        updated_at: new Date(at),
      };
    });
    rows.anonymous_post.push({
      id: postId,
      user_id: uid(author),
      content: post.content,
      image_url: null,
      is_anonymous: !(post.named ?? (legacy && p % 5 === 4)),
      company_name: post.company ?? null,
      industry: post.industry,
      topic: post.topic,
      likes_count: likers.length,
      comments_count: commentRows.length,
      created_at: new Date(created),
      updated_at: new Date(created),
    });
    rows.anonymous_comment.push(...commentRows);
    const likedAt = likers.map((_, m) => created + (m + 1) * likeStep);
    likers.forEach((u, m) => rows.anonymous_post_like.push({ id: uuidFor(`anonymous_post_like:${p}:${m}`), post_id: postId, user_id: uid(u), created_at: new Date(likedAt[m]) }));
    posts.push(seen);

    // The author's notifications: comments on the newer posts, and one grouped note of the likes
    // (unread, with its notice row, for the last week's posts; read for older ones).
    const href = `/feed/${postId}`;
    if (!legacy) {
      seen.comments.forEach((c, k) => {
        if (c.author !== author && c.id !== seen.spamComment) notify(author, `comment:${p}:${k}`, "New comment on your post", "Someone commented on your post.", href, c.at, t0 - c.at > 3 * DAY);
      });
    }
    if (likers.length > 0 && !post.spam) {
      const recent = t0 - created < 7 * DAY;
      const message = likers.length === 1 ? "1 person liked your post." : `${likers.length} people liked your post.`;
      const id = notify(author, `likes:${p}`, "Likes on your post", message, href, likedAt[likedAt.length - 1], !recent);
      if (recent) rows.anonymous_like_notices.push({ post_id: postId, notification_id: id });
    }
  });

  // ---- reports and what moderator@demo.test decided
  const reporterFor = (author: number, salt: number, not: number[] = []) => {
    const pool = everyone.filter((x) => x !== author && x !== MODERATOR_INDEX && !not.includes(x) && x > 4);
    return pool[(salt * 13) % pool.length];
  };
  const report = (key: string, target: { post_id: string } | { comment_id: string }, reporter: number, reason: (typeof E.feedReportReasons)[number], details: string | null, at: number, decision?: { status: "dismissed" | "hidden"; at: number }) =>
    rows.anonymous_reports.push({
      id: uuidFor(`anonymous_report:${key}`),
      post_id: "post_id" in target ? target.post_id : null,
      comment_id: "comment_id" in target ? target.comment_id : null,
      reporter_id: uid(reporter),
      reason,
      details,
      status: decision?.status ?? "open",
      decided_by: decision ? moderator : null,
      decided_at: decision ? new Date(decision.at) : null,
      created_at: new Date(at),
    });
  // The spam post: two reports, hidden; its author is told.
  T.anonymousPosts.forEach((post, p) => {
    if (!post.spam) return;
    const { id, author, created } = posts[p];
    const removedAt = created + 5 * HOUR;
    const first = reporterFor(author, p);
    report(`post:${p}:1`, { post_id: id }, first, "spam", "Same message was posted in three communities.", created + HOUR, { status: "hidden", at: removedAt });
    report(`post:${p}:2`, { post_id: id }, reporterFor(author, p + 1, [first]), "spam", null, created + 2 * HOUR, { status: "hidden", at: removedAt });
    rows.anonymous_post_removals.push({ post_id: id, removed_by: moderator, removed_at: new Date(removedAt) });
    notify(author, `removed:post:${p}`, "Your post was removed", "A moderator removed your post because it broke the community rules.", `/feed/${id}`, removedAt, true);
  });
  // The spam comment: reported and hidden; its author is told.
  T.anonymousPosts.forEach((post, p) => {
    const seen = posts[p];
    if (!seen.spamComment) return;
    const comment = seen.comments.find((c) => c.id === seen.spamComment)!;
    const removedAt = Math.min(comment.at + 3 * HOUR, t0 - MINUTE);
    report(`comment:${p}:spam`, { comment_id: comment.id }, reporterFor(comment.author, p, [seen.author]), "spam", null, comment.at + HOUR, { status: "hidden", at: removedAt });
    rows.anonymous_comment_removals.push({ comment_id: comment.id, removed_by: moderator, removed_at: new Date(removedAt) });
    notify(comment.author, `removed:comment:${p}`, "Your comment was removed", "A moderator removed your comment because it broke the community rules.", `/feed/${seen.id}`, removedAt, false);
  });
  // A dismissed report, and open ones for the queue (three posts and a comment).
  const dismissed = posts[12];
  report("post:12:1", { post_id: dismissed.id }, reporterFor(dismissed.author, 12), "other", "Looks like an advert for a course.", dismissed.created + DAY, { status: "dismissed", at: dismissed.created + 2 * DAY });
  const open: [number, (typeof E.feedReportReasons)[number], string | null, number][] = [
    [6, "false_information", null, 2],
    [11, "personal_information", "It could identify the manager.", 1],
    [18, "other", "Not sure this belongs on the feed.", 3],
  ];
  for (const [p, reason, details, daysAgo] of open) {
    report(`post:${p}:1`, { post_id: posts[p].id }, reporterFor(posts[p].author, p), reason, details, Math.max(posts[p].created + HOUR, t0 - daysAgo * DAY));
  }
  // "Which site are you on? I think I know you": someone trying to find out who wrote a post.
  const probing = posts[25].comments[1];
  report("comment:25:1", { comment_id: probing.id }, reporterFor(probing.author, 25, [posts[25].author]), "personal_information", "Tries to find out who wrote the post.", Math.max(probing.at + HOUR, t0 - 2 * DAY));
}

/** Insert order: parents before children (the schema's order already is). */
export const tableOrder: TableName[] = [
  "User", "Chat", "Message_v2", "Message", "Vote_v2", "Vote", "Document", "Suggestion", "connection", "notification",
  "user_messages", "password_reset_tokens", "anonymous_post", "anonymous_comment", "anonymous_post_like",
  "anonymous_comment_like", "skills", "skill_questions", "skill_attempts", "job_applications", "interview_rounds", "jobs",
  "remote_jobs", "part_time_jobs", "communities", "community_memberships", "community_posts", "user_activity_logs",
  "user_sessions", "page_views", "feature_usage", "activity_categories", "activity_types", "daily_activity_summaries",
  "uploads", "user_calendar_blocks", "daily_interviews", "interview_progress", "archive_card", "premuser", "apiuser",
  "member_settings", "job_postings", "job_applicants", "saved_jobs", "meetings", "notification_links",
  "community_moderators", "community_bans", "community_decisions", "community_events", "community_event_subscriptions",
  "community_stats", "anonymous_reports", "anonymous_post_removals", "anonymous_comment_removals", "anonymous_like_notices",
  "skill_details", "skill_question_details", "skill_draws", "skill_bests", "verified_skill_hidden", "candidate_settings",
  "archive_card_owners", "interview_plans", "interview_skips", "interview_feedback", "analytics_daily_counts",
  "sign_up_confirmations",
];

/** SHA-256 (hex) of 32 random bytes: looks like a stored token hash, can never be used. */
function randomSecret(): string {
  return sha256Hex(randomBytes(32));
}

export interface SeedDemoOptions {
  now?: Date;
  /**
   * The instant the members' own days are read at (daily interviews: "today" in each member's
   * zone). Default: `now` when it is given (tests stay deterministic), else the real time, so a
   * demo seeded at 23:00 UTC still gives user@demo.test a streak ending on her yesterday.
   */
  clock?: Date;
}

/** Fills every table with the demo network. Safe to run again: it adds nothing the second time. */
export async function seedDemo(ctx: Ctx, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? utcMidnight();
  const passwordHash = await hashDemoPassword(); // before the transaction: withTx allows only db awaits
  const rows = buildDemoRows(now, passwordHash, randomSecret, options.clock ?? options.now ?? new Date());
  const summary: SeedSummary = {};
  await withTx(ctx, async (tx) => {
    // Document's key is (id, createdAt) and createdAt follows `now`: on a later day the same
    // document id would get new versions. Keep documents that already exist as they are.
    const docIds = [...new Set(rows.Document.map((d) => d.id!))];
    const existing = new Set(
      (await tx.db.select({ id: tx.t.Document.id }).from(tx.t.Document).where(inArray(tx.t.Document.id, docIds))).map((r) => r.id),
    );
    if (existing.size > 0) {
      rows.Document = rows.Document.filter((d) => !existing.has(d.id!));
      rows.Suggestion = rows.Suggestion.filter((s) => !existing.has(s.documentId));
    }
    const catalog = await ensureActivityCatalog(tx);
    summary.activity_categories = { planned: ACTIVITY_CATEGORIES.length, inserted: catalog.categories };
    summary.activity_types = { planned: ACTIVITY_TYPES.length, inserted: catalog.types };
    for (const name of tableOrder) {
      if (name === "activity_categories" || name === "activity_types") continue;
      const planned = rows[name] as Row<typeof name>[];
      summary[name] = { planned: planned.length, inserted: await insertRows(tx, name, planned) };
    }
  });
  await resetSequences(ctx);
  // Only with the raw rows just written, so that a later run (a later day) adds nothing.
  const summarised = (summary.page_views?.inserted ?? 0) > 0 ? await summarizeDemoDays(ctx, now) : { days: 0, counts: 0 };
  summary.daily_activity_summaries = { planned: DEMO_SUMMARY_DAYS, inserted: summarised.days };
  summary.analytics_daily_counts = { planned: summarised.counts, inserted: summarised.counts };
  return summary;
}

/** The demo's summarised days: the 30 before `now`'s day, as the daily job would have left them. */
export const DEMO_SUMMARY_DAYS = 30;

async function summarizeDemoDays(ctx: Ctx, now: Date): Promise<{ days: number; counts: number }> {
  let counts = 0;
  for (let d = DEMO_SUMMARY_DAYS; d >= 1; d--) {
    const figures = await figuresForDay(ctx, utcDay(new Date(now.getTime() - d * DAY)));
    await saveDayFigures(ctx, figures);
    counts += figures.counts.length;
  }
  return { days: DEMO_SUMMARY_DAYS, counts };
}
