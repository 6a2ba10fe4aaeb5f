/**
 * The coach's chats: every page is for signed-in members, about their own chats; someone else's
 * chat answers 404 to everyone, admins included (decision 015.8). The matrix runs without an
 * OPENAI_API_KEY, so the offline coach answers and no network is used.
 */
import { createChat, setFailed } from "../../../app/modules/coach/chats.server";
import type { MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

const ownerChat: MatrixRow["setup"] = async (ctx, fx) => {
  const chat = await createChat(ctx, fx.owner.id, "How do I ask for a raise?", new Date());
  return { chatId: chat.chatId, messageId: chat.messageId };
};

export const rows: MatrixRow[] = [
  { name: "your coach chats", method: "GET", path: () => "/coach", expect: signedIn(200) },
  { name: "start a coach chat", method: "POST", path: () => "/coach", form: () => ({ message: "Where do I start?" }), expect: signedIn(302) },
  { name: "read the owner's private chat", method: "GET", path: (fx) => `/coach/${fx.chatId}`, setup: ownerChat, expect: ownerOnly(200) },
  { name: "a chat that does not exist", method: "GET", path: () => "/coach/00000000-0000-4000-8000-000000000000", expect: signedIn(404) },
  {
    name: "send a message in the owner's chat",
    method: "POST",
    path: (fx) => `/coach/${fx.chatId}`,
    setup: ownerChat,
    form: () => ({ message: "And then?" }),
    expect: ownerOnly(302),
  },
  {
    name: "stream a reply in the owner's chat",
    method: "POST",
    path: (fx) => `/coach/${fx.chatId}/stream`,
    setup: ownerChat,
    form: () => ({ message: "And then?" }),
    expect: ownerOnly(200),
  },
  {
    name: "retry the owner's failed message",
    method: "POST",
    path: (fx) => `/coach/${fx.chatId}/retry`,
    setup: async (ctx, fx) => {
      const chat = await createChat(ctx, fx.owner.id, "Failed question", new Date());
      await setFailed(ctx, fx.owner.id, chat.messageId, "provider");
      return { chatId: chat.chatId, messageId: chat.messageId };
    },
    form: (fx) => ({ messageId: String(fx.messageId) }),
    expect: ownerOnly(302),
  },
];
