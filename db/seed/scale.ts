/**
 * Scale data for benchmarks: N users on top of the demo data, with
 *   ~5 accepted connections each (plus pending and rejected requests) and a notification for each,
 *   ~10 direct messages per user, spread over conversations between accepted connections only,
 *   one long conversation for user@demo.test and one for the first scale user (2,500 messages at N >= 10,000),
 *   ~10 jobs per user across the three feeds (80% jobs, 10% remote_jobs, 10% part_time_jobs),
 *   a small number of AI chats,
 *   the anonymous feed (issue 17, scale-feed.ts): 5N posts over two years, ~15N comments, ~20N likes
 *   (counters equal the rows), reports, and 5,000 comments on the demo's BIG_FEED_POST_ID,
 *   communities (issue 16): one per ten users, ~5 memberships and ~10 posts per user; a few big
 *   communities (the demo's "Data Careers MENA" among them) with tens of thousands of members, many
 *   small ones; pending requests spread over the last weeks; a moderator row for every creator, the
 *   member counts, an event row beside every event post, subscriptions and a few bans,
 *   skills (issue 18, scale-skills.ts): ~10N test attempts with their best scores (skill_bests), and
 *   candidate settings for 80% of the members (findable for about half of all members),
 *   daily mock interviews (issue 19, scale-interviews.ts): ~4N interviews with their plans, ~19N
 *   answers (N = 100,000: about 400,000 and 1,900,000), some skips and feedback rows.
 *
 * Deterministic ids (a per-table prefix plus the row number) and ON CONFLICT DO NOTHING make a
 * second run add nothing. Raw SQL below drizzle for speed: see bulk.ts.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../client";
import { isEmpty } from "../migrate";
import { openBulkWriter, type BulkRow, type BulkTable } from "./bulk";
import { BIG_COMMUNITY_ID, BIG_FEED_POST_ID, DAY, HOUR, MINUTE, DEMO_USER_INDEX, withArticle, LONG_CONVERSATION_PARTNER_INDEX, hashDemoPassword, jobIdFor, seedDemo, userId, utcMidnight } from "./demo";
import { mix, Rng, uuidSequence } from "./random";
import { seedFeed } from "./scale-feed";
import { buildMatchTerms } from "../match-terms";
import { seedSkills } from "./scale-skills";
import { seedInterviews } from "./scale-interviews";
import { anonymousAdjectives, anonymousAnimals, cities, employers, firstNames, lastNames, tracks, type TrackName } from "./content/people";
import * as T from "./content/text";

export interface SeedScaleOptions {
  now?: Date;
  /** progress lines; default console.log */
  log?: (line: string) => void;
}

export type ScaleSummary = Record<string, { planned: number; inserted: number; seconds: number }>;

const tables = {
  User: {
    name: "User",
    columns: [
      ["id", "uuid"], ["email", "text"], ["password", "text"], ["name", "text"], ["goals", "text"], ["strengths", "text"],
      ["interests", "text"], ["referral_code", "text"], ["provider", "text"], ["anonymous_username", "text"],
      ["anonymous_avatar", "text"], ["createdAt", "ts"], ["headline", "text"], ["education", "jsonb"],
      ["professional_skills", "jsonb"], ["role", "text"],
    ],
  },
  connection: {
    name: "connection",
    columns: [["id", "uuid"], ["sender_id", "uuid"], ["receiver_id", "uuid"], ["status", "text"], ["message", "text"], ["created_at", "ts"], ["updated_at", "ts"]],
  },
  notification: {
    name: "notification",
    columns: [["id", "uuid"], ["user_id", "uuid"], ["type", "text"], ["title", "text"], ["message", "text"], ["related_user_id", "uuid"], ["related_connection_id", "uuid"], ["is_read", "bool"], ["created_at", "ts"]],
  },
  user_messages: {
    name: "user_messages",
    columns: [["id", "uuid"], ["sender_id", "uuid"], ["receiver_id", "uuid"], ["message", "text"], ["is_read", "bool"], ["created_at", "ts"], ["updated_at", "ts"]],
  },
  Chat: { name: "Chat", columns: [["id", "uuid"], ["createdAt", "ts"], ["title", "text"], ["userId", "uuid"], ["visibility", "text"]] },
  Message_v2: { name: "Message_v2", columns: [["id", "uuid"], ["chatId", "uuid"], ["role", "text"], ["parts", "json"], ["attachments", "json"], ["createdAt", "ts"]] },
  communities: {
    name: "communities",
    columns: [["id", "uuid"], ["name", "text"], ["description", "text"], ["created_by", "uuid"], ["created_at", "ts"]],
  },
  community_memberships: {
    name: "community_memberships",
    columns: [["id", "uuid"], ["community_id", "uuid"], ["user_id", "uuid"], ["status", "text"], ["joined_at", "ts"]],
  },
  community_posts: {
    name: "community_posts",
    columns: [["id", "uuid"], ["community_id", "uuid"], ["user_id", "uuid"], ["content", "text"], ["type", "text"], ["created_at", "ts"]],
  },
  community_events: {
    name: "community_events",
    columns: [["post_id", "uuid"], ["community_id", "uuid"], ["starts_at", "ts"], ["ends_at", "ts"], ["place", "text"], ["online_url", "text"]],
  },
  community_moderators: { name: "community_moderators", columns: [["community_id", "uuid"], ["user_id", "uuid"], ["appointed_at", "ts"]] },
  community_stats: { name: "community_stats", columns: [["community_id", "uuid"], ["members", "int"]] },
  community_event_subscriptions: { name: "community_event_subscriptions", columns: [["community_id", "uuid"], ["user_id", "uuid"], ["created_at", "ts"]] },
  community_bans: {
    name: "community_bans",
    columns: [["community_id", "uuid"], ["user_id", "uuid"], ["banned_by", "uuid"], ["reason", "text"], ["created_at", "ts"]],
  },
  community_decisions: {
    name: "community_decisions",
    columns: [["id", "uuid"], ["membership_id", "uuid"], ["community_id", "uuid"], ["user_id", "uuid"], ["decision", "text"], ["reason", "text"], ["decided_by", "uuid"], ["decided_at", "ts"]],
  },
} satisfies Record<string, BulkTable>;

const jobColumns: BulkTable["columns"] = [
  ["job_id", "text"], ["job_title", "text"], ["employer_name", "text"], ["employer_logo", "text"], ["job_city", "text"],
  ["job_state", "text"], ["job_country", "text"], ["job_posted_at_datetime_utc", "ts"], ["job_apply_link", "text"],
  ["job_employment_type", "text"], ["job_description", "text"], ["job_is_remote", "bool"], ["job_min_salary", "text"],
  ["job_max_salary", "text"], ["job_salary_period", "text"], ["searchedat", "ts"], ["posted_by", "text"],
  ["posted_by_user_id", "uuid"], ["created_at", "ts"],
];


/** Length of the long conversations: 2,500 messages at N >= 10,000, a quarter of the budget below. */
export function longConversationLength(users: number): number {
  return Math.min(2500, Math.max(10, Math.floor(users / 4)));
}

export async function seedScale(ctx: Ctx, users: number, options: SeedScaleOptions = {}): Promise<ScaleSummary> {
  if (!Number.isInteger(users) || users < 1) throw new Error(`seedScale needs a whole number of users, at least 1 (got ${users})`);
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? utcMidnight();
  const t0 = now.getTime();
  const N = users;

  if (await isEmpty(ctx)) {
    log("The database has no users: seeding the demo data first.");
    await seedDemo(ctx, { now });
  }
  const passwordHash = await hashDemoPassword();
  // The demo user's long conversation needs the demo user and their accepted connection.
  const demoIds = [userId(DEMO_USER_INDEX), userId(LONG_CONVERSATION_PARTNER_INDEX)];
  const present = await ctx.db.select({ id: ctx.t.User.id }).from(ctx.t.User).where(inArray(ctx.t.User.id, demoIds));
  const demoPresent = present.length === 2;
  // The demo's "Data Careers MENA" (user@demo.test is an approved member) becomes a big community:
  // the bench's "big community page" is the same address on demo data and at scale.
  const bigDemoCommunity = BIG_COMMUNITY_ID;
  const demoCommunities = await ctx.db.select({ id: ctx.t.communities.id }).from(ctx.t.communities).where(inArray(ctx.t.communities.id, [bigDemoCommunity]));
  const bigDemoPresent = demoCommunities.length === 1;
  // The demo's feed post that grows to 5,000 comments (the bench's "post with 5,000 comments").
  const [bigFeedRow] = await ctx.db.select({ created: ctx.t.anonymous_post.created_at }).from(ctx.t.anonymous_post).where(eq(ctx.t.anonymous_post.id, BIG_FEED_POST_ID));
  const bigFeedPost = bigFeedRow?.created ?? null;

  const summary: ScaleSummary = {};
  const writer = await openBulkWriter(ctx, log);
  const started = performance.now();
  const run = async (key: string, table: BulkTable, rows: Iterable<BulkRow>, expected: number) => {
    log(`${key}: writing about ${expected.toLocaleString("en-US")} rows`);
    const r = await writer.write(table, rows, expected);
    const prev = summary[key];
    summary[key] = {
      planned: (prev?.planned ?? 0) + r.written,
      inserted: (prev?.inserted ?? 0) + r.inserted,
      seconds: Math.round(((prev?.seconds ?? 0) + r.ms / 1000) * 100) / 100,
    };
  };

  const ids = {
    user: uuidSequence("scale:user"),
    connection: uuidSequence("scale:connection"),
    notification: uuidSequence("scale:notification"),
    message: uuidSequence("scale:user_message"),
    longMessage: uuidSequence("scale:long_message"),
    chat: uuidSequence("scale:chat"),
    chatMessage: uuidSequence("scale:message_v2"),
    post: uuidSequence("scale:anonymous_post"),
    comment: uuidSequence("scale:anonymous_comment"),
    like: uuidSequence("scale:anonymous_post_like"),
    report: uuidSequence("scale:anonymous_report"),
    bigComment: uuidSequence("scale:anonymous_comment:big"),
    community: uuidSequence("scale:community"),
    membership: uuidSequence("scale:community_membership"),
    communityPost: uuidSequence("scale:community_post"),
    ban: uuidSequence("scale:community_ban"),
  };
  const trackNames = Object.keys(tracks) as TrackName[];
  const nameOf = (i: number) => `${firstNames[mix(i) % firstNames.length]} ${lastNames[mix(i + 7_777_777) % lastNames.length]}`;
  // A member's profile as the User rows hold it; the candidate settings' match terms are built from it.
  const profileOf = (i: number) => {
    const track = tracks[trackNames[mix(i + 1) % trackNames.length]];
    const place = cities[mix(i + 2) % cities.length];
    const title = track.titles[mix(i + 3) % track.titles.length];
    const gradYear = 2010 + (mix(i + 4) % 17);
    const skills = [...new Set([track.skills[i % track.skills.length], track.skills[(i + 2) % track.skills.length], track.skills[(i + 5) % track.skills.length]])];
    const headline = gradYear > 2025 ? `${title} student in ${place.city}` : `${title} in ${place.city}, ${place.country}`;
    return { track, place, gradYear, headline, skills };
  };
  const roleOf = (i: number) => (i % 1000 === 1 ? "career_team" : i % 500 === 0 ? "recruiter" : i % 5000 === 2 ? "moderator" : "user");

  try {
    // ---- users
    const rng = new Rng(`scale:${N}`);
    await run("User", tables.User, (function* () {
      for (let i = 0; i < N; i++) {
        const { track, place, gradYear, headline, skills } = profileOf(i);
        yield [
          ids.user(i),
          `member${i}@scale.ladder-demo.test`,
          passwordHash,
          nameOf(i),
          track.goals[i % track.goals.length],
          `${track.strengths[i % track.strengths.length]}, ${track.strengths[(i + 1) % track.strengths.length]}`,
          `${track.interests[i % track.interests.length]}, ${track.interests[(i + 3) % track.interests.length]}`,
          `LADDER-S${i.toString(36).toUpperCase()}`,
          "credentials",
          `${anonymousAdjectives[i % anonymousAdjectives.length]}${anonymousAnimals[mix(i) % anonymousAnimals.length]}${1000 + i}`,
          anonymousAnimals[mix(i) % anonymousAnimals.length].toLowerCase(),
          t0 - (1 + (mix(i + 5) % 730)) * DAY - (mix(i + 6) % DAY),
          headline,
          JSON.stringify([{ school: `University of ${place.city}`, degree: "Bachelor's degree", startYear: gradYear - 4, endYear: gradYear }]),
          JSON.stringify(skills),
          roleOf(i),
        ];
      }
    })(), N);

    // ---- connections: a ring, so every user has ~5 accepted connections and some requests
    // user i asks user (i + k) % N; only tiny rings can repeat a pair, so only they keep a set
    type Status = "accepted" | "pending" | "rejected";
    function* connectionPlans(): Generator<{ i: number; k: number; status: Status }> {
      const seen = N <= 16 ? new Set<number>() : null;
      for (let i = 0; i < N; i++) {
        const offsets: [number, Status][] = [[1, "accepted"], [2, "accepted"]];
        if (i % 2 === 0) offsets.push([3, "accepted"]);
        if (i % 3 === 0) offsets.push([5, "pending"]);
        if (i % 7 === 0) offsets.push([7, "rejected"]);
        for (const [k, status] of offsets) {
          const j = (i + k) % N;
          if (j === i) continue;
          if (seen) {
            const key = Math.min(i, j) * N + Math.max(i, j);
            if (seen.has(key)) continue;
            seen.add(key);
          }
          yield { i, k, status };
        }
      }
    }
    let planCount = 0;
    let acceptedCount = 0;
    for (const plan of connectionPlans()) {
      planCount++;
      if (plan.status === "accepted") acceptedCount++;
    }
    const accepted = { sender: new Int32Array(acceptedCount), receiver: new Int32Array(acceptedCount), at: new Float64Array(acceptedCount) };
    const connTimes = (i: number, k: number) => {
      const created = t0 - (2 + (mix(i * 8 + k) % 360)) * DAY + (mix(i * 8 + k + 1) % DAY);
      const answered = Math.min(created + (1 + (mix(i * 8 + k + 2) % 72)) * HOUR, t0 - HOUR);
      return { created: Math.min(created, t0 - 2 * HOUR), answered };
    };
    await run("connection", tables.connection, (function* () {
      let a = 0;
      for (const { i, k, status } of connectionPlans()) {
        const j = (i + k) % N;
        const { created, answered } = connTimes(i, k);
        if (status === "accepted") {
          accepted.sender[a] = i;
          accepted.receiver[a] = j;
          accepted.at[a++] = answered;
        }
        yield [
          ids.connection(i * 8 + k), ids.user(i), ids.user(j), status,
          mix(i + k) % 4 === 0 ? `Hi ${nameOf(j).split(" ")[0]}, I would like to add you to my network.` : null,
          created, status === "pending" ? created : answered,
        ];
      }
    })(), planCount);

    // ---- one notification per connection: the request (pending) or the answer (accepted, rejected)
    await run("notification", tables.notification, (function* () {
      for (const { i, k, status } of connectionPlans()) {
        const j = (i + k) % N;
        const { created, answered } = connTimes(i, k);
        if (status === "pending") {
          yield [ids.notification(i * 8 + k), ids.user(j), "connection_request", "New connection request", `${nameOf(i)} wants to connect with you.`, ids.user(i), ids.connection(i * 8 + k), mix(i) % 3 === 0, created];
        } else {
          const ok = status === "accepted";
          yield [
            ids.notification(i * 8 + k), ids.user(i), ok ? "connection_accepted" : "connection_rejected",
            ok ? "Connection accepted" : "Connection request declined",
            ok ? `${nameOf(j)} accepted your connection request.` : `${nameOf(j)} declined your connection request.`,
            ids.user(j), ids.connection(i * 8 + k), t0 - answered > 7 * DAY, answered,
          ];
        }
      }
    })(), planCount);

    // ---- direct messages: ~10 per user over accepted connections; two long conversations
    const long = longConversationLength(N);
    const budget = 10 * N;
    const longCount = (demoPresent ? long : 0) + (N >= 2 ? long : 0);
    const rest = Math.max(0, budget - longCount);
    // Skewed lengths: many short conversations, a few long ones, none for some connections.
    const weights = new Float64Array(acceptedCount);
    let total = 0;
    for (let c = 0; c < acceptedCount; c++) {
      const u = rng.next();
      weights[c] = u * u * u * u * u * u;
      total += weights[c];
    }
    const messageTexts = [...T.shortMessages, ...T.dialogues.flat().map((l) => l.text)];
    function* conversation(idOf: (n: number) => string, firstId: number, a: string, b: string, count: number, from: number, r: Rng): Generator<BulkRow> {
      const span = Math.max(count * MINUTE, t0 - 10 * MINUTE - from);
      const step = span / (count + 1);
      for (let m = 0; m < count; m++) {
        const at = Math.floor(from + step * (m + 0.2 + r.next() * 0.6));
        const fromA = r.next() < 0.5;
        yield [idOf(firstId + m), fromA ? a : b, fromA ? b : a, messageTexts[(firstId + m * 7) % messageTexts.length], m < count - 1 || r.next() < 0.6, at, at];
      }
    }
    await run("user_messages", tables.user_messages, (function* () {
      const r = new Rng(`scale-messages:${N}`);
      if (demoPresent) {
        // the demo connection 17 -> 0 was accepted 80 days before `now`
        yield* conversation(ids.longMessage, 0, userId(LONG_CONVERSATION_PARTNER_INDEX), userId(DEMO_USER_INDEX), long, t0 - 60 * DAY, r);
      }
      if (N >= 2) yield* conversation(ids.longMessage, 1_000_000, ids.user(0), ids.user(1 % N), long, t0 - 90 * DAY, r);
      let next = 0;
      let carry = 0;
      for (let c = 0; c < acceptedCount; c++) {
        const exact = total > 0 ? (weights[c] / total) * rest + carry : 0;
        const count = Math.floor(exact);
        carry = exact - count;
        if (count === 0) continue;
        yield* conversation(ids.message, next, ids.user(accepted.sender[c]), ids.user(accepted.receiver[c]), count, accepted.at[c], r);
        next += count;
      }
    })(), budget);

    // ---- jobs: ~10 per user, 80% general, 10% remote (MENA), 10% part-time (India)
    const careerPosters = [userId(2), userId(19)];
    for (let i = 0; i < N; i += 1000) if (i + 1 < N) careerPosters.push(ids.user(i + 1));
    const feeds = [
      { key: "jobs", count: 8 * N, prefix: "g" },
      { key: "remote_jobs", count: N, prefix: "r" },
      { key: "part_time_jobs", count: N, prefix: "p" },
    ] as const;
    const idTails = Array.from({ length: 4096 }, (_, x) => jobIdFor(`scale:${x}`).slice(0, 8));
    const withLinks = employers.map((e) => ({
      ...e,
      careers: `https://careers.${e.name.toLowerCase().replace(/[^a-z]+/g, "")}.example/jobs/`,
    }));
    const mena = withLinks.filter((e) => e.country !== "IN");
    const india = withLinks.filter((e) => e.country === "IN");
    for (const feed of feeds) {
      const table: BulkTable = { name: feed.key, columns: jobColumns };
      const span = 365 * DAY;
      await run(feed.key, table, (function* () {
        for (let j = 0; j < feed.count; j++) {
          const h = mix(j * 3 + feed.prefix.charCodeAt(0));
          const trackName = trackNames[h % trackNames.length];
          const titles = T.jobTitlesByTrack[trackName];
          const title = titles[(h >>> 4) % titles.length];
          const pool = feed.key === "remote_jobs" ? mena : feed.key === "part_time_jobs" ? india : withLinks;
          const employer = pool[(h >>> 8) % pool.length];
          const created = t0 - span + Math.floor((j / feed.count) * span) - (h % HOUR);
          const roll = (h >>> 12) % 10;
          const postedBy = roll < 6 ? "external" : roll < 9 ? "alumni" : "career_team";
          const poster = postedBy === "alumni" ? ids.user(mix(j + 11) % N) : postedBy === "career_team" ? careerPosters[j % careerPosters.length] : null;
          const partTime = feed.key === "part_time_jobs";
          const remote = feed.key === "remote_jobs" || (!partTime && (h >>> 16) % 10 === 0);
          const inIndia = employer.country === "IN";
          const salary = (h >>> 20) % 4 !== 0;
          const base = partTime ? 200 + ((h >>> 6) % 8) * 50 : inIndia ? (3 + ((h >>> 6) % 20)) * 100000 : (5 + ((h >>> 6) % 20)) * 1000;
          const intro = T.jobDescriptionParts.intro[(h >>> 3) % T.jobDescriptionParts.intro.length];
          const duties = T.jobDescriptionParts.duties[(h >>> 5) % T.jobDescriptionParts.duties.length];
          const req = T.jobDescriptionParts.requirements[(h >>> 7) % T.jobDescriptionParts.requirements.length];
          const benefits = T.jobDescriptionParts.benefits[(h >>> 9) % T.jobDescriptionParts.benefits.length];
          const jobId = `${feed.prefix}${j.toString(36).padStart(7, "0")}${idTails[h % 4096]}AAAAAA==`;
          yield [
            jobId,
            title,
            employer.name,
            null, // employer_logo: no logo files ship with the seed data
            feed.key === "remote_jobs" ? null : employer.city,
            inIndia ? null : employer.city,
            employer.country,
            created - ((h >>> 10) % 12) * HOUR,
            postedBy === "external" ? employer.careers + j : `https://ladder-demo.test/jobs/apply/${feed.prefix}${j}`,
            partTime ? "Part-time" : title.includes("Intern") ? "Internship" : (h >>> 14) % 9 === 0 ? "Contractor" : "Full-time",
            `${employer.name} is hiring ${withArticle(title)}${remote ? " (remote)" : ` in ${employer.city}`}.\n\n${intro}\n\n${duties}\n\nRequirements: ${req}\n\n${partTime ? "Hours: 15 to 20 a week, flexible around classes." : benefits}`,
            remote,
            salary ? String(base) : null,
            salary ? String(Math.round(base * 1.4)) : null,
            salary ? (partTime ? "HOUR" : inIndia ? "YEAR" : "MONTH") : null,
            postedBy === "external" ? created : null,
            postedBy,
            poster,
            created,
          ];
        }
      })(), feed.count);
    }

    // ---- AI chats (small): one in ten users, four messages each
    const chatCount = Math.max(1, Math.floor(N / 10));
    await run("Chat", tables.Chat, (function* () {
      for (let c = 0; c < chatCount; c++) {
        const script = T.chatScripts[c % T.chatScripts.length];
        yield [ids.chat(c), t0 - (1 + (mix(c) % 180)) * DAY, script.title, ids.user((c * 10) % N), c % 7 === 0 ? "public" : "private"];
      }
    })(), chatCount);
    await run("Message_v2", tables.Message_v2, (function* () {
      for (let c = 0; c < chatCount; c++) {
        const script = T.chatScripts[c % T.chatScripts.length];
        const created = t0 - (1 + (mix(c) % 180)) * DAY;
        for (let k = 0; k < Math.min(4, script.turns.length); k++) {
          yield [ids.chatMessage(c * 4 + k), ids.chat(c), k % 2 === 0 ? "user" : "assistant", JSON.stringify([{ type: "text", text: script.turns[k] }]), "[]", created + k * 40_000];
        }
      }
    })(), chatCount * 4);

    // ---- the anonymous feed: 5N posts, ~15N comments, ~20N likes; the demo's big post gets 5,000 comments
    await seedFeed({
      N,
      t0,
      run,
      ids,
      bigPost: bigFeedPost ? { id: BIG_FEED_POST_ID, created: bigFeedPost.getTime() } : null,
      // Scale users 2, 5002, 10002, ... are moderators (roleOf).
      moderatorOf: (k) => 2 + 5000 * (k % (Math.floor((N - 3) / 5000) + 1)),
    });

    await seedCommunities({ N, t0, run, ids, bigDemoCommunity: bigDemoPresent ? bigDemoCommunity : null });

    // Skills (issue 18, scale-skills.ts): ~10N attempts, their best scores, candidate settings.
    await seedSkills({
      ctx, N, t0, run, ids,
      cityOf: (i) => profileOf(i).place.city,
      termsOf: (i) => {
        const { headline, skills, place } = profileOf(i);
        return buildMatchTerms({ professionalSkills: skills, headline, city: place.city }, new Date(t0));
      },
    });

    // Daily mock interviews (issue 19, scale-interviews.ts): ~4N interviews, ~19N answers.
    await seedInterviews({ ctx, N, t0, run, ids });
  } finally {
    await writer.close();
  }
  if (bigDemoPresent) {
    // Its count grew with the scale members: recount it from the approved memberships.
    const { community_stats: st, community_memberships: m } = ctx.t;
    await ctx.db
      .update(st)
      .set({ members: sql`(select count(*) from ${m} where ${m.community_id} = ${st.community_id} and ${m.status} = 'approved')` })
      .where(eq(st.community_id, bigDemoCommunity));
  }

  if (bigFeedPost) {
    // Its comments grew: recount them (the counter equals the rows).
    const { anonymous_post: p, anonymous_comment: c } = ctx.t;
    await ctx.db
      .update(p)
      .set({ comments_count: sql`(select count(*) from ${c} where ${c.post_id} = ${p.id})` })
      .where(eq(p.id, BIG_FEED_POST_ID));
  }

  if (ctx.raw.kind === "sqlite") {
    // Without statistics SQLite picks an index by its shape alone: at scale it counted a member's
    // communities through community_memberships_status_joined_idx (status = 'approved': 450,000
    // entries) instead of community_memberships_user_idx (five), 15 s for the queue instead of 6 ms.
    // A sampled ANALYZE (what PRAGMA optimize runs) takes about two seconds here.
    log("Updating SQLite statistics (analyze, sampled)...");
    ctx.raw.sqlite.pragma("analysis_limit = 1000");
    ctx.raw.sqlite.exec("analyze");
  }
  if (ctx.raw.kind === "pg") {
    log("Updating PostgreSQL statistics (analyze)...");
    // The search tables too: their size (pg_class.reltuples) sizes the keyword search (decision 030).
    const names = ["User", "connection", "notification", "user_messages", "jobs", "remote_jobs", "part_time_jobs", "jobs_search", "remote_jobs_search", "part_time_jobs_search", "Chat", "Message_v2", "anonymous_post", "anonymous_comment", "anonymous_post_like", "anonymous_reports", "anonymous_post_removals", "communities", "community_memberships", "community_posts", "community_events", "community_moderators", "community_stats", "community_event_subscriptions", "skill_attempts", "skill_bests", "candidate_settings", "daily_interviews", "interview_plans", "interview_skips", "interview_progress", "interview_feedback"];
    await ctx.raw.pool.query(`analyze ${names.map((n) => `"${n}"`).join(", ")}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rowsWritten = Object.values(summary).reduce((a, b) => a + b.planned, 0);
  log(`Scale data: ${rowsWritten.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${Math.round(rowsWritten / seconds).toLocaleString("en-US")} rows/s).`);
  return summary;
}

/** Share of N (users) of the big scale communities' members; the others are small. */
const BIG_COMMUNITY_SHARES = [0.4, 0.25, 0.15, 0.1, 0.05];
/** Scale members added to the demo's big community, as a share of N; its posts, a share of all posts. */
const BIG_DEMO_MEMBER_SHARE = 0.3;
const BIG_DEMO_POST_SHARE = 0.05;

interface CommunityContext {
  N: number;
  t0: number;
  run: (key: string, table: BulkTable, rows: Iterable<BulkRow>, expected: number) => Promise<void>;
  ids: Record<"user" | "community" | "membership" | "communityPost" | "ban", (n: number) => string>;
  /** The demo community that grows big, or null when the demo data is not there. */
  bigDemoCommunity: string | null;
}

/**
 * Communities at scale: N/10 communities, ~5N memberships, 10N posts (decision 041's tables kept
 * consistent). A community's members are consecutive users from a hashed start, so no pair repeats;
 * the first is the creator (approved, moderator); a member's status and every pick come from `mix`,
 * so the posts' authors, the counts and the subscriptions agree without keeping the rows.
 */
async function seedCommunities({ N, t0, run, ids, bigDemoCommunity }: CommunityContext): Promise<void> {
  const C = Math.max(1, Math.floor(N / 10));
  const big = Math.min(C, BIG_COMMUNITY_SHARES.length);
  const sizes = new Int32Array(C);
  const cumulative = new Float64Array(C + 1);
  for (let c = 0; c < C; c++) {
    const u = mix(c * 11 + 3) / 2 ** 32;
    sizes[c] = Math.min(N, c < big ? Math.max(2, Math.floor(BIG_COMMUNITY_SHARES[c] * N)) : 2 + Math.floor(u * u * u * 140));
    cumulative[c + 1] = cumulative[c] + sizes[c];
  }
  const startOf = (c: number) => mix(c * 3 + 17) % N;
  const userOf = (c: number, j: number) => (startOf(c) + j) % N;
  // Big communities have 2% of their members waiting, small ones 10%; the creator never waits.
  const pending = (c: number, j: number) => j > 0 && mix(c * 1_000_003 + j * 7 + 1) % 1000 < (c < big ? 20 : 100);
  const createdOf = (c: number) => t0 - (30 + (mix(c + 5) % 700)) * DAY - (mix(c + 6) % DAY);
  const joinedOf = (c: number, j: number) => {
    const created = createdOf(c);
    if (j === 0) return created;
    const h = mix(c * 31 + j);
    if (pending(c, j)) return t0 - Math.floor((h / 2 ** 32) * Math.min(60 * DAY, t0 - created - HOUR)) - MINUTE;
    return created + Math.floor(((j + (h % 1000) / 1000) / sizes[c]) * (t0 - created - 2 * DAY));
  };
  const cityOf = (c: number) => cities[Math.floor(c / T.scaleCommunityKinds.length) % cities.length].city;
  const nameOf = (c: number) => {
    const kinds = T.scaleCommunityKinds.length;
    const round = Math.floor(c / (kinds * cities.length));
    const base = T.scaleCommunityKinds[c % kinds].name(cityOf(c));
    if (round === 0) return base;
    const suffixes = T.scaleCommunitySuffixes;
    const again = Math.floor((round - 1) / suffixes.length);
    return `${base} ${suffixes[(round - 1) % suffixes.length]}${again > 0 ? ` ${again + 1}` : ""}`;
  };

  // The demo's big community: scale users 0.. joined over the last 170 days, 2% still waiting.
  const D = bigDemoCommunity ? Math.min(N, Math.floor(BIG_DEMO_MEMBER_SHARE * N)) : 0;
  const demoPending = (j: number) => mix(j * 13 + 5) % 1000 < 20;
  const demoJoined = (j: number) => t0 - 170 * DAY + Math.floor(((j + 0.5) / Math.max(1, D)) * 168 * DAY);

  await run("communities", tables.communities, (function* () {
    for (let c = 0; c < C; c++) {
      yield [ids.community(c), nameOf(c), `${T.scaleCommunityKinds[c % T.scaleCommunityKinds.length].about} Based in ${cityOf(c)}.`, ids.user(startOf(c)), createdOf(c)];
    }
  })(), C);

  const approved = new Int32Array(C);
  const membershipCount = cumulative[C] + D;
  await run("community_memberships", tables.community_memberships, (function* () {
    let n = 0;
    for (let c = 0; c < C; c++) {
      for (let j = 0; j < sizes[c]; j++) {
        const waiting = pending(c, j);
        if (!waiting) approved[c]++;
        yield [ids.membership(n++), ids.community(c), ids.user(userOf(c, j)), waiting ? "pending" : "approved", joinedOf(c, j)];
      }
    }
    for (let j = 0; j < D; j++) {
      yield [ids.membership(n++), bigDemoCommunity, ids.user(j), demoPending(j) ? "pending" : "approved", demoJoined(j)];
    }
  })(), membershipCount);

  await run("community_stats", tables.community_stats, (function* () {
    for (let c = 0; c < C; c++) yield [ids.community(c), approved[c]];
  })(), C);

  // The creator moderates; one community in ten also has an appointed moderator (its second member, when approved).
  await run("community_moderators", tables.community_moderators, (function* () {
    for (let c = 0; c < C; c++) {
      yield [ids.community(c), ids.user(userOf(c, 0)), createdOf(c)];
      if (c % 10 === 0 && sizes[c] > 2 && !pending(c, 1)) yield [ids.community(c), ids.user(userOf(c, 1)), joinedOf(c, 1) + DAY];
    }
    if (D > 1 && !demoPending(1)) yield [bigDemoCommunity, ids.user(1), demoJoined(1) + DAY];
  })(), C + C / 10);

  // Posts: a share in the demo's big community, the rest in proportion to the communities' sizes,
  // each by an approved member (a waiting pick falls back to the creator), oldest first.
  const P = 10 * N;
  const demoPosts = D > 0 ? Math.floor(BIG_DEMO_POST_SHARE * P) : 0;
  const rest = P - demoPosts;
  const postsBefore = (c: number) => Math.floor((rest * cumulative[c]) / cumulative[C]);
  const texts = [...T.communityPosts, ...Object.values(T.ownCommunityPosts).flat()].map((x) => x.content);
  interface PostPlan {
    p: number;
    community: string;
    c: number;
    author: string;
    created: number;
    event: boolean;
  }
  function* postPlans(): Generator<PostPlan> {
    let p = 0;
    for (let k = 0; k < demoPosts; k++, p++) {
      let j = mix(p * 3 + 1) % D;
      if (demoPending(j)) j = 0;
      const created = t0 - 170 * DAY + Math.floor(((k + 0.5) / demoPosts) * 170 * DAY) - (mix(p) % HOUR);
      yield { p, community: bigDemoCommunity!, c: -1, author: ids.user(j), created, event: mix(p * 5 + 3) % 10 === 0 };
    }
    for (let c = 0; c < C; c++) {
      const count = postsBefore(c + 1) - postsBefore(c);
      const created0 = createdOf(c);
      for (let k = 0; k < count; k++, p++) {
        let j = mix(p * 3 + 1) % sizes[c];
        if (pending(c, j)) j = 0;
        const created = created0 + Math.floor(((k + 0.5) / count) * (t0 - created0 - HOUR));
        yield { p, community: ids.community(c), c, author: ids.user(userOf(c, j)), created, event: mix(p * 5 + 3) % 10 === 0 };
      }
    }
  }
  await run("community_posts", tables.community_posts, (function* () {
    for (const post of postPlans()) {
      yield [ids.communityPost(post.p), post.community, post.author, texts[post.p % texts.length], post.event ? "event" : "update", post.created];
    }
  })(), demoPosts + rest);
  // An event starts one to three weeks after it was posted (recent ones are still to come), at a place or online.
  await run("community_events", tables.community_events, (function* () {
    for (const post of postPlans()) {
      if (!post.event) continue;
      const h = mix(post.p * 17 + 9);
      const starts = Math.floor((post.created + (7 + (h % 15)) * DAY) / HOUR) * HOUR;
      const online = h % 2 === 0;
      const where = post.c >= 0 ? cityOf(post.c) : "Amman";
      yield [ids.communityPost(post.p), post.community, starts, starts + (1 + (h % 3)) * HOUR, online ? null : `${where}, community room ${1 + (h % 9)}`, online ? `https://meet.ladder-demo.test/scale/${post.p}` : null];
    }
  })(), Math.round(P / 10));

  // "Tell me about new events": the creator and about one approved member in a hundred.
  await run("community_event_subscriptions", tables.community_event_subscriptions, (function* () {
    for (let c = 0; c < C; c++) {
      for (let j = 0; j < sizes[c]; j += j === 0 ? 1 : 100) {
        if (!pending(c, j)) yield [ids.community(c), ids.user(userOf(c, j)), joinedOf(c, j) + HOUR];
      }
    }
    for (let j = 1; j < D; j += 100) if (!demoPending(j)) yield [bigDemoCommunity, ids.user(j), demoJoined(j) + HOUR];
  })(), C * 2 + D / 100);

  // One community in fifty banned someone who is not a member (the user after its last member), with the decision.
  const banned = (c: number) => c % 50 === 0 && sizes[c] < N;
  const banAt = (c: number) => t0 - (1 + (mix(c + 40) % 20)) * DAY;
  await run("community_bans", tables.community_bans, (function* () {
    for (let c = 0; c < C; c++) {
      if (banned(c)) yield [ids.community(c), ids.user(userOf(c, sizes[c])), ids.user(userOf(c, 0)), T.communityReasons.banned, banAt(c)];
    }
  })(), C / 50);
  await run("community_decisions", tables.community_decisions, (function* () {
    for (let c = 0; c < C; c++) {
      if (banned(c)) yield [ids.ban(c), ids.ban(C + c), ids.community(c), ids.user(userOf(c, sizes[c])), "banned", T.communityReasons.banned, ids.user(userOf(c, 0)), banAt(c)];
    }
  })(), C / 50);
}
