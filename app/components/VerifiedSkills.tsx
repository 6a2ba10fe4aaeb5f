/** "Verified: SQL 9/10" badges: a best score of 70% or more at a skill test (issue 18). */
export interface VerifiedBadge {
  name: string;
  score: number;
  total: number;
}

export function VerifiedSkills({ skills, label, badge }: { skills: readonly VerifiedBadge[]; label: string; badge: (skill: VerifiedBadge) => string }) {
  if (skills.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {skills.map((s) => (
        <li key={s.name} className="rounded-full border border-emerald-700 bg-emerald-50 px-2.5 py-0.5 text-sm text-emerald-900">
          <bdi dir="auto">{badge(s)}</bdi>
        </li>
      ))}
    </ul>
  );
}
