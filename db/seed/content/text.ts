/** Words for the demo: conversations, posts, chats, documents, jobs and communities. */
import type { TrackName } from "./people";

/** Direct-message conversations: "a" is the connection's sender, "b" its receiver. */
export const dialogues: { from: "a" | "b"; text: string }[][] = [
  [
    { from: "a", text: "Hi! Thanks for accepting. I saw you moved into data analytics last year." },
    { from: "b", text: "Hello! Yes, about a year ago. Happy to help if you have questions." },
    { from: "a", text: "Which SQL topics came up most in your interviews?" },
    { from: "b", text: "Joins, GROUP BY with HAVING, and window functions like ROW_NUMBER. Practise explaining your query out loud." },
    { from: "a", text: "That is really useful, thank you. I will try the Ladder SQL test tonight." },
    { from: "b", text: "Good luck! Send me your score and we can go through the ones you missed." },
  ],
  [
    { from: "a", text: "Salam! Are you still at the same company? I saw an opening on your team." },
    { from: "b", text: "Wa alaikum assalam, yes I am. Which role?" },
    { from: "a", text: "The junior analyst one posted last week. Would you be open to referring me?" },
    { from: "b", text: "Send me your CV and a few lines on why you fit, and I will pass it to the hiring manager." },
    { from: "a", text: "Sent it to your email just now. Shukran!" },
  ],
  [
    { from: "a", text: "Hey, loved your post about preparing for case interviews." },
    { from: "b", text: "Thank you! It took me three rejections to figure that out." },
    { from: "a", text: "Do you have a book or course you would recommend?" },
    { from: "b", text: "Case in Point is a good start, but practising with a friend twice a week helped most." },
  ],
  [
    { from: "a", text: "Namaste! We met at the career fair in Bengaluru, I was at the fintech stall." },
    { from: "b", text: "Of course, I remember. How did the rest of the fair go?" },
    { from: "a", text: "Two interviews lined up! One is a part-time role I can do alongside my final year." },
    { from: "b", text: "That is great news. Ask them about flexible hours during exams." },
    { from: "a", text: "Good point, I will. Thanks again." },
    { from: "b", text: "Anytime. Keep me posted." },
    { from: "a", text: "Update: they offered me the role!" },
    { from: "b", text: "Mabrook! Well deserved." },
  ],
  [
    { from: "a", text: "Hi, could I ask you a few questions about working remotely for a European company from Tunis?" },
    { from: "b", text: "Sure. The main things are the contract type, time zones and how you get paid." },
    { from: "a", text: "Were you hired as a contractor or an employee?" },
    { from: "b", text: "Contractor through an employer-of-record service. It took two weeks to set up." },
  ],
  [
    { from: "a", text: "Good morning! Is your team hiring interns this summer?" },
    { from: "b", text: "We are, applications open next month. I will share the link here when it is live." },
    { from: "a", text: "Thank you so much!" },
  ],
  [
    { from: "a", text: "Thanks for the mock interview yesterday, your feedback on my STAR answers helped a lot." },
    { from: "b", text: "You improved a lot between the first and the last answer. Keep the results part short and concrete." },
    { from: "a", text: "I rewrote my answers with numbers, like the 30% faster report." },
    { from: "b", text: "Exactly. That is the kind of detail interviewers remember." },
    { from: "a", text: "The real interview is on Thursday." },
    { from: "b", text: "You are ready. Sleep well the night before!" },
  ],
  [
    { from: "a", text: "Hello, do you know anyone hiring civil engineers in Riyadh?" },
    { from: "b", text: "A few contractors are hiring for the metro extension. I will ask around." },
    { from: "a", text: "I would really appreciate it." },
    { from: "b", text: "Two names for you: check the Najd Logistics careers page too, they need site engineers for new warehouses." },
  ],
];

/** Short messages for the scale seeder's conversations. */
export const shortMessages = [
  "Hi! Thanks for connecting.", "How is the job search going?", "Did you hear back from them?", "Congratulations on the new role!",
  "Can you review my CV this week?", "Sure, send it over.", "I just finished the SQL skill test.", "What score did you get?",
  "Are you going to the career fair on Saturday?", "Yes, see you there!", "Thanks for the referral!", "Good luck tomorrow!",
  "The interview went well, I think.", "They asked about my final-year project.", "Let me know if you need anything.",
  "Shukran!", "Thank you so much.", "Mabrook!", "All the best!", "Could we talk on Sunday evening?", "I am free after 6 pm.",
  "I shared the job link in the community.", "Is the role open to remote candidates?", "They want someone with two years of experience.",
  "Apply anyway, it is worth a try.", "I will send you my portfolio.", "Your portfolio looks great.", "Which city are you based in now?",
  "I moved to Dubai last month.", "The commute is long but the team is lovely.", "Do you know anyone at Nile Payments?",
  "My manager is looking for an intern.", "Can I mention your name in my cover letter?", "Of course.",
  "The assessment had ten questions on Excel.", "VLOOKUP and PivotTables mostly.", "Have a good weekend!", "Ramadan Kareem!",
  "Eid Mubarak!", "Happy Diwali!", "Thanks, you too!", "I got the offer!", "That is fantastic news.", "When do you start?",
];

/**
 * Feed posts (issue 17). The first fourteen keep their place (their ids are anonymous_post:<index>);
 * the demo seeder reads the optional fields, the scale seeder only the text, topic and industry.
 */
export interface FeedPostText {
  topic: "company_culture" | "workplace_issues" | "career_advice" | "general";
  industry: string;
  company?: string;
  content: string;
  /** demo: the author (index in people); default a member picked from the index */
  author?: number;
  /** demo: days before the seed's "now" (default 2 + 3 * index) */
  daysAgo?: number;
  /** demo: posted under the member's name (default: every fifth post) */
  named?: boolean;
  /** demo: its own comments instead of the shared ones; `likes`: how many members like it */
  comments?: string[];
  likes?: number;
  /** demo: a spam comment a moderator hid (after the others) */
  spamComment?: string;
  /** demo: a spam post a moderator hid */
  spam?: boolean;
}

export const anonymousPosts: FeedPostText[] = [
  { topic: "career_advice", industry: "Technology", content: "Is it normal to be asked for a take-home task that needs a whole weekend? I want the job but I also have exams." },
  { topic: "company_culture", industry: "Banking", company: "Dasman Bank", content: "Six months in as a graduate trainee. The rotation programme is genuinely good and managers actually teach you. Long hours at quarter end though." },
  { topic: "workplace_issues", industry: "Retail", company: "Atlas Retail Group", content: "My manager keeps scheduling meetings at 9 pm on WhatsApp. How do I politely set boundaries without looking uncommitted?" },
  { topic: "general", industry: "Education", company: "Deccan Learning", content: "Small win: I finally got my first interview after 40 applications. Do not give up, everyone." },
  { topic: "career_advice", industry: "Consulting", content: "Should I take a lower salary at a big firm for the brand name, or a better offer at a start-up in Cairo?" },
  { topic: "company_culture", industry: "Technology", company: "Saffron Software", content: "Remote-first here really means remote-first. Documentation culture is strong and nobody expects replies after hours." },
  { topic: "workplace_issues", industry: "Construction", content: "Site engineers on my project have not been paid overtime for three months. Is there anything we can do as a group?" },
  { topic: "career_advice", industry: "Marketing", content: "How do you explain a one-year gap on your CV after looking after a family member?" },
  { topic: "general", industry: "Healthcare", content: "Anyone else studying for a certification while working full time? Share your study routine please." },
  { topic: "career_advice", industry: "Finance", content: "CFA or ACCA for someone who wants to work in corporate finance in the Gulf?" },
  { topic: "company_culture", industry: "Logistics", company: "Najd Logistics", content: "The graduate programme is structured and the mentors are kind. Housing allowance is fair for Riyadh." },
  { topic: "workplace_issues", industry: "Technology", company: "Nile Payments", content: "I was promised a promotion review after a year and it keeps getting postponed. When do you start looking elsewhere?" },
  { topic: "general", industry: "Design", content: "Tip for designers: show your process in the portfolio, not just the final screens. It changed my interview results." },
  { topic: "career_advice", industry: "Engineering", content: "Is a master's degree worth it for civil engineers in North Africa, or is site experience better?" },
  // 14: user@demo.test's own anonymous post (her internship company), liked and answered this week.
  {
    topic: "workplace_issues", industry: "Telecommunications", company: "Levant Telecom", author: 0, daysAgo: 3, likes: 6,
    content: "Interns on the data team were told to stay until 8 pm every day in the last month of the placement, unpaid. Is that normal for telecoms in Amman, or should I say something before the next group starts?",
    comments: [
      "Not normal. Write down the hours and raise it with the internship coordinator, not your manager.",
      "Same at my placement last year. The next group will thank you for speaking up.",
      "If the company has a graduate programme, HR usually cares a lot about how interns are treated. Worth an email.",
    ],
  },
  // 15-18: posts and answers in Arabic and Hindi.
  {
    topic: "workplace_issues", industry: "Fintech", company: "Nile Payments", daysAgo: 1, likes: 8,
    content: "هل من الطبيعي أن يطلب المدير منا العمل يوم الجمعة بدون أجر إضافي؟ نحن فريق صغير والكل متعب، ولا أريد أن أبدو غير ملتزم.",
    comments: ["ليس طبيعياً. اطلب أن تكون ساعات العمل الإضافية مكتوبة ومدفوعة.", "تكلموا مع الموارد البشرية كفريق وليس كأفراد، سيكون صوتكم أقوى."],
  },
  {
    topic: "company_culture", industry: "Energy", company: "Gulf Horizon Energy", daysAgo: 5, likes: 5,
    content: "بيئة العمل ممتازة للخريجين الجدد: برنامج تدريب واضح ومدير يتابع معك كل أسبوع. الرواتب أقل قليلاً من السوق لكن التعلم يستحق.",
    comments: ["شكراً على المشاركة، عندي مقابلة معهم الشهر القادم.", "هل يوجد عمل عن بُعد أم الحضور يومياً؟"],
  },
  {
    topic: "career_advice", industry: "Technology", company: "Deccan Cloudworks", daysAgo: 2, likes: 4,
    content: "क्या किसी को पता है कि फ्रेशर्स के बैकएंड इंटरव्यू में सिस्टम डिज़ाइन पूछा जाता है? मेरा इंटरव्यू अगले हफ़्ते है और मैं थोड़ा घबराया हुआ हूँ।",
    comments: ["फ्रेशर्स से ज़्यादातर बेसिक सवाल पूछते हैं: डेटाबेस, API और कैशिंग। घबराइए मत।", "अपने प्रोजेक्ट के बारे में अच्छे से समझाने की तैयारी कीजिए, वही सबसे ज़्यादा पूछा गया था।"],
  },
  {
    topic: "workplace_issues", industry: "Retail", company: "Coromandel Retail", daysAgo: 9, likes: 3,
    content: "हमारी टीम में छुट्टी माँगने पर मैनेजर नाराज़ हो जाते हैं, भले ही छुट्टियाँ बाकी हों। क्या HR से सीधे बात करना सही रहेगा?",
    comments: ["हाँ, छुट्टी आपका हक़ है। ईमेल पर लिखकर माँगिए ताकि रिकॉर्ड रहे।"],
  },
  // 19: a named post: a hiring manager answering questions under their own name.
  {
    topic: "general", industry: "Fintech", company: "Nile Payments", author: 5, named: true, daysAgo: 1, likes: 7,
    content: "We are hiring two junior backend engineers in Cairo (Node.js, PostgreSQL). Happy to answer questions about the interview here, under my own name.",
    comments: ["Is the take-home task timed?", "Do you sponsor visas for candidates from outside Egypt?"],
  },
  {
    topic: "career_advice", industry: "Finance", company: "Konkan Capital", daysAgo: 4, likes: 5,
    content: "My employer matched the new offer after I resigned. Everyone says never accept a counter-offer. Did anyone stay and not regret it?",
    comments: ["I stayed once and left six months later anyway. The reasons you wanted to leave rarely change.", "Depends on why you were leaving. If it was only money, staying can work."],
    spamComment: "Cheap CV writing, 10 dollars only, guaranteed interviews! Message me on WhatsApp.",
  },
  {
    topic: "company_culture", industry: "Education", company: "Deccan Learning", daysAgo: 6, likes: 2,
    content: "Honest review after a year: great mission, kind colleagues, but targets change every quarter and nobody explains why.",
    comments: ["Same experience in edtech generally. Ask for the targets in writing at the start of each quarter."],
  },
  {
    topic: "general", industry: "Technology", daysAgo: 0, likes: 3,
    content: "What is one thing you wish you had known in your first month at work? Mine: it is fine to ask the same question twice.",
    comments: ["Write down who does what. The org chart never tells you who actually decides.", "Take the lunch invitations, even when you are busy."],
  },
  // 23: spam a moderator hid.
  { topic: "general", industry: "Other", daysAgo: 9, likes: 0, spam: true, content: "Earn 500 dollars a day from home!!! No experience needed. Message me on WhatsApp for details." },
  {
    topic: "workplace_issues", industry: "Healthcare", company: "Doha Health Partners", daysAgo: 12, likes: 4,
    content: "Night shifts were added to our rota without any consultation. Is there a rule in Qatar about notice for shift changes?",
    comments: ["There is. Ask HR for the written policy; changes usually need notice.", "Talk to the other nurses first so you raise it together."],
  },
  {
    topic: "company_culture", industry: "Energy", company: "Sahara Solar", daysAgo: 20, likes: 6,
    content: "Field engineers get proper safety training and the site managers actually listen. Remote postings are tough but the allowance is fair.",
    comments: ["Good to hear. How long are the rotations in the south?", "Which site are you on? I think I know you, are you the new engineer in Ouargla?"],
  },
];

export const anonymousComments = [
  "Same thing happened to me. Ask for the scope in writing before you start.",
  "Congratulations! The first one is the hardest.",
  "Try saying you are available for urgent issues only after 8 pm. Most managers respect that.",
  "I chose the start-up and learned three times as much. No regrets.",
  "Brand names help for the first job, honestly.",
  "Just be honest about the gap. Caring for family is something interviewers understand.",
  "ACCA if you want accounting, CFA if you want investment roles.",
  "Talk to the labour office; they do take group complaints seriously.",
  "I study an hour before work every day. Weekends are for mock exams.",
  "Thank you for sharing this, it gives me hope.",
  "Could you share which team you are on? I am interviewing there next week.",
  "Get the promotion criteria written down and review them with your manager every month.",
];

export const chatScripts: { title: string; turns: string[] }[] = [
  {
    title: "Preparing for a data analyst interview",
    turns: [
      "I have an interview for a junior data analyst role at a telecom company next week. What should I prepare?",
      "Good news! Prepare three things: SQL (joins, GROUP BY, window functions), one project you can explain end to end, and a few questions about their data. Would you like a mock SQL question?",
      "Yes please.",
      "Here is one: given a table calls(customer_id, started_at, minutes), find the three customers with the most minutes last month. Try writing the query, then I will review it.",
    ],
  },
  {
    title: "Rewriting my CV summary",
    turns: [
      "Can you make my CV summary stronger? \"Hardworking marketing graduate looking for opportunities.\"",
      "Try naming what you did and for whom: \"Marketing graduate who grew an Instagram account from 2k to 15k followers for a Cairo café in six months; looking for a content role in FMCG.\" Numbers and a target role make it specific.",
    ],
  },
  {
    title: "Negotiating my first salary",
    turns: [
      "I got an offer in Dubai for 9,000 AED a month. Is it OK to negotiate as a fresh graduate?",
      "Yes, politely. Thank them, say you are excited, and ask whether there is flexibility on the base salary or the housing allowance. Check typical ranges for the role first so you can name a figure.",
      "What figure should I ask for?",
      "Ask for about 10 to 15 percent above the offer if your research supports it, and be ready to explain why: your internship, languages or a certification.",
    ],
  },
  {
    title: "Switching from civil engineering to project management",
    turns: [
      "I am a civil engineer with three years on site. How do I move into project management?",
      "You already do part of it. Document the schedules, budgets and teams you handled, consider the PMP once you meet its experience requirement, and ask for a planning role on your next project.",
    ],
  },
  {
    title: "Answering \"Tell me about yourself\"",
    turns: [
      "How should I answer \"tell me about yourself\" in an HR interview?",
      "Use present, past, future in about a minute: what you do now, one or two achievements that got you here, and why this role is the next step.",
      "Can you give me an example for a fresher in software?",
      "\"I am a final-year computer engineering student at DTU. Last summer I built an attendance app used by 300 students, which got me interested in backend work. I would like to grow as a backend developer, which is why this internship appeals to me.\"",
    ],
  },
  {
    title: "Part-time work during my degree",
    turns: [
      "Which part-time jobs fit around a BCA timetable in Noida?",
      "Tutoring, freelance web work, campus ambassador roles and weekend customer support are common. Look for roles with fixed hours that you can drop during exams, and check the part-time jobs feed on Ladder.",
    ],
  },
];

export const oldChatScripts: { title: string; turns: string[] }[] = [
  {
    title: "Cover letter for a remote role",
    turns: [
      "Help me write a cover letter for a remote customer success role.",
      "Start with why this company, then one story that shows you solving a customer's problem, then how you work remotely: your hours, tools and how you keep customers updated.",
    ],
  },
  {
    title: "Which certification first?",
    turns: [
      "Should I do Google Data Analytics or Power BI first?",
      "If you are new to analytics, Google Data Analytics gives the foundations. If you already know SQL and Excel, go straight to Power BI: it is what most job posts in the region ask for.",
      "Thanks, I will start with Power BI.",
    ],
  },
];

export const documentSources: { title: string; kind: "text" | "code" | "sheet"; versions: string[] }[] = [
  {
    title: "CV summary",
    kind: "text",
    versions: [
      "Hardworking graduate looking for opportunities in data.",
      "Computer information systems graduate with a Power BI internship. Looking for a junior data analyst role.",
      "Junior data analyst (SQL, Power BI, Python) who cut a weekly sales report from 4 hours to 20 minutes during an internship at Levant Telecom. Looking for an analyst role in Amman or remote.",
    ],
  },
  {
    title: "Cover letter: Junior Data Analyst",
    kind: "text",
    versions: [
      "Dear Hiring Manager,\n\nI am applying for the Junior Data Analyst position.\n\nRegards,",
      "Dear Hiring Manager,\n\nI am applying for the Junior Data Analyst position at Nile Payments. During my internship I automated a weekly report with SQL and Power BI.\n\nKind regards,",
      "Dear Ms Saleh,\n\nI am applying for the Junior Data Analyst position at Nile Payments. During my internship at Levant Telecom I automated a weekly sales report with SQL and Power BI, saving the team four hours a week. I would like to bring the same care to your payments data.\n\nKind regards,\nLayla Haddad",
    ],
  },
  {
    title: "Top customers by minutes",
    kind: "code",
    versions: [
      "SELECT customer_id, SUM(minutes) FROM calls GROUP BY customer_id;",
      "SELECT customer_id, SUM(minutes) AS total_minutes\nFROM calls\nWHERE started_at >= DATE '2025-05-01' AND started_at < DATE '2025-06-01'\nGROUP BY customer_id\nORDER BY total_minutes DESC\nLIMIT 3;",
    ],
  },
  {
    title: "Application tracker",
    kind: "sheet",
    versions: [
      "Company,Role,Applied,Status\nNile Payments,Junior Data Analyst,2025-05-02,Applied",
      "Company,Role,Applied,Status\nNile Payments,Junior Data Analyst,2025-05-02,Interviewing\nLevant Telecom,BI Developer,2025-05-06,Applied\nCarthage Data Labs,Data Intern,2025-05-09,Rejected",
    ],
  },
  {
    title: "Personal statement for a master's",
    kind: "text",
    versions: [
      "I want to study civil engineering because I like buildings.",
      "Three years on construction sites in Algiers taught me how much a good schedule matters. I want to study construction management to plan projects that finish on time and safely.",
    ],
  },
];

export const suggestionSources = [
  { originalText: "Hardworking graduate", suggestedText: "Computer information systems graduate", description: "Name your degree instead of a generic adjective." },
  { originalText: "Regards,", suggestedText: "Kind regards,", description: "A warmer, still formal closing." },
  { originalText: "GROUP BY customer_id;", suggestedText: "GROUP BY customer_id ORDER BY 2 DESC LIMIT 3;", description: "The question asks for the top three only." },
  { originalText: "because I like buildings", suggestedText: "because I want to plan safer projects", description: "Show motivation through experience." },
];

export const jobTitlesByTrack: Record<TrackName, string[]> = {
  data: ["Junior Data Analyst", "BI Developer", "Data Scientist", "Reporting Analyst", "Data Engineer", "Analytics Intern"],
  software: ["Backend Developer (Node.js)", "Frontend Developer (React)", "Full-Stack Engineer", "Mobile Developer (Flutter)", "QA Engineer", "Software Engineering Intern"],
  marketing: ["Content Marketing Specialist", "Social Media Executive", "SEO Analyst", "Marketing Coordinator", "Arabic Copywriter"],
  finance: ["Financial Analyst", "Junior Accountant", "Audit Associate", "Credit Analyst", "Accounts Payable Clerk"],
  hr: ["HR Coordinator", "Talent Acquisition Specialist", "HR Intern", "Payroll Officer"],
  design: ["UI/UX Designer", "Graphic Designer", "Product Designer", "Illustrator"],
  operations: ["Operations Coordinator", "Supply Chain Analyst", "Logistics Officer", "Procurement Assistant"],
  engineering: ["Site Engineer", "Electrical Design Engineer", "Process Engineer", "HSE Officer"],
  product: ["Associate Product Manager", "Product Owner", "Product Analyst"],
  sales: ["Sales Executive", "Business Development Associate", "Customer Success Specialist", "Inside Sales Representative"],
};

export const jobDescriptionParts = {
  intro: [
    "We are a fast-growing team serving customers across the region.",
    "Join a company that has served families in the region for over twenty years.",
    "We build products used by millions of people on low-cost phones and slow networks.",
    "Our graduate programme welcomes fresh talent every year.",
    "We are expanding and looking for curious, reliable people.",
  ],
  duties: [
    "You will work closely with senior colleagues, own tasks from start to finish and present your results to the team.",
    "You will support day-to-day operations, prepare weekly reports and help improve our processes.",
    "You will talk to customers, understand their needs and turn them into clear next steps.",
    "You will build, test and maintain features, and review code with your teammates.",
    "You will plan work with your manager, track progress and flag risks early.",
  ],
  requirements: [
    "A bachelor's degree in a related field, or equivalent experience.",
    "Good written and spoken English; Arabic is a plus.",
    "Good written and spoken English; Hindi is a plus.",
    "Fresh graduates are welcome to apply.",
    "One to two years of experience preferred.",
    "A portfolio or examples of your work.",
  ],
  benefits: [
    "Medical insurance, annual leave and a learning budget.",
    "Flexible hours and one remote day a week.",
    "Fully remote with a yearly team meet-up.",
    "Transport allowance and paid training.",
    "Mentoring from experienced alumni.",
  ],
};

export const communitySources = [
  { name: "Data Careers MENA", description: "Analysts, scientists and engineers working with data across the Middle East and North Africa. Job leads, SQL help and portfolio reviews." },
  { name: "Women in Tech India", description: "A supportive space for women building careers in technology in India: mentoring, returnships and meetups." },
  { name: "Remote Work from the Gulf", description: "Finding and keeping remote jobs while living in the GCC: contracts, time zones, payments and tools." },
  { name: "First Job After Graduation", description: "For students and fresh graduates: CVs, first interviews, internships and what nobody tells you about your first year." },
  { name: "Engineers of North Africa", description: "Civil, electrical and mechanical engineers in Morocco, Algeria, Tunisia, Libya and Egypt sharing projects and opportunities." },
  { name: "Finance and Accounting Circle", description: "Study groups for CFA and ACCA, and talk about careers in banking, audit and corporate finance." },
  // Issue 16: an alumni group (created by user@demo.test) and a city's software engineers.
  { name: "University of Jordan Alumni", description: "Graduates and students of the University of Jordan, wherever they work now: job leads, referrals, and an evening in Amman every season." },
  { name: "Cairo Software Engineers", description: "Backend, frontend and mobile engineers in Cairo and Giza. Monthly tech talks, code review nights and honest talk about offers." },
];

/**
 * When and where an event post happens (community_events). `inDays` counts from the seed's day
 * (its UTC midnight), `hour` is UTC; an event has a place or an online link.
 */
export interface DemoEvent {
  inDays: number;
  hour: number;
  hours?: number;
  place?: string;
  online?: string;
}

export type DemoCommunityPost = { type: "update"; content: string } | { type: "event"; content: string; event: DemoEvent };

/** Posts shared by the first six communities, in turns. */
export const communityPosts: DemoCommunityPost[] = [
  { type: "event", content: "Online SQL practice session at 7 pm (Cairo time). We will solve five interview questions together.", event: { inDays: 2, hour: 17, hours: 1.5, online: "https://meet.ladder-demo.test/sql-practice" } },
  { type: "update", content: "Welcome to everyone who joined this week! Introduce yourself: where you are based and what role you are looking for." },
  { type: "event", content: "Portfolio review evening: bring one project and get feedback from two senior members. 20 places.", event: { inDays: 6, hour: 15, hours: 2, place: "Ladder community room, 3rd floor, 12 Garden Road" } },
  { type: "update", content: "Three members got offers this month. Congratulations! Their advice: apply early and follow up after a week." },
  { type: "event", content: "Career fair in Bengaluru next month. We are organising a meet-up at the entrance at 10 am.", event: { inDays: 24, hour: 4.5, hours: 3, place: "Bangalore International Exhibition Centre, main entrance" } },
  { type: "update", content: "New resource: a shared sheet of companies that hire fresh graduates remotely. Add yours: https://sheets.ladder-demo.test/remote-first-jobs" },
  { type: "event", content: "Study group for CFA Level I starts on the 1st. We meet online on Tuesdays and Thursdays.", event: { inDays: 10, hour: 14, hours: 1, online: "https://meet.ladder-demo.test/cfa-level-1" } },
  { type: "update", content: "Reminder: please do not post personal phone numbers in the community. Use direct messages instead." },
];

/** Posts of the communities added for issue 16, by community name; `by` is who writes it: the creator or a moderator. */
export const ownCommunityPosts: Record<string, (DemoCommunityPost & { by: "creator" | "moderator" | "member" })[]> = {
  "University of Jordan Alumni": [
    { by: "creator", type: "update", content: "Welcome to the University of Jordan Alumni group! Tell us where you work now, and share one tip for students graduating this year." },
    { by: "member", type: "update", content: "The Faculty of IT is looking for alumni to give a 20-minute career talk to final-year students. Reply here or send me a message." },
    { by: "creator", type: "event", content: "Alumni evening in Amman: tea, three short talks from graduates working in data and software, and time to meet each other.", event: { inDays: 9, hour: 16, hours: 2.5, place: "Rainbow Street, Jabal Amman" } },
  ],
  "Cairo Software Engineers": [
    { by: "creator", type: "update", content: "Posts here are for members only. Please keep salary figures you were told in confidence out of the group." },
    { by: "moderator", type: "update", content: "Three backend openings at Cairo fintechs were posted on Ladder this week: search for \"backend Cairo\" on the jobs page. Ask me if you would like a referral." },
    { by: "creator", type: "event", content: "Monthly tech talk: how we cut our PostgreSQL query times in half with the right indexes. Questions welcome; the recording goes to members.", event: { inDays: 3, hour: 17, hours: 1.5, online: "https://meet.ladder-demo.test/cairo-software-engineers/indexes" } },
    { by: "moderator", type: "event", content: "Code review night: bring a pull request you are proud of (or not). Laptops and tea provided.", event: { inDays: 12, hour: 16, hours: 3, place: "Maadi, Cairo (the address goes to members the day before)" } },
  ],
};

/** Reasons moderators gave (community_decisions, community_bans). */
export const communityReasons = {
  declinedAlumni: "This group is for University of Jordan graduates and students. Add the university to your profile and ask again.",
  declinedFinance: "We keep this circle to people working in finance for now. Data Careers MENA may suit you better.",
  removed: "Posted the same course advertisement five times in one week.",
  banned: "Recruitment spam in members' messages after two warnings.",
};

/** The scale seed's communities: a kind of group in a city ("Data Careers in Pune"), then a suffix when the pair repeats. */
export const scaleCommunityKinds: { name: (city: string) => string; about: string }[] = [
  { name: (city) => `Software Engineers of ${city}`, about: "Backend, frontend and mobile engineers: tech talks, code reviews and job leads." },
  { name: (city) => `Data Careers in ${city}`, about: "Analysts and data scientists sharing SQL questions, portfolios and openings." },
  { name: (city) => `Women in Tech ${city}`, about: "Mentoring, returnships and meetups for women building careers in technology." },
  { name: (city) => `${city} Marketing Circle`, about: "Content, social media and brand marketers comparing notes and campaigns." },
  { name: (city) => `${city} Finance Professionals`, about: "Accountants, analysts and bankers: CFA and ACCA study groups, audit season survival." },
  { name: (city) => `Designers in ${city}`, about: "Product and graphic designers: portfolio reviews and right-to-left layouts." },
  { name: (city) => `Fresh Graduates of ${city}`, about: "First CVs, first interviews and first jobs, with people one step ahead." },
  { name: (city) => `Product Managers in ${city}`, about: "Discovery, roadmaps and interviews for product roles." },
  { name: (city) => `${city} Engineers Network`, about: "Civil, mechanical and electrical engineers sharing projects and site jobs." },
  { name: (city) => `Alumni in ${city}`, about: "Graduates of every university who live and work in the city: referrals and evenings out." },
];
export const scaleCommunitySuffixes = ["Circle", "Meetup", "Study Group", "Network", "Hub", "Club", "Forum", "Collective", "Guild", "Society", "Exchange", "Crew"];

/**
 * Demo answers to the daily mock interview, by bank category (db/interview-banks): the questions
 * come from the banks, these are what members typed. Two per category, a fuller one and a thinner
 * one, so the feedback under them differs. English, as the demo's interviews were asked in English.
 */
export const interviewAnswers: Record<string, [string, string]> = {
  behavioral: [
    "During my internship at a telecom company the monthly churn report was due a day early because the director was travelling. I split the work into the data pull and the charts, asked a colleague to check my numbers in parallel and sent it at 4 pm. The director used it in the board meeting, and my manager asked me to own the report from then on.",
    "In a group project a teammate stopped sharing updates. I suggested a short check-in twice a week and we finished on time.",
  ],
  technical: [
    "I would start by asking what the system must do and how much data it holds. For a table that is read far more often than written I would add an index on the column we filter by, check the query plan before and after, and measure: in my final-year project an index took a report from 9 seconds to under 200 milliseconds.",
    "I would look at the logs first and then try to reproduce the problem on my machine.",
  ],
  situational: [
    "First I would ask my manager which of the two tasks matters more this week and by when each is needed, then say clearly what I can deliver today and what moves to tomorrow. If both really are urgent I would ask whether a colleague can take part of one. I did this in my internship when two reports landed on the same morning, and both went out on time.",
    "I would stay calm, listen to the customer and try to solve the problem as fast as possible.",
  ],
  hr: [
    "Your products reach people on slow networks and cheap phones, which is the problem I chose for my graduation project: we cut an app's data use by 40%. I want to keep working on that with a team that measures what users feel, and your graduate programme rotates through analytics and product, which is where I want to grow in the next three years.",
    "I like the company and I think I can learn a lot here.",
  ],
  case: [
    "I would clarify the goal first: is it revenue, users or margin? Then I would split the problem into price times volume, check which one moved, and look at the segments. If volume fell only in one city, I would compare that city's competitors and delivery times before recommending anything, and I would put a number on each option.",
    "I think the company should lower its prices to get more customers.",
  ],
  software: [
    "In my last project our API got slow as the user table grew. I profiled the endpoint, found an N+1 query in the serializer, replaced it with one join and added a test that counts queries. Response time went from 1.2 seconds to 150 milliseconds, and the test stopped the problem coming back when a teammate changed the code later.",
    "I usually write the code first and then test it manually to see if it works.",
  ],
  data: [
    "For the churn analysis I joined the billing and support tables, checked for duplicate customer ids first, and found that customers with more than two support tickets in a month left at three times the usual rate. I showed it as one chart and one number for the managers, and the support team started calling those customers: churn in that group fell by a fifth in two months.",
    "I cleaned the data in Excel and made some charts for the report.",
  ],
  product: [
    "I would start from the user problem: students missing application deadlines. I talked to eight of them, found that email reminders were ignored, and proposed a weekly summary in the app. We measured success by applications submitted on time, which rose from 61% to 78% in the pilot; the next step was to test the timing of the reminder.",
    "I would add the features users ask for most and then see if they like them.",
  ],
  sales: [
    "I research the customer before the call: their size, their current tool and one problem I can name. On the call I ask more than I talk, then tie our product to that problem with a number. During my summer job this approach took my demo-to-trial rate from 20% to 35%, and I kept notes on every objection to improve the next call.",
    "I am good at talking to people and I am very motivated to reach my targets.",
  ],
  customer_support: [
    "I let the customer finish, repeat the problem in my own words so they know I understood, and apologise for the trouble without blaming anyone. Then I say exactly what I will do and by when, and I follow up even if the fix takes longer. In my part-time support job my satisfaction score was 4.8 out of 5 over six months.",
    "I would apologise and tell them we will fix it soon.",
  ],
};

/** A few AI reviews as the coach writes them (3 strengths or gaps and one rewrite suggestion), by which answer they follow. */
export const interviewAiReviews: [string, string] = [
  "**Strengths**\n- A concrete situation with a clear action you took yourself.\n- A measurable result, which interviewers remember.\n- A good length for a spoken answer.\n\n**Gap**\n- Say in one sentence what you learned, so the story ends on you.\n\n**Try this rewrite**\nEnd with: \"Since then I plan shared work so that checks happen in parallel, not at the end.\"",
  "**Gaps**\n- No specific example: name one situation, when and where.\n- No result: what changed because of what you did?\n- Too short to show how you think; aim for 60 to 150 words.\n\n**Try this rewrite**\nUse STAR: \"In my final-year project (situation) I had to… (task). I… (action), and as a result… (result, with a number).\"",
];

export const interviewerNames = ["Sara Abdallah", "Rakesh Menon", "Hisham Zahran", "Neha Kapoor", "Mounir Tazi", "Laila Bakr", "Deepak Singh"];

export const roundNotes: Record<string, string> = {
  phone_screening: "20-minute call about experience, notice period and salary expectations.",
  job_assessment: "Take-home task: clean a sample dataset and present three findings.",
  hr: "Culture and motivation interview with the HR partner.",
  final: "Panel with the hiring manager and a senior team member.",
};

export const roundFeedback = [
  "Clear communicator, solid fundamentals. Move forward.",
  "Good technical answers; needs more structure when explaining trade-offs.",
  "Strong motivation and good questions about the team.",
  "Assessment was thorough and well documented.",
  "Not enough depth in SQL for this role yet; encourage to re-apply.",
];
