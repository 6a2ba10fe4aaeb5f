/** The member's saved language (member_settings.language, decision 040): it follows them to every device. */
import type { Ctx } from "~/db.server";
import type { Language } from "~/lib/i18n";

export async function saveLanguage(ctx: Ctx, userId: string, lang: Language): Promise<void> {
  const s = ctx.t.member_settings;
  const now = new Date();
  await ctx.db
    .insert(s)
    .values({ user_id: userId, language: lang, updated_at: now })
    .onConflictDoUpdate({ target: s.user_id, set: { language: lang, updated_at: now } });
}
