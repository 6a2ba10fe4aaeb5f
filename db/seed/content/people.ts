/**
 * The demo cast: students, alumni and job seekers from the Middle East, North Africa and India,
 * plus the staff who run Ladder. Profiles are built from a person's track (field of work).
 */
import type { UserRole } from "../../enums";

export type TrackName =
  | "data"
  | "software"
  | "marketing"
  | "finance"
  | "hr"
  | "design"
  | "operations"
  | "engineering"
  | "product"
  | "sales";

export type Stage = "student" | "graduate" | "job seeker" | "professional" | "staff";

export interface Person {
  name: string;
  /** the part before @; the five demo logins use @demo.test, the others @ladder-demo.test */
  email: string;
  role: UserRole;
  city: string;
  country: string;
  track: TrackName;
  stage: Stage;
  university: string;
  degree: string;
  gradYear: number;
  /** a one-line professional headline */
  headline: string;
  company?: string;
  provider?: "google";
}

export const DEMO_PASSWORD = "ladder-demo";

export const people: Person[] = [
  // The five demo logins come first (indices 0-4); the seeders rely on that order.
  { name: "Layla Haddad", email: "user@demo.test", role: "user", city: "Amman", country: "Jordan", track: "data", stage: "graduate", university: "University of Jordan", degree: "BSc Computer Information Systems", gradYear: 2024, headline: "Junior data analyst looking for a first full-time role in Amman or remote" },
  { name: "Omar Farouk", email: "recruiter@demo.test", role: "recruiter", city: "Dubai", country: "United Arab Emirates", track: "hr", stage: "staff", university: "American University of Sharjah", degree: "BBA Human Resource Management", gradYear: 2014, headline: "Talent acquisition lead hiring graduates across the Gulf", company: "Gulf Horizon Energy" },
  { name: "Priya Nair", email: "career@demo.test", role: "career_team", city: "Bengaluru", country: "India", track: "hr", stage: "staff", university: "Christ University", degree: "MA Psychology", gradYear: 2013, headline: "Career adviser on the Ladder team: CV reviews, mock interviews, first jobs", company: "Ladder" },
  { name: "Youssef El Amrani", email: "moderator@demo.test", role: "moderator", city: "Casablanca", country: "Morocco", track: "operations", stage: "staff", university: "Université Hassan II de Casablanca", degree: "Licence in Sociology", gradYear: 2016, headline: "Community moderator keeping Ladder kind and useful", company: "Ladder" },
  { name: "Fatima Al-Sayed", email: "admin@demo.test", role: "admin", city: "Cairo", country: "Egypt", track: "software", stage: "staff", university: "Cairo University", degree: "BSc Computer Engineering", gradYear: 2012, headline: "Platform administrator at Ladder", company: "Ladder" },

  { name: "Ahmed Mansour", email: "ahmed.mansour", role: "user", city: "Cairo", country: "Egypt", track: "software", stage: "professional", university: "Ain Shams University", degree: "BSc Computer Science", gradYear: 2019, headline: "Backend engineer (Node.js, PostgreSQL) at a Cairo fintech", company: "Nile Payments" },
  { name: "Rohan Mehta", email: "rohan.mehta", role: "user", city: "Mumbai", country: "India", track: "finance", stage: "professional", university: "University of Mumbai", degree: "BCom Accounting and Finance", gradYear: 2018, headline: "Financial analyst, FP&A, preparing for CFA Level II", company: "Konkan Capital" },
  { name: "Mariam Khalil", email: "mariam.khalil", role: "user", city: "Beirut", country: "Lebanon", track: "design", stage: "professional", university: "American University of Beirut", degree: "BA Graphic Design", gradYear: 2020, headline: "Product designer who cares about slow connections and right-to-left layouts", company: "Cedar Digital" },
  { name: "Ananya Iyer", email: "ananya.iyer", role: "user", city: "Chennai", country: "India", track: "data", stage: "professional", university: "Anna University", degree: "BE Electronics and Communication", gradYear: 2019, headline: "Data scientist working on demand forecasting for retail", company: "Coromandel Retail" },
  { name: "Karim Benali", email: "karim.benali", role: "user", city: "Algiers", country: "Algeria", track: "engineering", stage: "job seeker", university: "USTHB Algiers", degree: "Master in Civil Engineering", gradYear: 2023, headline: "Civil engineer (structures) open to projects in Algeria and the Gulf" },
  { name: "Noor Al-Hashimi", email: "noor.alhashimi", role: "user", city: "Dubai", country: "United Arab Emirates", track: "marketing", stage: "professional", university: "University of Baghdad", degree: "BA English Literature", gradYear: 2017, headline: "Content marketing manager, Arabic and English", company: "Souq Street Media" },
  { name: "Arjun Sharma", email: "arjun.sharma", role: "user", city: "New Delhi", country: "India", track: "software", stage: "student", university: "Delhi Technological University", degree: "BTech Computer Engineering", gradYear: 2026, headline: "Final-year CS student looking for a summer internship in backend development" },
  { name: "Hana Tarek", email: "hana.tarek", role: "user", city: "Alexandria", country: "Egypt", track: "marketing", stage: "graduate", university: "Alexandria University", degree: "BCom Marketing", gradYear: 2024, headline: "Marketing graduate with social media internships, looking for an entry-level role" },
  { name: "Zainab Hussain", email: "zainab.hussain", role: "user", city: "Hyderabad", country: "India", track: "product", stage: "professional", university: "Osmania University", degree: "MBA", gradYear: 2020, headline: "Associate product manager in edtech", company: "Deccan Learning" },
  { name: "Tariq Al-Amin", email: "tariq.alamin", role: "recruiter", city: "Riyadh", country: "Saudi Arabia", track: "hr", stage: "staff", university: "King Saud University", degree: "BBA Management", gradYear: 2015, headline: "Campus recruiter for graduate programmes in Saudi Arabia", company: "Najd Logistics" },
  { name: "Salma Bouazizi", email: "salma.bouazizi", role: "user", city: "Tunis", country: "Tunisia", track: "software", stage: "job seeker", university: "INSAT Tunis", degree: "Diplôme d'ingénieur en Génie Logiciel", gradYear: 2023, headline: "Frontend developer (React, TypeScript), French, Arabic and English" },
  { name: "Vikram Reddy", email: "vikram.reddy", role: "user", city: "Hyderabad", country: "India", track: "operations", stage: "professional", university: "JNTU Hyderabad", degree: "BTech Mechanical Engineering", gradYear: 2016, headline: "Supply chain planner, SAP and lean", company: "Godavari Foods" },
  { name: "Dina Saleh", email: "dina.saleh", role: "user", city: "Amman", country: "Jordan", track: "data", stage: "professional", university: "Princess Sumaya University for Technology", degree: "BSc Data Science", gradYear: 2021, headline: "BI developer: Power BI, SQL Server, telecom data", company: "Levant Telecom" },
  { name: "Imran Qureshi", email: "imran.qureshi", role: "user", city: "Lucknow", country: "India", track: "sales", stage: "job seeker", university: "University of Lucknow", degree: "BBA", gradYear: 2022, headline: "Inside sales rep moving into B2B SaaS sales" },
  { name: "Rania Aziz", email: "rania.aziz", role: "career_team", city: "Doha", country: "Qatar", track: "hr", stage: "staff", university: "Qatar University", degree: "MSc Organisational Psychology", gradYear: 2016, headline: "Career coach for graduates in the Gulf", company: "Ladder" },
  { name: "Kavya Pillai", email: "kavya.pillai", role: "user", city: "Kochi", country: "India", track: "hr", stage: "graduate", university: "Cochin University of Science and Technology", degree: "MBA Human Resources", gradYear: 2025, headline: "HR graduate interested in learning and development" },
  { name: "Hamza Idrissi", email: "hamza.idrissi", role: "user", city: "Rabat", country: "Morocco", track: "finance", stage: "student", university: "ENCG Settat", degree: "Master in Audit and Control", gradYear: 2026, headline: "Audit student looking for a six-month internship in Rabat or Casablanca" },
  { name: "Lina Nasser", email: "lina.nasser", role: "user", city: "Ramallah", country: "Palestine", track: "software", stage: "professional", university: "Birzeit University", degree: "BSc Computer Science", gradYear: 2020, headline: "Remote full-stack developer (Django, Vue)", company: "Olive Tree Software", provider: "google" },
  { name: "Siddharth Rao", email: "siddharth.rao", role: "user", city: "Pune", country: "India", track: "engineering", stage: "professional", university: "College of Engineering Pune", degree: "BTech Electrical Engineering", gradYear: 2017, headline: "Electrical design engineer for solar plants", company: "Sahyadri Renewables" },
  { name: "Meera Krishnan", email: "meera.krishnan", role: "user", city: "Bengaluru", country: "India", track: "product", stage: "job seeker", university: "IIM Kozhikode", degree: "MBA", gradYear: 2024, headline: "Product manager returning to work after a career break" },
  { name: "Khalid Al-Otaibi", email: "khalid.alotaibi", role: "user", city: "Jeddah", country: "Saudi Arabia", track: "operations", stage: "graduate", university: "King Abdulaziz University", degree: "BSc Industrial Engineering", gradYear: 2025, headline: "Industrial engineering graduate, interested in ports and logistics" },
  { name: "Amal Ben Youssef", email: "amal.benyoussef", role: "user", city: "Sfax", country: "Tunisia", track: "data", stage: "student", university: "Université de Sfax", degree: "Licence in Applied Mathematics", gradYear: 2026, headline: "Maths student learning Python and SQL for a data internship" },
  { name: "Aditya Kulkarni", email: "aditya.kulkarni", role: "user", city: "Pune", country: "India", track: "software", stage: "professional", university: "Savitribai Phule Pune University", degree: "BE Information Technology", gradYear: 2015, headline: "Engineering manager; alumni mentor for new graduates", company: "Deccan Cloudworks" },
  { name: "Yasmin Darwish", email: "yasmin.darwish", role: "user", city: "Muscat", country: "Oman", track: "marketing", stage: "job seeker", university: "Sultan Qaboos University", degree: "BA Mass Communication", gradYear: 2023, headline: "Communications graduate looking for PR and social media roles" },
  { name: "Faisal Qasim", email: "faisal.qasim", role: "user", city: "Kuwait City", country: "Kuwait", track: "finance", stage: "professional", university: "Kuwait University", degree: "BSc Finance", gradYear: 2016, headline: "Credit analyst at a retail bank", company: "Dasman Bank", provider: "google" },
  { name: "Nadia Cherif", email: "nadia.cherif", role: "user", city: "Oran", country: "Algeria", track: "design", stage: "graduate", university: "École Supérieure des Beaux-Arts d'Oran", degree: "Diploma in Visual Communication", gradYear: 2024, headline: "Junior UI designer building a portfolio in Arabic-first apps" },
  { name: "Rahul Verma", email: "rahul.verma", role: "user", city: "Jaipur", country: "India", track: "sales", stage: "professional", university: "University of Rajasthan", degree: "BCom", gradYear: 2014, headline: "Regional sales manager, FMCG; alumni who hires freshers", company: "Aravalli Consumer Goods" },
  { name: "Sana Sheikh", email: "sana.sheikh", role: "user", city: "Srinagar", country: "India", track: "data", stage: "job seeker", university: "University of Kashmir", degree: "MSc Statistics", gradYear: 2023, headline: "Statistician looking for remote analytics work" },
  { name: "Mohammed Al-Rashid", email: "mohammed.alrashid", role: "user", city: "Manama", country: "Bahrain", track: "finance", stage: "graduate", university: "University of Bahrain", degree: "BSc Accounting", gradYear: 2025, headline: "Accounting graduate preparing for ACCA" },
  { name: "Ishaan Gupta", email: "ishaan.gupta", role: "user", city: "Noida", country: "India", track: "software", stage: "student", university: "Amity University", degree: "BCA", gradYear: 2026, headline: "Student looking for part-time web development work" },
  { name: "Reem Al-Zahrani", email: "reem.alzahrani", role: "user", city: "Dammam", country: "Saudi Arabia", track: "engineering", stage: "professional", university: "King Fahd University of Petroleum and Minerals", degree: "BSc Chemical Engineering", gradYear: 2018, headline: "Process engineer, HSE certified", company: "Eastern Province Petrochemicals" },
  { name: "Tanvi Joshi", email: "tanvi.joshi", role: "user", city: "Ahmedabad", country: "India", track: "design", stage: "student", university: "National Institute of Design", degree: "BDes Communication Design", gradYear: 2026, headline: "Design student looking for a part-time illustration gig" },
  { name: "Bilal Haddad", email: "bilal.haddad", role: "user", city: "Tripoli", country: "Lebanon", track: "sales", stage: "job seeker", university: "Lebanese University", degree: "BBA Marketing", gradYear: 2022, headline: "Customer success specialist open to remote roles" },
  { name: "Nour El-Din Mostafa", email: "nour.mostafa", role: "user", city: "Giza", country: "Egypt", track: "product", stage: "professional", university: "The American University in Cairo", degree: "BSc Mechanical Engineering", gradYear: 2017, headline: "Product lead at a delivery start-up; alumni mentor", company: "Giza Express", provider: "google" },
  { name: "Deepa Ghosh", email: "deepa.ghosh", role: "moderator", city: "Kolkata", country: "India", track: "data", stage: "staff", university: "Jadavpur University", degree: "MSc Economics", gradYear: 2015, headline: "Volunteer moderator for the India communities; economist by training", company: "Indus Health" },
];

export interface Track {
  skills: string[];
  strengths: string[];
  interests: string[];
  goals: string[];
  titles: string[];
  certifications: { name: string; issuer: string }[];
}

export const tracks: Record<TrackName, Track> = {
  data: {
    skills: ["SQL", "Python", "Power BI", "Excel", "Statistics", "pandas", "Tableau", "Data cleaning"],
    strengths: ["analytical thinking", "attention to detail", "clear charts", "curiosity", "patience with messy data"],
    interests: ["data visualisation", "public health data", "sports analytics", "open data", "machine learning"],
    goals: ["Land a data analyst role where my reports drive real decisions", "Move from reporting to forecasting and experimentation", "Build a portfolio of three end-to-end analytics projects this year"],
    titles: ["Data Analyst", "BI Developer", "Junior Data Scientist", "Reporting Analyst"],
    certifications: [{ name: "Google Data Analytics", issuer: "Google" }, { name: "Microsoft Certified: Power BI Data Analyst Associate", issuer: "Microsoft" }],
  },
  software: {
    skills: ["JavaScript", "TypeScript", "Node.js", "React", "PostgreSQL", "Git", "Docker", "Python"],
    strengths: ["problem solving", "code reviews", "debugging", "writing documentation", "teamwork"],
    interests: ["open source", "web performance", "accessibility", "Arabic typography on the web", "developer tools"],
    goals: ["Grow into a senior backend role", "Ship features used by a million people", "Mentor two junior developers this year"],
    titles: ["Software Engineer", "Backend Developer", "Frontend Developer", "Full-Stack Developer"],
    certifications: [{ name: "AWS Certified Cloud Practitioner", issuer: "Amazon Web Services" }, { name: "Meta Front-End Developer", issuer: "Meta" }],
  },
  marketing: {
    skills: ["Content writing", "SEO", "Google Analytics", "Social media", "Copywriting", "Canva", "Email marketing"],
    strengths: ["storytelling", "bilingual writing", "creativity", "organisation", "working to deadlines"],
    interests: ["brand building", "Arabic content", "podcasts", "consumer psychology", "photography"],
    goals: ["Lead the content team of a regional brand", "Get my first full-time marketing role", "Learn performance marketing properly"],
    titles: ["Marketing Executive", "Content Specialist", "Social Media Coordinator", "Digital Marketing Associate"],
    certifications: [{ name: "Google Analytics Certification", issuer: "Google" }, { name: "HubSpot Content Marketing", issuer: "HubSpot" }],
  },
  finance: {
    skills: ["Financial modelling", "Excel", "IFRS", "Budgeting", "Valuation", "Power BI", "Accounting"],
    strengths: ["accuracy", "numeracy", "integrity", "structured thinking", "calm under month-end pressure"],
    interests: ["Islamic finance", "fintech", "personal finance education", "markets", "chess"],
    goals: ["Pass the next CFA level", "Move into corporate finance at a regional group", "Qualify as a chartered accountant"],
    titles: ["Financial Analyst", "Junior Accountant", "Credit Analyst", "Audit Associate"],
    certifications: [{ name: "CFA Level I", issuer: "CFA Institute" }, { name: "ACCA Applied Knowledge", issuer: "ACCA" }],
  },
  hr: {
    skills: ["Recruiting", "Interviewing", "Onboarding", "HRIS", "Employer branding", "Coaching", "Labour law basics"],
    strengths: ["empathy", "listening", "discretion", "organisation", "public speaking"],
    interests: ["graduate hiring", "career coaching", "workplace wellbeing", "diversity in hiring", "reading"],
    goals: ["Help 500 graduates find their first job", "Build a fair, structured interview process", "Grow into an HR business partner role"],
    titles: ["HR Coordinator", "Talent Acquisition Specialist", "Career Adviser", "Recruiter"],
    certifications: [{ name: "SHRM Certified Professional", issuer: "SHRM" }, { name: "CIPD Level 5", issuer: "CIPD" }],
  },
  design: {
    skills: ["Figma", "User research", "Prototyping", "Design systems", "Illustration", "Typography", "Accessibility"],
    strengths: ["visual thinking", "empathy for users", "attention to detail", "presenting ideas", "curiosity"],
    interests: ["Arabic calligraphy", "right-to-left interfaces", "illustration", "museums", "design for low bandwidth"],
    goals: ["Join a product team as a UI/UX designer", "Build a design system used across products", "Publish a portfolio with three case studies"],
    titles: ["UI Designer", "Product Designer", "UX Researcher", "Visual Designer"],
    certifications: [{ name: "Google UX Design", issuer: "Google" }, { name: "Interaction Design Foundation: Accessibility", issuer: "Interaction Design Foundation" }],
  },
  operations: {
    skills: ["Supply chain", "SAP", "Lean", "Excel", "Inventory planning", "Process mapping", "Vendor management"],
    strengths: ["planning", "problem solving", "negotiation", "reliability", "staying calm in a crisis"],
    interests: ["logistics", "ports and shipping", "process improvement", "football", "cooking"],
    goals: ["Run the operations of a regional warehouse", "Earn a Six Sigma Green Belt", "Move into supply chain analytics"],
    titles: ["Operations Coordinator", "Supply Chain Planner", "Logistics Analyst", "Community Operations Specialist"],
    certifications: [{ name: "Lean Six Sigma Green Belt", issuer: "IASSC" }, { name: "APICS CSCP", issuer: "ASCM" }],
  },
  engineering: {
    skills: ["AutoCAD", "Revit", "Project planning", "Site supervision", "HSE", "MATLAB", "ETAP"],
    strengths: ["technical rigour", "safety mindset", "teamwork", "problem solving", "report writing"],
    interests: ["renewable energy", "sustainable buildings", "infrastructure", "hiking", "robotics"],
    goals: ["Work on a major infrastructure project", "Become a chartered engineer", "Move into renewable energy projects"],
    titles: ["Site Engineer", "Design Engineer", "Process Engineer", "Project Engineer"],
    certifications: [{ name: "NEBOSH International General Certificate", issuer: "NEBOSH" }, { name: "PMP", issuer: "PMI" }],
  },
  product: {
    skills: ["Product discovery", "Roadmapping", "User interviews", "SQL", "A/B testing", "Jira", "Writing specs"],
    strengths: ["prioritisation", "communication", "customer empathy", "structured thinking", "facilitation"],
    interests: ["edtech", "marketplaces", "behavioural economics", "start-ups", "mentoring"],
    goals: ["Own a product end to end", "Return to product management after a career break", "Build products for first-time internet users"],
    titles: ["Associate Product Manager", "Product Manager", "Product Owner", "Product Lead"],
    certifications: [{ name: "Professional Scrum Product Owner I", issuer: "Scrum.org" }, { name: "Product Management Certificate", issuer: "Product School" }],
  },
  sales: {
    skills: ["B2B sales", "CRM", "Negotiation", "Cold outreach", "Account management", "Presentations", "Salesforce"],
    strengths: ["resilience", "relationship building", "listening", "persuasion", "target focus"],
    interests: ["SaaS", "public speaking", "cricket", "entrepreneurship", "travel"],
    goals: ["Move from inside sales to account executive", "Lead a regional sales team", "Hit 120% of target two quarters in a row"],
    titles: ["Sales Executive", "Account Executive", "Customer Success Specialist", "Business Development Associate"],
    certifications: [{ name: "Salesforce Certified Associate", issuer: "Salesforce" }, { name: "HubSpot Inbound Sales", issuer: "HubSpot" }],
  },
};

/** Employers for experience entries and job posts (fictional, plausible). */
export const employers = [
  { name: "Nile Payments", city: "Cairo", country: "EG" },
  { name: "Gulf Horizon Energy", city: "Dubai", country: "AE" },
  { name: "Cedar Digital", city: "Beirut", country: "LB" },
  { name: "Najd Logistics", city: "Riyadh", country: "SA" },
  { name: "Atlas Retail Group", city: "Casablanca", country: "MA" },
  { name: "Levant Telecom", city: "Amman", country: "JO" },
  { name: "Deccan Cloudworks", city: "Pune", country: "IN" },
  { name: "Coromandel Retail", city: "Chennai", country: "IN" },
  { name: "Konkan Capital", city: "Mumbai", country: "IN" },
  { name: "Saffron Software", city: "Bengaluru", country: "IN" },
  { name: "Dasman Bank", city: "Kuwait City", country: "KW" },
  { name: "Carthage Data Labs", city: "Tunis", country: "TN" },
  { name: "Souq Street Media", city: "Dubai", country: "AE" },
  { name: "Deccan Learning", city: "Hyderabad", country: "IN" },
  { name: "Olive Tree Software", city: "Ramallah", country: "PS" },
  { name: "Sahyadri Renewables", city: "Pune", country: "IN" },
  { name: "Doha Health Partners", city: "Doha", country: "QA" },
  { name: "Giza Express", city: "Giza", country: "EG" },
  { name: "Aravalli Consumer Goods", city: "Jaipur", country: "IN" },
  { name: "Muscat Maritime", city: "Muscat", country: "OM" },
  { name: "Sahara Solar", city: "Algiers", country: "DZ" },
  { name: "Manama Fintech Hub", city: "Manama", country: "BH" },
  { name: "Indus Health", city: "New Delhi", country: "IN" },
  { name: "Eastern Province Petrochemicals", city: "Dammam", country: "SA" },
] as const;

/** First and last names for the scale seeder's generated users. */
export const firstNames = [
  "Aisha", "Ahmed", "Ali", "Amina", "Amir", "Anas", "Arjun", "Asma", "Ayesha", "Bilal", "Deepa", "Dina", "Fadi", "Farah",
  "Fatima", "Ghada", "Hadi", "Hala", "Hamza", "Hassan", "Ibrahim", "Imane", "Ishaan", "Jamal", "Kabir", "Karim", "Kavya",
  "Khadija", "Layla", "Lina", "Mahmoud", "Malak", "Mariam", "Meera", "Mohammed", "Mona", "Mustafa", "Nadia", "Neha", "Nisha",
  "Noor", "Omar", "Pooja", "Priya", "Rahul", "Rana", "Rania", "Reem", "Rohan", "Sahil", "Salma", "Sameer", "Sana", "Sara",
  "Shreya", "Siddharth", "Sofia", "Tariq", "Vikram", "Yara", "Yasmin", "Youssef", "Zaid", "Zainab",
];
export const lastNames = [
  "Abdallah", "Al-Amin", "Al-Hashimi", "Al-Otaibi", "Al-Rashid", "Al-Sayed", "Aziz", "Bakr", "Benali", "Bouazizi", "Chaudhary",
  "Cherif", "Darwish", "Das", "El Amrani", "Farouk", "Ghosh", "Gupta", "Haddad", "Hussain", "Idrissi", "Iyer", "Jain", "Joshi",
  "Khalil", "Khan", "Kulkarni", "Mansour", "Mehta", "Menon", "Mostafa", "Nair", "Nasser", "Pillai", "Qasim", "Qureshi", "Rao",
  "Reddy", "Saleh", "Shah", "Sharma", "Sheikh", "Singh", "Tarek", "Verma", "Yilmaz", "Zahran",
];

export const cities = [
  { city: "Cairo", country: "Egypt" }, { city: "Amman", country: "Jordan" }, { city: "Dubai", country: "United Arab Emirates" },
  { city: "Riyadh", country: "Saudi Arabia" }, { city: "Casablanca", country: "Morocco" }, { city: "Tunis", country: "Tunisia" },
  { city: "Beirut", country: "Lebanon" }, { city: "Doha", country: "Qatar" }, { city: "Muscat", country: "Oman" },
  { city: "Algiers", country: "Algeria" }, { city: "Mumbai", country: "India" }, { city: "Bengaluru", country: "India" },
  { city: "New Delhi", country: "India" }, { city: "Hyderabad", country: "India" }, { city: "Chennai", country: "India" },
  { city: "Pune", country: "India" }, { city: "Kochi", country: "India" }, { city: "Kolkata", country: "India" },
  { city: "Jeddah", country: "Saudi Arabia" }, { city: "Kuwait City", country: "Kuwait" },
];

export const anonymousAnimals = [
  "Falcon", "Oryx", "Gazelle", "Camel", "Heron", "Ibis", "Lynx", "Fennec", "Peacock", "Tiger", "Mongoose", "Kestrel",
  "Dolphin", "Owl", "Lotus", "Cedar", "Palm", "Jasmine", "Banyan", "Saffron",
];
export const anonymousAdjectives = [
  "Quiet", "Curious", "Brave", "Patient", "Bright", "Steady", "Kind", "Swift", "Calm", "Bold", "Gentle", "Clever",
];
