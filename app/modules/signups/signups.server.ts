/** Interest in Premium and in API access: stored for the admins, who follow up by email. */
import type { Ctx } from "~/db.server";
import type { ApiAccessInput, PremiumInput } from "./forms.server";

export async function savePremiumInterest(ctx: Ctx, input: PremiumInput): Promise<{ id: string }> {
  const p = ctx.t.premuser;
  const [row] = await ctx.db
    .insert(p)
    .values({
      fullName: input.fullName,
      emailAddress: input.emailAddress,
      phoneNumber: input.phoneNumber,
      paragraphInterest: input.paragraphInterest,
      createdAt: new Date(),
    })
    .returning({ id: p.id });
  return row;
}

export async function saveApiAccessRequest(ctx: Ctx, input: ApiAccessInput): Promise<{ id: string }> {
  const a = ctx.t.apiuser;
  const [row] = await ctx.db
    .insert(a)
    .values({
      fullName: input.fullName,
      email_address: input.email_address,
      phone_number: input.phone_number,
      orgName: input.orgName,
      work: input.work,
      benefits: input.benefits,
      createdAt: new Date(),
    })
    .returning({ id: a.id });
  return row;
}
