/**
 * Direct messages: only the two members of a conversation read it. The owner is connected to a
 * partner made in setup and has exchanged messages with them; every other actor is a stranger
 * to that pair and gets 403, and nobody reads the owner's conversation by opening the owner's id.
 */
import { conversationPage } from "../../../app/modules/messages/conversations.server";
import { messagesCursor } from "../../../app/modules/messages/cursor.server";
import { sendMessage } from "../../../app/modules/messages/messages.server";
import { connect } from "../../../app/modules/network/connections.server";
import type { Ctx } from "../../../db/client";
import { createMember } from "../../support/app";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

/** A partner connected to the owner, with 35 messages between them (so there is an older page). */
async function conversationWithPartner(ctx: Ctx, fx: MatrixFixtures) {
  const partner = await createMember(ctx, { name: "Matrix Partner" });
  await connect(ctx, { me: fx.owner.id, otherId: partner.id });
  await connect(ctx, { me: partner.id, otherId: fx.owner.id });
  for (let i = 0; i < 35; i++) {
    await sendMessage(ctx, i % 2 ? { senderId: fx.owner.id, receiverId: partner.id, text: `owner ${i}` } : { senderId: partner.id, receiverId: fx.owner.id, text: `partner ${i}` });
  }
  const page = await conversationPage(ctx, fx.owner.id, partner.id);
  const newest = page.messages[page.messages.length - 1];
  return {
    partnerId: partner.id,
    older: messagesCursor.to(page.older!, "older"),
    since: messagesCursor.to({ at: newest.at.getTime(), id: newest.id }, "newer"),
  };
}

export const rows: MatrixRow[] = [
  { name: "your conversations", method: "GET", path: () => "/messages", expect: signedIn(200) },
  {
    name: "the owner's conversation with their connection",
    method: "GET",
    path: (fx) => `/messages/${fx.partnerId}`,
    setup: conversationWithPartner,
    expect: { ...signedIn(403), owner: 200 },
  },
  {
    name: "an older page of the owner's conversation",
    method: "GET",
    path: (fx) => `/messages/${fx.partnerId}?before=${encodeURIComponent(String(fx.older))}`,
    setup: conversationWithPartner,
    expect: { ...signedIn(403), owner: 200 },
  },
  {
    name: "new messages of the owner's conversation (polling)",
    method: "GET",
    path: (fx) => `/messages/${fx.partnerId}/updates?after=${encodeURIComponent(String(fx.since))}`,
    setup: conversationWithPartner,
    expect: { ...signedIn(403), owner: 200 },
  },
  {
    name: "send a message to the owner's connection",
    method: "POST",
    path: (fx) => `/messages/${fx.partnerId}`,
    setup: conversationWithPartner,
    form: () => ({ message: "Hello from the matrix" }),
    expect: { ...signedIn(403), owner: 302 },
  },
  {
    name: "the owner's id as a conversation (nobody is connected to the owner; the owner cannot message themselves)",
    method: "GET",
    path: (fx) => `/messages/${fx.owner.id}`,
    setup: conversationWithPartner,
    expect: { ...signedIn(403), owner: 404 },
  },
];
