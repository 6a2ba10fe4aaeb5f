/**
 * Calendar, time zone and find-a-time: each member's own calendar; finding a time only with a
 * connection; a meeting is seen by its two members and answered by its invitee only.
 */
import { addBlock, listWeek } from "../../../app/modules/calendar/calendar.server";
import { createMeeting } from "../../../app/modules/calendar/meetings.server";
import { sendMessage } from "../../../app/modules/messages/messages.server";
import { connect } from "../../../app/modules/network/connections.server";
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

const WEEK = "2030-06-03";
const week = new Date(`${WEEK}T00:00:00.000Z`);
const SLOT = "2030-06-03T09:00:00.000Z";

/** The owner and `other` are connected and both available Monday 09:00–12:00 UTC of WEEK. */
async function ownerAndOtherCanMeet(ctx: Ctx, fx: MatrixFixtures) {
  await connect(ctx, { me: fx.owner.id, otherId: fx.other.id });
  await connect(ctx, { me: fx.other.id, otherId: fx.owner.id });
  for (const id of [fx.owner.id, fx.other.id]) {
    await addBlock(ctx, { userId: id, week, dayOfWeek: 0, range: { start: 540, end: 720 }, isBlocked: false, zone: "UTC" });
  }
  return {};
}

async function blockOf(ctx: Ctx, userId: string) {
  await addBlock(ctx, { userId, week, dayOfWeek: 2, range: { start: 600, end: 660 }, isBlocked: true, zone: "UTC" });
  const [block] = await listWeek(ctx, userId, week);
  return block.id;
}

/** The owner proposed a meeting to `other` (connected). */
async function ownerProposedToOther(ctx: Ctx, fx: MatrixFixtures) {
  await ownerAndOtherCanMeet(ctx, fx);
  const meeting = await createMeeting(ctx, { proposerId: fx.owner.id, inviteeId: fx.other.id, startsAt: new Date(SLOT), endsAt: new Date("2030-06-03T09:30:00.000Z") });
  return { meeting };
}

export const rows: MatrixRow[] = [
  { name: "your calendar", method: "GET", path: () => `/calendar?week=${WEEK}`, expect: signedIn(200) },
  {
    name: "add a block to your own calendar",
    method: "POST",
    path: () => "/calendar",
    form: () => ({ intent: "add", week: WEEK, day: "0", start: "09:00", end: "10:00", kind: "available" }),
    expect: signedIn(302),
  },
  {
    name: "remove the owner's block (only the owner can; the others are told there is no such block)",
    method: "POST",
    path: () => "/calendar",
    setup: async (ctx, fx) => ({ ownerBlock: await blockOf(ctx, fx.owner.id) }),
    form: (fx) => ({ intent: "remove", id: String(fx.ownerBlock) }),
    expect: { ...signedIn(404), owner: 302 },
  },
  {
    // The admin is the last actor: everyone before tries while the block still exists.
    name: "remove the admin's block (nobody else can, while it is still there)",
    method: "POST",
    path: () => "/calendar",
    setup: async (ctx, fx) => ({ adminBlock: await blockOf(ctx, fx.admin.id) }),
    form: (fx) => ({ intent: "remove", id: String(fx.adminBlock) }),
    expect: { ...signedIn(404), admin: 302 },
  },
  {
    name: "copy last week (only the owner has a last week to copy)",
    method: "POST",
    path: () => "/calendar",
    setup: async (ctx, fx) => {
      await addBlock(ctx, { userId: fx.owner.id, week: new Date("2030-05-27T00:00:00.000Z"), dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: false, zone: "UTC" });
      return {};
    },
    form: () => ({ intent: "copy", week: WEEK }),
    expect: { ...signedIn(400), owner: 302 },
  },
  { name: "time-zone settings", method: "GET", path: () => "/settings/time-zone", expect: signedIn(200) },
  { name: "save your time zone", method: "POST", path: () => "/settings/time-zone", form: () => ({ timeZone: "Asia/Riyadh" }), expect: signedIn(302) },
  {
    name: "save the first day of your week",
    method: "POST",
    path: () => "/settings/time-zone",
    form: () => ({ intent: "week-start", weekStart: "6" }),
    expect: signedIn(302),
  },
  {
    name: "ask the owner's connection to add availability",
    method: "POST",
    path: (fx) => `/calendar/find/${fx.other.id}`,
    setup: ownerAndOtherCanMeet,
    form: () => ({ intent: "ask", week: WEEK, duration: "30" }),
    expect: { ...signedIn(403), owner: 302, other: 404 },
  },
  { name: "your meetings waiting for an answer", method: "GET", path: () => "/calendar/meetings", expect: signedIn(200) },
  {
    name: "a meeting the owner proposed to their connection (its two members only)",
    method: "GET",
    path: (fx) => `/calendar/meetings/${String(fx.meeting)}`,
    setup: ownerProposedToOther,
    expect: { ...signedIn(404), owner: 200, other: 200 },
  },
  {
    // The owner (proposer) asks before `other` (invitee) answers; everyone after finds nothing of theirs.
    name: "accept a meeting (only its invitee can)",
    method: "POST",
    path: (fx) => `/calendar/meetings/${String(fx.meeting)}`,
    setup: ownerProposedToOther,
    form: () => ({ intent: "accept" }),
    expect: { ...signedIn(404), owner: 403, other: 302 },
  },
  {
    name: "the confirmation to cancel a meeting the owner proposed (its two members only)",
    method: "GET",
    path: (fx) => `/calendar/meetings/${String(fx.meeting)}/cancel`,
    setup: ownerProposedToOther,
    expect: { ...signedIn(404), owner: 200, other: 200 },
  },
  {
    // The owner (proposer) cancels first; `other` (invitee) is then told it is already cancelled.
    name: "cancel a meeting (either of its members; strangers find nothing of theirs)",
    method: "POST",
    path: (fx) => `/calendar/meetings/${String(fx.meeting)}/cancel`,
    setup: ownerProposedToOther,
    form: () => ({}),
    expect: { ...signedIn(404), owner: 302, other: 302 },
  },
  {
    name: "find a time with the owner's connection (others are not connected; the member themselves gets 404)",
    method: "GET",
    path: (fx) => `/calendar/find/${fx.other.id}?week=${WEEK}&duration=60`,
    setup: ownerAndOtherCanMeet,
    expect: { ...signedIn(403), owner: 200, other: 404 },
  },
  {
    name: "send the owner's connection a proposal",
    method: "POST",
    path: (fx) => `/calendar/find/${fx.other.id}`,
    setup: ownerAndOtherCanMeet,
    form: () => ({ week: WEEK, duration: "30", start: SLOT }),
    expect: { ...signedIn(403), owner: 302, other: 404 },
  },
  {
    name: "download the .ics of a meeting with the owner's connection",
    method: "GET",
    path: (fx) => `/calendar/find/${fx.other.id}/ics?start=${SLOT}&minutes=30`,
    setup: ownerAndOtherCanMeet,
    expect: { ...signedIn(403), owner: 200, other: 404 },
  },
  {
    name: "the owner's proposal-sent page",
    method: "GET",
    path: (fx) => `/calendar/find/${fx.other.id}/sent?message=${String(fx.proposal)}&start=${SLOT}&minutes=30`,
    setup: async (ctx, fx) => {
      await ownerAndOtherCanMeet(ctx, fx);
      const sent = await sendMessage(ctx, { senderId: fx.owner.id, receiverId: fx.other.id, text: "Could we meet?" });
      if (!sent.ok) throw new Error("setup: the proposal was not sent");
      return { proposal: sent.id };
    },
    expect: { ...signedIn(403), owner: 200, other: 404 },
  },
];
