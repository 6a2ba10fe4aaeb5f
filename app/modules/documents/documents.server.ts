/**
 * Documents with versions. A Document row is one version: the key is (id, createdAt) and the
 * latest version of a document is the row with its greatest createdAt. Every save inserts a row.
 * Every query carries userId = me: someone else's document is simply not found (404).
 */
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { applySuggestion, nextVersionAt, type CreatableKind, type DocumentKind, type SuggestionDraft } from "./rules";

export const DOCUMENTS_PAGE = 20;
export const VERSIONS_PAGE = 20;

export interface DocumentVersion {
  id: string;
  createdAt: Date;
  title: string;
  content: string;
  kind: DocumentKind;
}

export interface Position {
  at: number;
  id: string;
}

const versionColumns = (ctx: Ctx) => {
  const D = ctx.t.Document;
  return { id: D.id, createdAt: D.createdAt, title: D.title, content: D.content, kind: D.kind };
};

const toVersion = (row: { id: string; createdAt: Date; title: string; content: string | null; kind: string | null }): DocumentVersion => ({
  ...row,
  content: row.content ?? "",
  kind: (row.kind ?? "text") as DocumentKind,
});

/** No newer version of the same document exists: this row is the latest. */
const isLatest = (ctx: Ctx) => {
  const D = ctx.t.Document;
  return sql`not exists (select 1 from "Document" as "newer" where "newer"."id" = ${D.id} and "newer"."createdAt" > ${D.createdAt})`;
};

/** My documents, the latest version of each, most recently saved first (keyset on (createdAt, id)). */
export async function listDocuments(ctx: Ctx, me: string, after?: Position) {
  const D = ctx.t.Document;
  const rows = await ctx.db
    .select(versionColumns(ctx))
    .from(D)
    .where(
      and(
        eq(D.userId, me),
        isLatest(ctx),
        after ? or(lt(D.createdAt, new Date(after.at)), and(eq(D.createdAt, new Date(after.at)), lt(D.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(D.createdAt), desc(D.id))
    .limit(DOCUMENTS_PAGE + 1);
  const page = rows.slice(0, DOCUMENTS_PAGE).map(toVersion);
  const last = page.at(-1);
  return { documents: page, next: rows.length > DOCUMENTS_PAGE && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** One version of my document: the latest, or the one saved at `at`. null: not mine, or no such version. */
export async function getVersion(ctx: Ctx, me: string, id: string, at?: Date): Promise<DocumentVersion | null> {
  const D = ctx.t.Document;
  const [row] = await ctx.db
    .select(versionColumns(ctx))
    .from(D)
    .where(and(eq(D.id, id), eq(D.userId, me), at ? eq(D.createdAt, at) : undefined))
    .orderBy(desc(D.createdAt))
    .limit(1);
  return row ? toVersion(row) : null;
}

/** The versions of my document, newest first (keyset on createdAt; the id is fixed). */
export async function listVersions(ctx: Ctx, me: string, id: string, before?: Date) {
  const D = ctx.t.Document;
  const rows = await ctx.db
    .select({ createdAt: D.createdAt })
    .from(D)
    .where(and(eq(D.id, id), eq(D.userId, me), before ? lt(D.createdAt, before) : undefined))
    .orderBy(desc(D.createdAt))
    .limit(VERSIONS_PAGE + 1);
  const page = rows.slice(0, VERSIONS_PAGE).map((r) => r.createdAt);
  return { versions: page, next: rows.length > VERSIONS_PAGE ? (page.at(-1) ?? null) : null };
}

/** Saves on one document queue behind each other (pg), so each reads the true latest version. */
async function lockDocument(tx: Ctx, id: string) {
  if (tx.dialect === "pg") await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`document:${id}`}))`);
}

async function latestAt(tx: Ctx, me: string, id: string): Promise<Date | null> {
  const D = tx.t.Document;
  const [row] = await tx.db
    .select({ createdAt: D.createdAt })
    .from(D)
    .where(and(eq(D.id, id), eq(D.userId, me)))
    .orderBy(desc(D.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

export async function createDocument(ctx: Ctx, me: string, input: { title: string; kind: CreatableKind; content: string }, now = new Date()) {
  const D = ctx.t.Document;
  return withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(D)
      .values({ id: crypto.randomUUID(), createdAt: now, title: input.title, kind: input.kind, content: input.content, userId: me })
      .returning({ id: D.id, createdAt: D.createdAt });
    await track(tx, { userId: me, type: "document_saved", metadata: { documentId: row.id, kind: input.kind, firstVersion: true }, at: now });
    return row;
  });
}

async function insertVersion(tx: Ctx, me: string, id: string, values: { title: string; kind: DocumentKind; content: string }, now: Date) {
  const previous = await latestAt(tx, me, id);
  if (!previous) return null;
  const createdAt = nextVersionAt(previous, now);
  await tx.db.insert(tx.t.Document).values({ id, createdAt, title: values.title, kind: values.kind, content: values.content, userId: me });
  await track(tx, { userId: me, type: "document_saved", metadata: { documentId: id, kind: values.kind }, at: now });
  return createdAt;
}

/** A save: a new version of my document. null: not mine (or gone). The kind never changes. */
export function saveVersion(ctx: Ctx, me: string, id: string, input: { title: string; content: string }, now = new Date()) {
  return withTx(ctx, async (tx) => {
    await lockDocument(tx, id);
    const current = await getVersion(tx, me, id);
    if (!current) return null;
    return insertVersion(tx, me, id, { title: input.title, kind: current.kind, content: input.content }, now);
  });
}

/** "Restore this version": a new version with that version's title and content. */
export function restoreVersion(ctx: Ctx, me: string, id: string, at: Date, now = new Date()) {
  return withTx(ctx, async (tx) => {
    await lockDocument(tx, id);
    const old = await getVersion(tx, me, id, at);
    if (!old) return null;
    return insertVersion(tx, me, id, old, now);
  });
}

/** Every version and every suggestion of my document, in one transaction. false: not mine. */
export function deleteDocument(ctx: Ctx, me: string, id: string) {
  return withTx(ctx, async (tx) => {
    await lockDocument(tx, id);
    if (!(await latestAt(tx, me, id))) return false;
    await tx.db.delete(tx.t.Suggestion).where(eq(tx.t.Suggestion.documentId, id));
    await tx.db.delete(tx.t.Document).where(and(eq(tx.t.Document.id, id), eq(tx.t.Document.userId, me)));
    return true;
  });
}

// ---- suggestions

export interface OpenSuggestion {
  id: string;
  originalText: string;
  suggestedText: string;
  description: string | null;
  createdAt: Date;
}

/** My open suggestions on a document, whichever version they were made on (they anchor on text). */
export async function openSuggestions(ctx: Ctx, me: string, id: string): Promise<OpenSuggestion[]> {
  const S = ctx.t.Suggestion;
  return ctx.db
    .select({ id: S.id, originalText: S.originalText, suggestedText: S.suggestedText, description: S.description, createdAt: S.createdAt })
    .from(S)
    .where(and(eq(S.documentId, id), eq(S.userId, me), eq(S.isResolved, false)))
    .orderBy(S.createdAt, S.id)
    .limit(50);
}

/** Stores suggestions on the version they were made for (if it is still mine). */
export async function storeSuggestions(ctx: Ctx, me: string, version: { id: string; createdAt: Date }, drafts: SuggestionDraft[], now = new Date()) {
  if (drafts.length === 0) return 0;
  return withTx(ctx, async (tx) => {
    if (!(await getVersion(tx, me, version.id, version.createdAt))) return 0;
    await tx.db.insert(tx.t.Suggestion).values(
      drafts.map((d, k) => ({
        documentId: version.id,
        documentCreatedAt: version.createdAt,
        originalText: d.originalText,
        suggestedText: d.suggestedText,
        description: d.description,
        isResolved: false,
        userId: me,
        createdAt: new Date(now.getTime() + k),
      })),
    );
    return drafts.length;
  });
}

export type AcceptOutcome = "accepted" | "stale" | "not_found";

/**
 * Accept: a new version with the first clean occurrence of originalText replaced (anchorOf: on
 * word boundaries, no link cut), and the suggestion resolved. When the latest text no longer
 * holds it (edited since), it is refused and nothing changes: the suggestion stays open, and the
 * page offers Dismiss only, with the reason (decision 029).
 */
export function acceptSuggestion(ctx: Ctx, me: string, id: string, suggestionId: string, now = new Date()): Promise<AcceptOutcome> {
  const S = ctx.t.Suggestion;
  return withTx(ctx, async (tx) => {
    await lockDocument(tx, id);
    const [suggestion] = await tx.db
      .select({ originalText: S.originalText, suggestedText: S.suggestedText })
      .from(S)
      .where(and(eq(S.id, suggestionId), eq(S.documentId, id), eq(S.userId, me), eq(S.isResolved, false)))
      .limit(1);
    if (!suggestion) return "not_found";
    const current = await getVersion(tx, me, id);
    if (!current) return "not_found";
    const changed = applySuggestion(current.content, suggestion.originalText, suggestion.suggestedText);
    if (changed === null) return "stale";
    await tx.db.update(S).set({ isResolved: true }).where(eq(S.id, suggestionId));
    await insertVersion(tx, me, id, { ...current, content: changed }, now);
    return "accepted";
  });
}

/** Dismiss: resolved without changing the text. false: not mine, or already resolved. */
export async function dismissSuggestion(ctx: Ctx, me: string, id: string, suggestionId: string): Promise<boolean> {
  const S = ctx.t.Suggestion;
  const rows = await ctx.db
    .update(S)
    .set({ isResolved: true })
    .where(and(eq(S.id, suggestionId), eq(S.documentId, id), eq(S.userId, me), eq(S.isResolved, false)))
    .returning({ id: S.id });
  return rows.length > 0;
}
