/** The membership, queue and member-list forms (zod stays in .server modules; messages are ids). */
import { z } from "zod";
import { isUuid } from "~/lib/ids";
import { multiLine } from "~/lib/text-fields.server";
import { BULK_MAX, REASON_MAX } from "./moderation-rules";

const reasonTooLong = { message: "moderation.form.reasonTooLong", params: { max: REASON_MAX } };

const optionalReason = multiLine(
  z
    .string()
    .default("")
    .transform((v) => v.trim())
    .pipe(z.string().refine((v) => v.length <= REASON_MAX, reasonTooLong)),
);

const requiredReason = multiLine(
  z
    .string({ required_error: "moderation.form.reasonRequired" })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, "moderation.form.reasonRequired").refine((v) => v.length <= REASON_MAX, reasonTooLong)),
);

const userId = z.string({ required_error: "moderation.form.chooseMember" }).refine(isUuid, "moderation.form.chooseMember");

export const membershipFormSchema = z.object({
  intent: z.enum(["ask", "withdraw", "leave"], { errorMap: () => ({ message: "moderation.form.chooseAction" }) }),
  /** "yes" from the leave confirmation page; a bare "leave" button is sent to that page first. */
  confirmed: z.string().optional(),
  back: z.string().optional(),
});

/** One queue submit: a row's buttons, or the ticked rows' (`batch`). The ids are read apart (several values of one name). */
export const queueFormSchema = z.object({
  intent: z.enum(["approve", "decline"], { errorMap: () => ({ message: "moderation.form.chooseAction" }) }),
  reason: optionalReason,
  batch: z.string().optional(),
  via: z.string().optional(),
});

export type QueueForm = z.output<typeof queueFormSchema>;

/** The ticked requests: every `membershipId` value, each a UUID, at most BULK_MAX. */
export function membershipIdsOf(form: FormData): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids = form.getAll("membershipId").filter((v): v is string => typeof v === "string" && v !== "");
  if (ids.length === 0) return { ok: false, message: "moderation.form.tickOne" };
  if (ids.length > BULK_MAX) return { ok: false, message: "moderation.form.tooMany" };
  if (!ids.every(isUuid)) return { ok: false, message: "moderation.form.tickOne" };
  return { ok: true, ids };
}

export const membersFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("remove"), userId, reason: requiredReason }),
    z.object({ intent: z.literal("ban"), userId, reason: requiredReason }),
    z.object({ intent: z.literal("appoint"), userId }),
    z.object({ intent: z.literal("step-down") }),
  ],
  { errorMap: () => ({ message: "moderation.form.chooseAction" }) },
);
