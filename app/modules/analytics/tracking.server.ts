/**
 * The admin's view of the activity catalog (/admin/analytics/tracking): every category with its
 * types, and switching a type's is_tracked. Security types cannot be switched (decision 050).
 */
import { asc, eq } from "drizzle-orm";
import { activityType } from "../../../db/activity-catalog";
import { withTx, type Ctx } from "~/db.server";

export type TrackedType = { name: string; description: string | null; tracked: boolean; alwaysRecorded: boolean; feature: string | null };
export type TrackedCategory = { name: string; description: string | null; types: TrackedType[] };

/** Every category in the order the catalog made them, each with its types; at most a few dozen rows. */
export async function listTracking(ctx: Ctx): Promise<TrackedCategory[]> {
  const { activity_categories: c, activity_types: t } = ctx.t;
  const rows = await ctx.db
    .select({ category: c.name, categoryDescription: c.description, name: t.name, description: t.description, tracked: t.is_tracked })
    .from(t)
    .leftJoin(c, eq(c.id, t.category_id))
    .orderBy(asc(c.id), asc(t.id));
  const categories = new Map<string, TrackedCategory>();
  for (const row of rows) {
    const key = row.category ?? "";
    let category = categories.get(key);
    if (!category) categories.set(key, (category = { name: key, description: row.categoryDescription, types: [] }));
    const entry = activityType(row.name);
    category.types.push({
      name: row.name,
      description: row.description,
      tracked: entry?.security ? true : (row.tracked ?? true),
      alwaysRecorded: entry?.security ?? false,
      feature: entry?.feature ?? null,
    });
  }
  return [...categories.values()];
}

export type SwitchOutcome = { kind: "changed" | "unchanged"; tracked: boolean } | { kind: "not_found" } | { kind: "always_recorded" };

/** Switches a type on or off; security types and names not in the table are refused. */
export async function setTracked(ctx: Ctx, name: string, tracked: boolean): Promise<SwitchOutcome> {
  if (activityType(name)?.security) return { kind: "always_recorded" };
  const t = ctx.t.activity_types;
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db.select({ tracked: t.is_tracked }).from(t).where(eq(t.name, name)).limit(1);
    if (!row) return { kind: "not_found" } as const;
    if ((row.tracked ?? true) === tracked) return { kind: "unchanged", tracked } as const;
    await tx.db.update(t).set({ is_tracked: tracked }).where(eq(t.name, name));
    return { kind: "changed", tracked } as const;
  });
}
