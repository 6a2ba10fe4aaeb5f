/** The member's saved language (member_settings.language, decision 040): it follows them to every device. */
import type { Ctx } from "~/db.server";
import { eq } from "drizzle-orm";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/lib/i18n";

export async function saveLanguage(ctx: Ctx, userId: string, lang: Language): Promise<void> {
  const s = ctx.t.member_settings;
  const now = new Date();
  await ctx.db
    .insert(s)
    .values({ user_id: userId, language: lang, updated_at: now })
    .onConflictDoUpdate({ target: s.user_id, set: { language: lang, updated_at: now } });
}

/** The language to write to a member in when they are not the one asking (emails, notifications): their saved one, else English. */
export async function savedLanguage(ctx: Ctx, userId: string): Promise<Language> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db.select({ language: s.language }).from(s).where(eq(s.user_id, userId)).limit(1);
  return isLanguage(row?.language) ? row.language : DEFAULT_LANGUAGE;
}
