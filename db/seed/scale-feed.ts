/**
 * The anonymous feed at scale (issue 17): for N users, 5N posts over two years (about 1% in the
 * last seven days), ~15N comments and ~20N likes, with counters equal to the rows, and a few
 * reports (most open, some dismissed, some hidden with their removal rows).
 *
 * Skewed like a real feed, so the filters have popular and rare values: topics 40/30/20/10%,
 * companies from a Zipf-like list (the demo employers on top, thousands of small ones in the
 * tail, a quarter of the posts without a company), industries likewise; likes and comments per
 * post heavy-tailed (most posts a few, some hundreds). The demo post BIG_FEED_POST_ID gets 5,000
 * comments (at N >= 100,000; N/20 below), so the bench opens the same address on demo data and at
 * scale.
 *
 * Every pick comes from `mix` of the post's number, so the posts, comments and likes generators
 * agree on the counts without keeping rows in memory; ids are per-table sequences (bulk.ts).
 */
import type { BulkRow, BulkTable } from "./bulk";
import { mix } from "./random";
import { cities, employers } from "./content/people";
import * as T from "./content/text";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Posts per user, and the comments and likes they average. */
export const FEED_POSTS_PER_USER = 5;
export const FEED_COMMENTS_PER_POST = 3;
export const FEED_LIKES_PER_POST = 4;
/** Days the posts span. */
const SPAN_DAYS = 730;
/** Comments the scale seed adds to the demo's BIG_FEED_POST_ID at N >= 100,000. */
export const BIG_FEED_POST_COMMENTS = 5_000;
export const bigFeedPostComments = (users: number) => Math.min(BIG_FEED_POST_COMMENTS, Math.max(10, Math.floor(users / 20)));

export const feedTables = {
  anonymous_post: {
    name: "anonymous_post",
    columns: [["id", "uuid"], ["user_id", "uuid"], ["content", "text"], ["is_anonymous", "bool"], ["company_name", "text"], ["industry", "text"], ["topic", "text"], ["likes_count", "int"], ["comments_count", "int"], ["created_at", "ts"], ["updated_at", "ts"]],
  },
  anonymous_comment: {
    name: "anonymous_comment",
    columns: [["id", "uuid"], ["post_id", "uuid"], ["user_id", "uuid"], ["content", "text"], ["is_anonymous", "bool"], ["likes_count", "int"], ["created_at", "ts"], ["updated_at", "ts"]],
  },
  anonymous_post_like: { name: "anonymous_post_like", columns: [["id", "uuid"], ["post_id", "uuid"], ["user_id", "uuid"], ["created_at", "ts"]] },
  anonymous_reports: {
    name: "anonymous_reports",
    columns: [["id", "uuid"], ["post_id", "uuid"], ["comment_id", "uuid"], ["reporter_id", "uuid"], ["reason", "text"], ["details", "text"], ["status", "text"], ["decided_by", "uuid"], ["decided_at", "ts"], ["created_at", "ts"]],
  },
  anonymous_post_removals: { name: "anonymous_post_removals", columns: [["post_id", "uuid"], ["removed_by", "uuid"], ["removed_at", "ts"]] },
} satisfies Record<string, BulkTable>;

const TOPICS = [
  ["general", 0.4],
  ["career_advice", 0.3],
  ["workplace_issues", 0.2],
  ["company_culture", 0.1],
] as const;

const INDUSTRIES = [
  "Technology", "Banking", "Retail", "Education", "Healthcare", "Finance", "Consulting", "Telecommunications", "Logistics",
  "Marketing", "Construction", "Energy", "Fintech", "Engineering", "Manufacturing", "Government", "Hospitality", "Media",
  "Design", "Real Estate", "Legal", "Aviation", "Non-profit", "Agriculture", "Maritime", "Mining",
];
const SECTORS = [
  "Software", "Logistics", "Foods", "Telecom", "Pharma", "Textiles", "Motors", "Construction", "Media", "Insurance",
  "Capital", "Health", "Learning", "Retail", "Energy", "Steel", "Cement", "Airways", "Hotels", "Analytics", "Payments",
  "Shipping", "Agritech", "Labs", "Studios",
];
const FORMS = ["Group", "Holdings", "Partners", "Company", "Solutions", "Systems", "International", "Trading", "Services", "Ventures"];

/** The demo employers first (the popular ones), then city x sector x form names (the long tail). */
const COMPANIES: readonly string[] = (() => {
  const names: string[] = employers.map((e) => e.name);
  const seen = new Set(names.map((x) => x.toLowerCase()));
  for (let f = 0; f < FORMS.length; f++) {
    for (let s = 0; s < SECTORS.length; s++) {
      for (let c = 0; c < cities.length; c++) {
        const name = `${cities[(c + s) % cities.length].city} ${SECTORS[s]} ${FORMS[f]}`;
        if (!seen.has(name.toLowerCase())) {
          seen.add(name.toLowerCase());
          names.push(name);
        }
      }
    }
  }
  return names;
})();

/** Cumulative Zipf weights (rank^-s), for picking the r-th most common value with a uniform draw. */
function zipf(size: number, s: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  for (let r = 0; r < size; r++) cumulative[r] /= total;
  return cumulative;
}

function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const companyWeights = zipf(COMPANIES.length, 1.1);
const industryWeights = zipf(INDUSTRIES.length, 1.0);

/** A uniform draw in [0, 1) from a hash. */
const unit = (x: number) => mix(x) / 4294967296;

/**
 * Heavy-tailed count with mean ≈ `mean`: a Pareto-like draw (1 - u)^-a - 1 (mean a / (1 - a)),
 * scaled, stochastically rounded, capped.
 */
function skewed(u: number, v: number, mean: number, a: number, cap: number): number {
  const raw = Math.pow(1 - u, -a) - 1;
  return Math.min(cap, Math.floor(raw * ((mean * (1 - a)) / a) + v));
}

export interface FeedShape {
  author: number;
  topic: string;
  company: string | null;
  industry: string;
  text: number;
  anonymous: boolean;
  likes: number;
  comments: number;
  created: number;
  edited: boolean;
}

/**
 * The texts: the demo's feed posts except the spam one, in every language; the comments: the
 * shared ones and every demo post's own (not the spam ones).
 */
const postTexts = T.anonymousPosts.filter((p) => !p.spam).map((p) => p.content);
const commentTexts = [...T.anonymousComments, ...T.anonymousPosts.flatMap((p) => p.comments ?? [])];

export interface FeedContext {
  N: number;
  t0: number;
  run: (key: string, table: BulkTable, rows: Iterable<BulkRow>, expected: number) => Promise<void>;
  ids: Record<"user" | "post" | "comment" | "like" | "report" | "bigComment", (n: number) => string>;
  /** The demo post that gets 5,000 comments, or null when the demo data is not there. */
  bigPost: { id: string; created: number } | null;
  /** Moderators who decide the reports (scale users with the moderator role). */
  moderatorOf: (k: number) => number;
}

export async function seedFeed({ N, t0, run, ids, bigPost, moderatorOf }: FeedContext): Promise<void> {
  const P = FEED_POSTS_PER_USER * N;
  const start = t0 - SPAN_DAYS * DAY;
  /** Everything about post p, from hashes of p alone. */
  const shape = (p: number): FeedShape => {
    const h = mix(p * 7 + 1);
    // Oldest first, evenly over two years (7 of 730 days: about 1% in the last week), jittered within the slot.
    const slot = (SPAN_DAYS * DAY) / P;
    const created = Math.floor(start + slot * (p + 0.1 + 0.8 * unit(p * 7 + 2)));
    const t = unit(p * 7 + 3);
    let topic = 0;
    for (let acc = TOPICS[0][1]; t >= acc && topic < TOPICS.length - 1; acc += TOPICS[++topic][1]);
    const withCompany = h % 4 !== 0;
    const c = withCompany ? pick(companyWeights, unit(p * 7 + 4)) : -1;
    const industry = c >= 0 ? INDUSTRIES[pick(industryWeights, unit(c * 31 + 5))] : INDUSTRIES[pick(industryWeights, unit(p * 7 + 5))];
    // Skewed authors: the square of a uniform draw makes the first users write more.
    const a = unit(p * 7 + 6);
    const author = Math.floor(a * a * N) % N;
    const others = Math.max(0, N - 1);
    return {
      author,
      topic: TOPICS[topic][0],
      company: c >= 0 ? COMPANIES[c] : null,
      industry,
      text: (h >>> 8) % postTexts.length,
      anonymous: (h >>> 4) % 100 < 85,
      likes: skewed(unit(p * 7 + 7), unit(p * 7 + 8), FEED_LIKES_PER_POST, 0.7, others),
      comments: N > 1 ? skewed(unit(p * 7 + 9), unit(p * 7 + 10), FEED_COMMENTS_PER_POST, 0.6, 2_000) : 0,
      created,
      edited: (h >>> 12) % 100 < 3,
    };
  };
  /** Comment k of a post, or like k: spread after the post, ending before "now". */
  const stepAfter = (created: number, count: number, usual: number) => Math.max(1, Math.min(usual, Math.floor((t0 - MINUTE - created) / (count + 1))));
  /** The k-th of up to N - 1 distinct members other than the author, from a hashed start. */
  const liker = (author: number, from: number, k: number) => (author + 1 + ((from + k) % (N - 1))) % N;

  // For the progress lines only: the counts of a sample of the posts.
  const sampleEvery = Math.max(1, Math.floor(P / 10_000));
  let expectedComments = 0;
  let expectedLikes = 0;
  for (let p = 0; p < P; p += sampleEvery) {
    const s = shape(p);
    expectedComments += s.comments * sampleEvery;
    expectedLikes += s.likes * sampleEvery;
  }

  await run("anonymous_post", feedTables.anonymous_post, (function* () {
    for (let p = 0; p < P; p++) {
      const s = shape(p);
      yield [ids.post(p), ids.user(s.author), postTexts[s.text], s.anonymous, s.company, s.industry, s.topic, s.likes, s.comments, s.created, s.edited ? s.created + HOUR : s.created];
    }
  })(), P);

  await run("anonymous_comment", feedTables.anonymous_comment, (function* () {
    let n = 0;
    for (let p = 0; p < P; p++) {
      const s = shape(p);
      if (s.comments === 0) continue;
      const step = stepAfter(s.created, s.comments, 6 * HOUR);
      const from = mix(p * 7 + 11) % N;
      for (let k = 0; k < s.comments; k++) {
        // Commenters may repeat on a long thread; the author answers now and then.
        const by = k % 7 === 6 ? s.author : (from + k * 13) % N;
        const at = s.created + (k + 1) * step;
        yield [ids.comment(n++), ids.post(p), ids.user(by), commentTexts[(p + k) % commentTexts.length], (mix(p + k) & 7) !== 0, 0, at, at];
      }
    }
  })(), expectedComments);

  await run("anonymous_post_like", feedTables.anonymous_post_like, (function* () {
    let n = 0;
    for (let p = 0; p < P; p++) {
      const s = shape(p);
      if (s.likes === 0) continue;
      const step = stepAfter(s.created, s.likes, 2 * HOUR);
      const from = mix(p * 7 + 12) % N;
      for (let k = 0; k < s.likes; k++) yield [ids.like(n++), ids.post(p), ids.user(liker(s.author, from, k)), s.created + (k + 1) * step];
    }
  })(), expectedLikes);

  // The demo's big post: 5,000 comments from scale members over the time since it was posted.
  if (bigPost) {
    const count = bigFeedPostComments(N);
    await run("anonymous_comment", feedTables.anonymous_comment, (function* () {
      const step = stepAfter(bigPost.created, count, HOUR);
      for (let k = 0; k < count; k++) {
        const at = bigPost.created + (k + 1) * step;
        yield [ids.bigComment(k), bigPost.id, ids.user((k * 7) % N), commentTexts[k % commentTexts.length], k % 5 !== 4, 0, at, at];
      }
    })(), count);
  }

  // Reports: one post in 500 is reported (a few twice); 80% still open, 15% dismissed, 5% hidden.
  const reported = (p: number) => mix(p * 7 + 13) % 500 === 0;
  const reasons = ["spam", "harassment", "hate", "personal_information", "false_information", "other"] as const;
  const statusOf = (p: number) => {
    const x = mix(p * 7 + 14) % 100;
    return x < 80 ? "open" : x < 95 ? "dismissed" : "hidden";
  };
  const reportedCount = Math.ceil(P / 500);
  await run("anonymous_reports", feedTables.anonymous_reports, (function* () {
    let n = 0;
    for (let p = 0; p < P; p++) {
      if (!reported(p) || N < 3) continue;
      const s = shape(p);
      const status = statusOf(p);
      const twice = mix(p * 7 + 15) % 5 === 0;
      for (let k = 0; k < (twice ? 2 : 1); k++) {
        const at = Math.min(s.created + (k + 1) * 3 * HOUR, t0 - MINUTE);
        const decided = status === "open" ? null : Math.min(at + DAY, t0 - MINUTE);
        yield [
          ids.report(n++), ids.post(p), null, ids.user(liker(s.author, mix(p * 7 + 16) % N, k)), reasons[mix(p * 7 + 17) % reasons.length],
          k === 0 && mix(p) % 3 === 0 ? "Please take a look." : null, status, decided === null ? null : ids.user(moderatorOf(p)), decided, at,
        ];
      }
    }
  })(), reportedCount);
  await run("anonymous_post_removals", feedTables.anonymous_post_removals, (function* () {
    for (let p = 0; p < P; p++) {
      if (!reported(p) || N < 3 || statusOf(p) !== "hidden") continue;
      const s = shape(p);
      yield [ids.post(p), ids.user(moderatorOf(p)), Math.min(s.created + 3 * HOUR + DAY, t0 - MINUTE)];
    }
  })(), Math.ceil(reportedCount / 20));
}
