/**
 * Archive-card stories' rows, written straight into the browser tests' SQLite file: a Ladder job
 * posted by a member, and a member who lets recruiters find them (candidate_settings), as the
 * pages that make them do. The candidates page with its "archive" link is the match lane's; the
 * archive story opens the archive form by its address.
 */
import { randomUUID } from "node:crypto";
import { withE2eDb as withDb } from "./community-db";


/** An approved Ladder post in the general feed by `posterId`; returns its job id. */
export function makeJobInE2eDb(posterId: string, title: string): string {
  const jobId = `ladder-e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const now = Date.now();
  withDb((db) => {
    db.prepare("insert into jobs (job_id, job_title, employer_name, job_city, job_country, posted_by, posted_by_user_id, created_at) values (?, ?, ?, ?, ?, 'alumni', ?, ?)").run(
      jobId,
      title,
      "Archive Test Co",
      "Cairo",
      "Egypt",
      posterId,
      now,
    );
    db.prepare("insert into job_postings (feed, job_id, status, created_at, updated_at) values ('general', ?, 'approved', ?, ?)").run(jobId, now, now);
  });
  return jobId;
}

/** A member (no password: they never sign in here) who lets recruiters find them and shares their phone. */
export function makeFindableMemberInE2eDb(member: { name: string; email: string; phone: string; headline: string }): string {
  const id = randomUUID();
  const now = Date.now();
  withDb((db) => {
    db.prepare('insert into "User" (id, email, name, phone, headline, role, provider, "createdAt") values (?, ?, ?, ?, ?, \'user\', \'password\', ?)').run(id, member.email, member.name, member.phone, member.headline, now);
    db.prepare("insert into candidate_settings (user_id, findable, share_phone, city, match_terms, updated_at) values (?, 1, 1, 'Cairo', '', ?)").run(id, now);
  });
  return id;
}
