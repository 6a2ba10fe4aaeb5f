/**
 * One submit of the moderation queue, for /moderation and /communities/<id>/requests alike: the
 * ticked ids (several values of one name) or a row's one id, the decisions, and the answer as
 * plain values. A fetcher (via=fetcher) gets the outcome in words; a page without JavaScript gets
 * a redirect with the outcome in the flash, or a 400 with the message beside the field.
 */
import type { Translate } from "~/lib/i18n";
import { displayName } from "~/modules/network";
import type { ReadForm } from "~/modules/accounts/index.server";
import type { Viewer } from "./access.server";
import type { Ctx } from "~/db.server";
import { decideRequests } from "./moderation.server";
import { membershipIdsOf, type QueueForm } from "./moderation-forms.server";
import { decisionSummary, type Said } from "./moderation-rules";

export type QueueSubmit =
  | { kind: "fetcher"; status: number; reply: { said?: { text: string; kind: Said["kind"] }; errors?: Record<string, string> } }
  | { kind: "failed"; failure: { errors: Record<string, string>; reason: string; ids: string[]; batch: boolean } }
  | { kind: "done"; said: Said };

export async function submitQueue(ctx: Ctx, viewer: Viewer, read: ReadForm<QueueForm>, t: Translate): Promise<QueueSubmit> {
  const viaFetcher = read.values.via === "fetcher";
  const batch = read.values.batch === "1";
  const picked = membershipIdsOf(read.form);
  const errors: Record<string, string> = { ...read.errors };
  if (!picked.ok) errors.form = t(picked.message);
  if (!read.ok || !picked.ok) {
    if (viaFetcher) return { kind: "fetcher", status: 400, reply: { errors } };
    return { kind: "failed", failure: { errors, reason: read.values.reason ?? "", ids: picked.ok ? picked.ids : [], batch } };
  }
  const outcomes = await decideRequests(ctx, viewer, { membershipIds: picked.ids, decision: read.data.intent, reason: read.data.reason });
  const said = decisionSummary(read.data.intent, outcomes, {
    member: (name) => displayName(name, t),
    moderator: (name) => (name && name.trim() ? name.trim() : t("moderation.aModerator")),
  });
  if (viaFetcher) return { kind: "fetcher", status: 200, reply: { said: { text: t(said.message, said.values), kind: said.kind } } };
  return { kind: "done", said };
}
