/**
 * Documents are their owner's alone: someone else's document, its versions and suggestions answer
 * 404 to every other member, admins included; visitors sign in. Drafting from a chat is for the
 * chat's owner only (decision 015.10).
 */
import { makeChat, makeDocument, makeMessageV2, makeSuggestion } from "../../support/factories";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

const documentOfOwner: MatrixRow["setup"] = async (ctx, fx) => {
  const first = await makeDocument(ctx, fx.owner.id, { title: "CV summary", kind: "text", content: "Hardworking graduate looking for work.", createdAt: new Date(Date.now() - 60_000) });
  await makeDocument(ctx, fx.owner.id, { id: first.id, title: "CV summary", kind: "text", content: "Hardworking graduate looking for a data role.", createdAt: new Date(Date.now() - 30_000) });
  const suggestion = await makeSuggestion(ctx, first, fx.owner.id, { originalText: "Hardworking", suggestedText: "Results-focused" });
  return { documentId: first.id, firstVersion: first.createdAt.toISOString(), suggestionId: suggestion.id };
};

const doc = (suffix = "") => (fx: MatrixFixtures) => `/documents/${String(fx.documentId)}${suffix}`;

const chatOfOwner: MatrixRow["setup"] = async (ctx, fx) => {
  const chat = await makeChat(ctx, fx.owner.id, { title: "Applying for analyst jobs" });
  await makeMessageV2(ctx, chat.id, { role: "user", parts: [{ type: "text", text: "Help me apply for analyst jobs." }] });
  return { chatId: chat.id };
};

export const rows: MatrixRow[] = [
  { name: "your documents", method: "GET", path: () => "/documents", expect: signedIn(200) },
  { name: "your documents with a made-up cursor", method: "GET", path: () => "/documents?after=made-up", expect: signedIn(400) },
  { name: "the new-document form", method: "GET", path: () => "/documents/new", expect: signedIn(200) },
  { name: "create a document", method: "POST", path: () => "/documents/new", form: () => ({ title: "Plan", kind: "text", content: "Week 1: apply." }), expect: signedIn(302) },
  { name: "create a document without a title", method: "POST", path: () => "/documents/new", form: () => ({ title: "", kind: "text", content: "x" }), expect: signedIn(400) },
  { name: "the owner's document", method: "GET", path: doc(), setup: documentOfOwner, expect: ownerOnly(200) },
  {
    name: "an earlier version of the owner's document",
    method: "GET",
    path: (fx) => `${doc()(fx)}?version=${encodeURIComponent(String(fx.firstVersion))}`,
    setup: documentOfOwner,
    expect: ownerOnly(200),
  },
  { name: "save a new version of the owner's document", method: "POST", path: doc(), setup: documentOfOwner, form: () => ({ intent: "save", title: "Mine", content: "Changed." }), expect: ownerOnly(302) },
  {
    name: "restore an earlier version of the owner's document",
    method: "POST",
    path: doc(),
    setup: documentOfOwner,
    form: (fx) => ({ intent: "restore", version: String(fx.firstVersion) }),
    expect: ownerOnly(302),
  },
  { name: "ask for suggestions on the owner's document", method: "POST", path: doc(), setup: documentOfOwner, form: () => ({ intent: "suggest" }), expect: ownerOnly(302) },
  {
    name: "accept a suggestion on the owner's document",
    method: "POST",
    path: doc(),
    setup: documentOfOwner,
    form: (fx) => ({ intent: "accept", suggestionId: String(fx.suggestionId) }),
    expect: ownerOnly(302),
  },
  {
    name: "dismiss a suggestion on the owner's document",
    method: "POST",
    path: doc(),
    setup: documentOfOwner,
    form: (fx) => ({ intent: "dismiss", suggestionId: String(fx.suggestionId) }),
    expect: ownerOnly(302),
  },
  { name: "confirm deleting the owner's document", method: "GET", path: doc("/delete"), setup: documentOfOwner, expect: ownerOnly(200) },
  // The owner (second actor) deletes it; everyone after gets 404 either way.
  { name: "delete the owner's document", method: "POST", path: doc("/delete"), setup: documentOfOwner, expect: ownerOnly(302) },
  { name: "the draft form of the owner's chat", method: "GET", path: (fx) => `/coach/${String(fx.chatId)}/draft`, setup: chatOfOwner, expect: ownerOnly(200) },
  {
    name: "draft a document from the owner's chat",
    method: "POST",
    path: (fx) => `/coach/${String(fx.chatId)}/draft`,
    setup: chatOfOwner,
    form: () => ({ draft: "plan" }),
    expect: ownerOnly(302),
  },
];
