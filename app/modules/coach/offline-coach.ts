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
 */

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

const lines = (...text: string[]) => text.join("\n");

export const TOPICS: Topic[] = [
  {
    id: "phone-screen",
    title: "phone and video screens",
    keywords: ["phone screen*", "phone interview*", "phone call", "screening call*", "recruiter call*", "video interview*", "video call*", "zoom", "teams call*"],
    reply: lines(
      "**A phone or video screen** is a short check that you fit the basics. To pass it:",
      "",
      "1. Prepare a **60-second pitch**: who you are, what you have done, why this role.",
      "2. Have the job post, your CV and **two questions** for them in front of you.",
      "3. Know your **salary range** and notice period: screens often ask.",
      "4. Find a quiet place, test the link or signal, and smile while you talk: it can be heard.",
      "",
      "End by asking what the next step is and when you will hear back.",
    ),
  },
  {
    id: "cover-letter",
    title: "cover letters",
    keywords: ["cover letter*", "covering letter*", "motivation letter*", "motivational letter*", "letter of motivation", "application letter*"],
    reply: lines(
      "**A cover letter that gets read** fits on one screen, in three short paragraphs:",
      "",
      "1. **Why this job, at this company**: one specific thing you noticed about them.",
      "2. **Proof**: one or two results from your past that match what the post asks for, with numbers.",
      "3. **Next step**: say you would welcome a conversation, and thank them.",
      "",
      "Use the hiring manager's name if you can find it, and reuse the post's own words for the skills it lists.",
    ),
  },
  {
    id: "cv-gap",
    title: "gaps in your CV",
    keywords: ["gap", "gaps", "career break*", "time off", "unemployed", "unemployment", "out of work", "years off", "months off", "caring for", "sabbatical"],
    reply: lines(
      "**A gap in your CV** is common and rarely a problem when you explain it simply:",
      "",
      "- Give it **one honest line** on the CV (\"2024–2025: career break, caring for a parent\").",
      "- Mention what you **kept up**: a course, volunteering, freelance work, a project.",
      "- In an interview, answer in two sentences and move on to why you are **ready now**.",
      "",
      "Do not apologise or stretch dates to hide it: a checked date that does not match hurts more than the gap.",
    ),
  },
  {
    id: "cv",
    title: "your CV or résumé",
    keywords: ["cv", "cvs", "resume*", "résumé*", "curriculum vitae", "ats", "bullet point*"],
    reply: lines(
      "Here is a short checklist for your CV:",
      "",
      "1. Put your headline and two or three results **with numbers** at the top.",
      "2. For each role, lead with what changed because of you, not with duties.",
      "3. Keep it to **one or two pages**, a plain layout (no tables or photos) so screening software can read it.",
      "4. Match the words of the job you want: the same skill names as the post.",
      "",
      "Tell me the job you are aiming for and I can suggest which lines to move up.",
    ),
  },
  {
    id: "salary",
    title: "salary and negotiating an offer",
    keywords: ["salary", "salaries", "negotiat*", "job offer*", "offer letter*", "counter offer*", "counteroffer*", "compensation", "pay", "package", "benefits", "bonus"],
    reply: lines(
      "**Negotiating pay** goes best with numbers and calm:",
      "",
      "1. Find the usual **range** for the role in your city (job posts, salary surveys, people in the field).",
      "2. Let them name a number first if you can; if asked, give a **range** whose lower end you would accept.",
      "3. Once you have an offer, thank them and ask for time (a day or two) to consider it.",
      "4. Ask about the **whole package**: bonus, leave, training budget, remote days, start date.",
      "",
      "A polite counter (\"Is there flexibility to reach X?\") is normal and almost never withdrawn.",
    ),
  },
  {
    id: "promotion",
    title: "promotions and raises",
    keywords: ["promotion*", "promoted", "raise", "pay rise", "pay raise", "senior role", "next level", "performance review*", "appraisal*"],
    reply: lines(
      "**Asking for a promotion or a raise** works when you bring evidence:",
      "",
      "- Keep a **list of wins** through the year: results, numbers, thanks from others.",
      "- Ask your manager **what the next level needs**, and agree on two or three goals.",
      "- Book the conversation ahead of review season, not during it.",
      "- Show you already do part of the next role, then ask directly: \"What would it take for me to get there by June?\"",
    ),
  },
  {
    id: "resignation",
    title: "resigning and notice periods",
    keywords: ["resign*", "quit", "quitting", "notice period*", "handing in my notice", "leave my job", "leaving my job", "two weeks notice", "exit interview*"],
    reply: lines(
      "**Leaving a job well** keeps doors open:",
      "",
      "1. Have the **new offer in writing** (signed) before you resign.",
      "2. Tell your manager **in person or on a call first**, then send a short, polite letter with your last day.",
      "3. Check your contract for the **notice period** and any leave you can use.",
      "4. Write a handover note and thank the people who helped you.",
      "",
      "If they make a counter-offer, remember why you started looking.",
    ),
  },
  {
    id: "interview",
    title: "interviews",
    keywords: ["interview*", "star method", "tell me about yourself", "behavioural question*", "behavioral question*", "technical test*", "assessment centre*", "assessment center*"],
    reply: lines(
      "To prepare for an interview:",
      "",
      "- Write three short stories (**situation, action, result**) that show your strengths.",
      "- Read the job post again and prepare **one question** about the team or the work.",
      "- Practise your answer to *tell me about yourself* out loud, in under two minutes.",
      "- Research the company's products and news for ten minutes.",
      "",
      "Afterwards, send a short thank-you note the same day.",
    ),
  },
  {
    id: "career-change",
    title: "changing careers",
    keywords: ["career change*", "change career*", "changing career*", "switch career*", "switching career*", "new career", "new field", "new industry", "move into", "transition*", "pivot*"],
    reply: lines(
      "Changing direction works best in small steps:",
      "",
      "1. List the **skills from your current work** that the new field needs too.",
      "2. Pick **one small project** that proves the missing skill, and show it.",
      "3. Talk to **two people who already do the job**; ask what they wish they had known.",
      "4. Look for bridge roles that use your old experience in the new field.",
    ),
  },
  {
    id: "linkedin",
    title: "your LinkedIn or Ladder profile",
    keywords: ["linkedin", "profile", "headline", "profile picture", "profile photo", "summary section"],
    reply: lines(
      "**A profile that recruiters find**:",
      "",
      "- A **headline** that says what you do and for whom, not only your title (\"Data analyst · SQL, Power BI · fintech\").",
      "- A clear photo and a **short summary** with one result and what you are looking for.",
      "- The **skills** the jobs you want ask for, in the same words.",
      "- Two or three recent entries with results; ask one colleague for a recommendation.",
    ),
  },
  {
    id: "networking",
    title: "networking",
    keywords: ["network", "networking", "connect*", "referral*", "mentor*", "reach out", "reaching out", "cold message*", "cold email*", "informational interview*", "coffee chat*"],
    reply: lines(
      "Growing your network:",
      "",
      "- Send a **short, specific note** when you connect: why this person, and one question.",
      "- Share one useful thing a week in your field.",
      "- Ask for **advice rather than for a job**; referrals follow advice.",
      "- Keep in touch: a short update after you acted on their advice.",
    ),
  },
  {
    id: "internship",
    title: "internships",
    keywords: ["internship*", "intern", "interns", "placement year", "work placement*", "summer job*", "co op"],
    reply: lines(
      "**Getting an internship**:",
      "",
      "1. Start **early**: large companies open applications 6 to 9 months ahead.",
      "2. Use your **projects, coursework and clubs** as experience, with what you did and the result.",
      "3. Ask your career team and lecturers for leads; many small companies never advertise.",
      "4. Apply to **10 to 20** places, each with a short note on why them.",
    ),
  },
  {
    id: "graduate",
    title: "graduate jobs and your first job",
    keywords: ["graduate*", "graduating", "grad scheme*", "grad job*", "first job", "entry level", "entry-level", "fresh grad*", "no experience", "student*", "university", "degree"],
    reply: lines(
      "**Your first job after studying**:",
      "",
      "- Look at **graduate schemes** and entry-level posts; apply even if you meet about 70% of the list.",
      "- Turn projects, part-time work and volunteering into **results** on your CV.",
      "- Use your university's **career team and alumni**: ask alumni in roles you like for a 15-minute chat.",
      "- Apply steadily (a few good applications a week) and keep a simple tracker.",
    ),
  },
  {
    id: "rejection",
    title: "rejections",
    keywords: ["reject*", "turned down", "didn t get", "did not get", "not selected", "unsuccessful", "no response", "ghosted", "ghosting"],
    reply: lines(
      "**Rejection is part of every search**, not a verdict on you. What helps:",
      "",
      "- Reply politely and **ask for one piece of feedback**; some will answer.",
      "- Look for a pattern: no interviews means the CV or the target; interviews without offers means practice.",
      "- Keep a few applications **in progress** at all times, so one answer matters less.",
      "- Take a short break when you need it, then pick one small next step.",
    ),
  },
  {
    id: "job-search",
    title: "your job search strategy",
    keywords: ["job search*", "job hunt*", "find a job", "finding a job", "get a job", "looking for a job", "looking for work", "apply*", "application*", "job board*"],
    reply: lines(
      "**A job search that works** is focused and steady:",
      "",
      "1. Choose **one or two target roles** and a list of 20 employers you would like.",
      "2. Tailor your CV to each role type, not to every job.",
      "3. Split your time: about half **applications**, half **people** (referrals, alumni, recruiters).",
      "4. Track every application and follow up after a week.",
      "",
      "Ten tailored applications beat fifty generic ones.",
    ),
  },
  {
    id: "references",
    title: "references",
    keywords: ["reference*", "referee*", "recommendation letter*", "letter of recommendation", "background check*"],
    reply: lines(
      "**References**:",
      "",
      "- Pick people who saw your work **closely and recently**: a manager, a lecturer, a client.",
      "- **Ask before** you name them, and send them the job post and what you would like them to stress.",
      "- Keep their details ready, but give them only when asked (usually after the interviews).",
      "- Thank them and tell them how it went.",
    ),
  },
  {
    id: "remote",
    title: "remote and hybrid work",
    keywords: ["remote", "remotely", "work from home", "working from home", "wfh", "hybrid", "distributed team*"],
    reply: lines(
      "**Remote and hybrid roles**:",
      "",
      "- Show you can work alone: **written communication**, self-managed projects, results delivered across time zones.",
      "- Filter job boards for remote roles **open to your country**: many are limited by location and tax rules.",
      "- Ask in interviews about **core hours**, how the team decides things, and how often people meet.",
      "- At home, a steady routine and a clear end to the day matter more than the tools.",
    ),
  },
  {
    id: "portfolio",
    title: "portfolios",
    keywords: ["portfolio*", "github", "case stud*", "side project*", "showcase", "work samples"],
    reply: lines(
      "**A portfolio that helps you get hired**:",
      "",
      "- Show **three to five strong pieces**, not everything.",
      "- For each: the **problem**, what you did, and the **result** (a number or a quote if you can).",
      "- Put the best piece first, and a link to it at the top of your CV.",
      "- For code, a clear README with a screenshot and how to run it.",
    ),
  },
  {
    id: "relocation",
    title: "relocating, visas and working abroad",
    keywords: ["relocat*", "visa*", "work permit*", "sponsor*", "abroad", "overseas", "move to another country", "moving to another country", "immigration", "emigrat*"],
    reply: lines(
      "**Working in another country**:",
      "",
      "1. Check the **official immigration site** of the country for the work visa routes and their salary thresholds.",
      "2. Target employers that **already sponsor visas** (many countries publish the list).",
      "3. Say your status clearly on applications (\"Requires sponsorship\" or \"Eligible to work in …\").",
      "4. Budget for the move, and ask whether a **relocation package** is offered.",
    ),
  },
  {
    id: "freelance",
    title: "freelancing",
    keywords: ["freelanc*", "self employed", "self-employed", "contractor*", "contracting", "gig", "gigs", "gig work", "consultant*", "consulting", "side hustle*", "clients", "invoice*"],
    reply: lines(
      "**Starting to freelance**:",
      "",
      "- Offer **one clear service** to one kind of client, with a fixed-price package.",
      "- Win the first clients through **people you know** and past employers; ask for a testimonial each time.",
      "- Set your rate from the income you need, counting unpaid time (sales, admin) and taxes.",
      "- Always use a short **written agreement**: scope, price, deadline, payment terms.",
    ),
  },
  {
    id: "skills",
    title: "skills, courses and certificates",
    keywords: ["skill*", "course*", "certificat*", "certification*", "upskill*", "reskill*", "learn*", "bootcamp*", "training", "qualification*", "study"],
    reply: lines(
      "**Learning the right skills**:",
      "",
      "1. Read **ten job posts** for the role you want and list the skills that come up most.",
      "2. Pick **one** to learn now; free courses and official documentation are often enough.",
      "3. Prove it with a **small project** you can show, not only a certificate.",
      "4. Add it to your profile and CV in the same words the posts use.",
    ),
  },
];

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

export const FALLBACK_REPLY = lines(
  "I am Ladder's offline coach, so I answer from built-in tips. I can help with:",
  "",
  ...TOPICS.map((t) => `- ${t.title.charAt(0).toUpperCase()}${t.title.slice(1)}`),
  "",
  "Ask about one of these (for example \"How do I prepare for a phone screen?\"), or tell me where you are now and where you would like to be in a year.",
);

export const OFFLINE_LABEL = "Offline coach: this reply comes from Ladder's built-in tips, not from an AI model.";

/** The offline coach's reply to the last user message of a conversation. */
export function offlineReply(messages: OfflineTurn[]): string {
  const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  return topicOf(last)?.reply ?? FALLBACK_REPLY;
}
