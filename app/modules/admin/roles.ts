/** The five roles, and how people read them. Pure: safe for the browser bundle. */
import type { Translate } from "~/lib/i18n";
import { userRoles, type UserRole } from "../../../db/enums";

export { userRoles, type UserRole };

const labels: Record<UserRole, string> = {
  user: "Member",
  recruiter: "Recruiter",
  career_team: "Career team",
  moderator: "Moderator",
  admin: "Admin",
};

/**
 * A role's name: in the reader's language with `t` (the `admin.roleName.*` messages, which every
 * admin page sends), in English without.
 */
export function roleLabel(role: string | null | undefined, t?: Translate): string {
  const known = Object.hasOwn(labels, role ?? "user") ? ((role ?? "user") as UserRole) : null;
  if (known && t) return t(`admin.roleName.${known}`);
  return known ? labels[known] : (role ?? "Member");
}

export const isRole = (value: unknown): value is UserRole => typeof value === "string" && (userRoles as readonly string[]).includes(value);
