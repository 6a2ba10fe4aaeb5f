/**
 * A chat's extras: votes, visibility, title, delete and export are the owner's alone (someone
 * else's chat answers 404, admins included; visitors sign in). The share page answers 200 to
 * everyone for a public chat and 404 to everyone for a private one, its owner and admins included
 * (decision 015.9).
 */
import { makeChat, makeMessageV2 } from "../../support/factories";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

const chatOfOwner =
  (visibility: "private" | "public"): MatrixRow["setup"] =>
  async (ctx, fx) => {
    const chat = await makeChat(ctx, fx.owner.id, { title: "Asking for a raise", visibility });
    await makeMessageV2(ctx, chat.id, { role: "user", parts: [{ type: "text", text: "How do I ask for a raise?" }] });
    const reply = await makeMessageV2(ctx, chat.id, { role: "assistant", parts: [{ type: "text", text: "Bring evidence." }] });
    return { chatId: chat.id, replyId: reply.id };
  };

const chatPath = (suffix: string) => (fx: MatrixFixtures) => `/coach/${String(fx.chatId)}/${suffix}`;

export const rows: MatrixRow[] = [
  {
    name: "vote on a reply in the owner's chat",
    method: "POST",
    path: chatPath("vote"),
    setup: chatOfOwner("private"),
    form: (fx) => ({ messageId: String(fx.replyId), value: "up" }),
    expect: ownerOnly(302),
  },
  {
    name: "vote on a reply in the owner's public chat (public is for reading only)",
    method: "POST",
    path: chatPath("vote"),
    setup: chatOfOwner("public"),
    form: (fx) => ({ messageId: String(fx.replyId), value: "down" }),
    expect: ownerOnly(302),
  },
  {
    name: "make the owner's chat public",
    method: "POST",
    path: chatPath("visibility"),
    setup: chatOfOwner("private"),
    form: () => ({ visibility: "public" }),
    expect: ownerOnly(302),
  },
  { name: "the share page of the owner's public chat", method: "GET", path: (fx) => `/share/${String(fx.chatId)}`, setup: chatOfOwner("public"), expect: everyone(200) },
  { name: "the share page of the owner's private chat", method: "GET", path: (fx) => `/share/${String(fx.chatId)}`, setup: chatOfOwner("private"), expect: everyone(404) },
  { name: "the share page of a chat that does not exist", method: "GET", path: () => "/share/00000000-0000-4000-8000-000000000000", expect: everyone(404) },
  { name: "the rename page of the owner's chat", method: "GET", path: chatPath("title"), setup: chatOfOwner("private"), expect: ownerOnly(200) },
  {
    name: "rename the owner's chat",
    method: "POST",
    path: chatPath("title"),
    setup: chatOfOwner("private"),
    form: () => ({ title: "A better title" }),
    expect: ownerOnly(302),
  },
  { name: "export the owner's chat as Markdown", method: "GET", path: chatPath("export.md"), setup: chatOfOwner("private"), expect: ownerOnly(200) },
  { name: "export the owner's public chat as Markdown", method: "GET", path: chatPath("export.md"), setup: chatOfOwner("public"), expect: ownerOnly(200) },
  { name: "the confirmation page before deleting the owner's chat", method: "GET", path: chatPath("delete"), setup: chatOfOwner("private"), expect: ownerOnly(200) },
  { name: "delete the owner's chat", method: "POST", path: chatPath("delete"), setup: chatOfOwner("public"), expect: ownerOnly(302) },
];
