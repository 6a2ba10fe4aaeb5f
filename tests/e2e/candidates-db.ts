/**
 * Rows for the candidate-matching story (candidates.spec.ts), written straight into the browser
 * tests' SQLite file as the app writes them: a member's profile, a graded attempt with its best
 * score (a verified skill), a member made a recruiter, and a job they posted (approved).
 */
import { withE2eDb as withDb } from "./community-db";


export function setProfileInE2eDb(userId: string, profile: { headline: string; skills: string[] }): void {
  withDb((db) => db.prepare('update "User" set headline = ?, professional_skills = ? where id = ?').run(profile.headline, JSON.stringify(profile.skills), userId));
}

/** A new skill, and one attempt at it by the member scoring `score`/10 with its skill_bests row. */
export function verifiedSkillInE2eDb(userId: string, skillName: string, score: number): number {
  const at = Date.now();
  return withDb((db) => {
    const skill = db.prepare("insert into skills (name) values (?) returning id").get(skillName) as { id: number };
    const answers = Array.from({ length: 10 }, (_, i) => (i < score ? 0 : 1));
    const attempt = db.prepare('insert into skill_attempts ("userId", "skillId", score, total, "selectedAnswers", "createdAt") values (?, ?, ?, 10, ?, ?) returning id').get(userId, skill.id, score, JSON.stringify(answers), at) as { id: number };
    db.prepare("insert into skill_bests (user_id, skill_id, best_score, best_total, best_attempt_id, attempts, last_attempt_at) values (?, ?, ?, 10, ?, 1, ?)").run(userId, skill.id, score, attempt.id, at);
    return skill.id;
  });
}

/** Makes the member a recruiter and posts an approved job in the general feed for them; returns its id. */
export function recruiterJobInE2eDb(userId: string, job: { id: string; title: string; description: string; city: string }): void {
  const at = Date.now();
  withDb((db) => {
    db.prepare('update "User" set role = ? where id = ?').run("recruiter", userId);
    db.prepare(
      "insert into jobs (job_id, job_title, employer_name, job_city, job_country, job_description, job_employment_type, posted_by, posted_by_user_id, job_posted_at_datetime_utc, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(job.id, job.title, "Ledger Labs", job.city, "Egypt", job.description, "Full-time", "alumni", userId, at, at);
    db.prepare("insert into job_postings (feed, job_id, status, created_at, updated_at) values (?, ?, ?, ?, ?)").run("general", job.id, "approved", at, at);
  });
}
