/** The five roles, and how people read them. Pure: safe for the browser bundle. */
import { userRoles, type UserRole } from "../../../db/enums";

export { userRoles, type UserRole };

const labels: Record<UserRole, string> = {
  user: "Member",
  recruiter: "Recruiter",
  career_team: "Career team",
  moderator: "Moderator",
  admin: "Admin",
};

export function roleLabel(role: string | null | undefined): string {
  return labels[(role ?? "user") as UserRole] ?? role ?? "Member";
}

export const isRole = (value: unknown): value is UserRole => typeof value === "string" && (userRoles as readonly string[]).includes(value);
