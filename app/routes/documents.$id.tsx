/**
 * /documents/<id>: my document's latest version (or ?version=<ISO createdAt>), rendered, with the
 * edit form (a save is a new version), the version history, "Restore this version", and the
 * coach's suggestions beside the text (Accept: a new version; Dismiss: resolved).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/DocumentForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Prose } from "~/components/ui/Prose";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { aiMode } from "~/modules/coach/ai.server";
import { messagesLeft, quotaLine } from "~/modules/coach/quota.server";
import { markdownHtml } from "~/modules/coach/markdown.server";
import { suggestImprovements } from "~/modules/documents/coach.server";
import { parseCsv, padRows } from "~/modules/documents/csv";
import { acceptSuggestion, dismissSuggestion, getVersion, listVersions, openSuggestions, restoreVersion, saveVersion } from "~/modules/documents/documents.server";
import { uuidOf } from "~/lib/ids";
import { checkDocument, DOCUMENT_MESSAGES, documentPageSchema } from "~/modules/documents/forms.server";
import { anchorOf, KIND_LABELS, parseVersionParam, STALE_REASON, versionLabel } from "~/modules/documents/rules";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no such document among yours.";

function documentId(raw: string | undefined): string {
  const id = uuidOf(raw);
  if (!id) throw new Response(NOT_FOUND, { status: 404 });
  return id;
}

type Rendered = { kind: "html"; html: string } | { kind: "code"; text: string } | { kind: "table"; rows: string[][] } | { kind: "broken"; message: string; text: string } | { kind: "image"; text: string };

function render(kind: string, content: string): Rendered {
  if (kind === "code") return { kind: "code", text: content };
  if (kind === "sheet") {
    const parsed = parseCsv(content);
    return parsed.ok ? { kind: "table", rows: padRows(parsed.rows) } : { kind: "broken", message: `This sheet cannot be shown as a table: ${parsed.message}`, text: content };
  }
  if (kind === "image") return { kind: "image", text: content };
  return { kind: "html", html: markdownHtml(content) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = documentId(params.id);
  const url = new URL(request.url);
  const at = parseVersionParam(url.searchParams.get("version"));
  const before = parseVersionParam(url.searchParams.get("before"));
  if (at === null || before === null) throw new Response("This version link is broken or was changed. Open the document from /documents.", { status: 400 });
  const ctx = getCtx();
  const now = new Date();
  const [latest, shown, history, suggestions, left] = await Promise.all([
    getVersion(ctx, user.id, id),
    at ? getVersion(ctx, user.id, id, at) : Promise.resolve(null),
    listVersions(ctx, user.id, id, before),
    openSuggestions(ctx, user.id, id),
    messagesLeft(ctx, user.id, now),
  ]);
  if (!latest) throw new Response(NOT_FOUND, { status: 404 });
  const { zone } = await effectiveZone(ctx, user.id, request);
  if (at && !shown) throw new Response("This document has no version saved at that time. Its history lists every version.", { status: 404 });
  const version = shown ?? latest;
  const isLatest = version.createdAt.getTime() === latest.createdAt.getTime();
  return {
    id,
    title: version.title,
    kind: version.kind,
    kindLabel: KIND_LABELS[version.kind] ?? version.kind,
    content: version.content,
    rendered: render(version.kind, version.content),
    savedAt: version.createdAt.toISOString(),
    savedLabel: versionLabel(version.createdAt, zone),
    isLatest,
    versions: history.versions.map((v) => ({ at: v.toISOString(), label: versionLabel(v, zone), current: v.getTime() === version.createdAt.getTime(), latest: v.getTime() === latest.createdAt.getTime() })),
    olderHref: history.next ? `/documents/${id}?before=${encodeURIComponent(history.next.toISOString())}${at ? `&version=${encodeURIComponent(at.toISOString())}` : ""}#history` : null,
    pagedHistory: Boolean(before),
    suggestions: isLatest
      ? suggestions.map((s) => ({ id: s.id, originalText: s.originalText, suggestedText: s.suggestedText, description: s.description, applies: anchorOf(latest.content, s.originalText) >= 0 }))
      : [],
    openCount: suggestions.length,
    quota: quotaLine(left),
    left,
    offline: aiMode() === "offline",
  };
}

const back = (id: string, hash = "") => `/documents/${id}${hash}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = documentId(params.id);
  const read = await readForm(request, documentPageSchema, { maxBytes: 700_000 });
  if (!read.ok) {
    if (read.errors.suggestionId) throw new Response(read.errors.suggestionId, { status: 404 });
    throw new Response(read.errors.version ?? DOCUMENT_MESSAGES.unknownIntent, { status: 400 });
  }
  const form = read.data;
  const ctx = getCtx();
  const flash = async (message: string, kind: "success" | "info" | "error" = "success", hash = "") =>
    redirect(back(id, hash), { headers: { "Set-Cookie": await flashHeader(message, kind) } });

  if (form.intent === "save") {
    const current = await getVersion(ctx, user.id, id);
    if (!current) throw new Response(NOT_FOUND, { status: 404 });
    const values = pick(read.values, ["title", "content"]);
    const checked = checkDocument(form, current.kind === "image" ? "text" : current.kind);
    if (!checked.ok) return data({ errors: checked.errors, values }, { status: 400 });
    if (checked.input.title === current.title && checked.input.content === current.content) return flash("Nothing changed, so no new version was saved.", "info");
    const saved = await saveVersion(ctx, user.id, id, checked.input);
    if (!saved) throw new Response(NOT_FOUND, { status: 404 });
    return flash("Saved as a new version.");
  }
  if (form.intent === "restore") {
    const at = form.version;
    const restored = await restoreVersion(ctx, user.id, id, at);
    if (!restored) throw new Response("This document has no version saved at that time.", { status: 404 });
    const { zone } = await effectiveZone(ctx, user.id, request);
    return flash(`The version of ${versionLabel(at, zone)} is restored as the newest version.`);
  }
  if (form.intent === "suggest") {
    const outcome = await suggestImprovements(ctx, user.id, id);
    switch (outcome.kind) {
      case "not_found":
        throw new Response(NOT_FOUND, { status: 404 });
      case "quota":
        return flash(outcome.message, "error", "#suggestions");
      case "failed":
        return flash(outcome.message, "error", "#suggestions");
      case "none":
        return flash(`${outcome.offline ? "The offline coach" : "The coach"} found nothing to suggest. ${quotaLine(outcome.left)}.`, "info", "#suggestions");
      case "stored":
        return flash(
          `${outcome.offline ? "The offline coach (rules, no AI)" : "The coach"} made ${outcome.count} suggestion${outcome.count === 1 ? "" : "s"}. ${quotaLine(outcome.left)}.`,
          "success",
          "#suggestions",
        );
    }
  }
  {
    const { suggestionId } = form;
    if (form.intent === "dismiss") {
      if (!(await dismissSuggestion(ctx, user.id, id, suggestionId))) throw new Response("There is no such open suggestion on this document.", { status: 404 });
      return flash("Suggestion dismissed.", "success", "#suggestions");
    }
    const outcome = await acceptSuggestion(ctx, user.id, id, suggestionId);
    if (outcome === "not_found") throw new Response("There is no such open suggestion on this document.", { status: 404 });
    if (outcome === "stale") return flash(`This suggestion no longer applies, so nothing changed. ${STALE_REASON}`, "error", "#suggestions");
    return flash("Suggestion accepted: saved as a new version.", "success", "#suggestions");
  }
}

/** A box that scrolls sideways can be focused and scrolled with the keyboard (WCAG 2.1.1), and says what it holds. */
const scrollable = (label: string) => ({ tabIndex: 0, role: "region", "aria-label": label }) as const;

function RenderedContent({ rendered }: { rendered: Rendered }) {
  switch (rendered.kind) {
    case "html":
      return <Prose html={rendered.html} />;
    case "code":
      return (
        <pre {...scrollable("The code")} className="overflow-x-auto rounded bg-stone-100 p-2 text-sm">
          <code>{rendered.text}</code>
        </pre>
      );
    case "table": {
      const [head, ...body] = rendered.rows;
      return (
        <div {...scrollable("The sheet")} className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr>
                {head.map((cell, i) => (
                  <th key={i} scope="col" className="border border-stone-300 px-2 py-1 text-start">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className="border border-stone-300 px-2 py-1">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "image":
      return (
        <div className="text-stone-700">
          <p>This is an image document. Ladder does not show images here (pages stay light); the start of its stored data is below.</p>
          <pre {...scrollable("The start of the stored data")} className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-sm">
            <code>{rendered.text.slice(0, 500)}</code>
          </pre>
        </div>
      );
    case "broken":
      return (
        <div>
          <p className="text-red-800">{rendered.message}</p>
          <pre {...scrollable("The stored text")} className="overflow-x-auto rounded bg-stone-100 p-2 text-sm">
            <code>{rendered.text}</code>
          </pre>
        </div>
      );
  }
}

export default function DocumentPage() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <article aria-labelledby="document-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/documents">Your documents</Link>
      </p>
      <header>
        <h1 id="document-title" className="break-words">
          {d.title}
        </h1>
        <p className="text-sm text-stone-600">
          {d.kindLabel} · {d.isLatest ? "latest version" : "an earlier version"}, saved {d.savedLabel}
        </p>
      </header>
      {d.isLatest ? null : (
        <div className="rounded border-s-4 border-amber-600 bg-amber-50 p-3">
          <p>You are looking at an earlier version. Restoring it saves its text as the newest version; nothing is lost.</p>
          <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="version" value={d.savedAt} />
            <button type="submit" className="btn">
              Restore this version
            </button>
            <Link to={`/documents/${d.id}`}>Back to the latest version</Link>
          </Form>
        </div>
      )}
      <div className="gap-4 md:grid md:grid-cols-3">
        <section aria-label="Document text" className="card md:col-span-2">
          <RenderedContent rendered={d.rendered} />
        </section>
        {d.isLatest ? (
          <aside id="suggestions" aria-labelledby="suggestions-title" className="mt-4 space-y-3 md:mt-0">
            <h2 id="suggestions-title">Suggestions</h2>
            {d.suggestions.length === 0 ? <p className="text-sm text-stone-600">No open suggestions.</p> : null}
            <ul className="space-y-3">
              {d.suggestions.map((s) => (
                <li key={s.id} className="card space-y-1 text-sm">
                  {s.description ? <p>{s.description}</p> : null}
                  <p>
                    <span className="font-medium">Replace:</span> <del className="whitespace-pre-wrap break-words">{s.originalText}</del>
                  </p>
                  <p>
                    <span className="font-medium">With:</span> <ins className="whitespace-pre-wrap break-words">{s.suggestedText}</ins>
                  </p>
                  {s.applies ? null : (
                    <p className="font-medium text-amber-800">
                      No longer applies: {STALE_REASON}
                    </p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    {s.applies ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="accept" />
                        <input type="hidden" name="suggestionId" value={s.id} />
                        <button type="submit" className="btn" aria-label={`Accept: replace “${s.originalText.slice(0, 40)}”`}>
                          Accept
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="dismiss" />
                      <input type="hidden" name="suggestionId" value={s.id} />
                      <button type="submit" className="btn-quiet" aria-label={`Dismiss: “${s.originalText.slice(0, 40)}”`}>
                        Dismiss
                      </button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
            {d.kind === "image" ? null : (
              <Form method="post" className="space-y-1">
                <CsrfInput />
                <input type="hidden" name="intent" value="suggest" />
                <button type="submit" className="btn" disabled={d.left === 0 && !d.offline}>
                  Suggest improvements
                </button>
                <p className="text-sm text-stone-600">
                  {d.offline ? "Free: the offline coach's rules use none of your coach messages." : `Uses one of your coach messages: ${d.quota}.`}
                </p>
              </Form>
            )}
          </aside>
        ) : (
          <aside className="mt-4 text-sm text-stone-600 md:mt-0">
            {d.openCount > 0 ? `${d.openCount} open suggestion${d.openCount === 1 ? "" : "s"} on the latest version.` : "Suggestions are made on the latest version."}
          </aside>
        )}
      </div>
      {d.isLatest && d.kind !== "image" ? (
        <section aria-labelledby="edit-title" className="card space-y-2">
          <h2 id="edit-title">Edit</h2>
          <p className="text-sm text-stone-600">Saving keeps this version in the history and adds a new one.</p>
          <DocumentForm
            action={`/documents/${d.id}`}
            values={failed?.values ?? { title: d.title, content: d.content }}
            errors={failed?.errors}
            fixedKind={d.kind}
            submitLabel="Save a new version"
            cancelHref={`/documents/${d.id}`}
          />
        </section>
      ) : null}
      <section id="history" aria-labelledby="history-title" className="space-y-2">
        <h2 id="history-title">Version history</h2>
        <ol className="space-y-1 text-sm">
          {d.versions.map((v) => (
            <li key={v.at}>
              {v.current ? (
                <span aria-current="page" className="font-medium">
                  {v.label} (shown)
                </span>
              ) : (
                <Link to={v.latest ? `/documents/${d.id}` : `/documents/${d.id}?version=${encodeURIComponent(v.at)}`}>{v.label}</Link>
              )}
              {v.latest ? " · latest" : ""}
            </li>
          ))}
        </ol>
        {d.versions.length === 0 && d.pagedHistory ? <p className="text-sm text-stone-600">No older versions.</p> : null}
        {d.olderHref ? <Link to={d.olderHref}>Older versions</Link> : null}
      </section>
      <p className="text-sm">
        <Link to={`/documents/${d.id}/delete`}>Delete this document</Link>
      </p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `${d.title} | Documents | Ladder` : "Document | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/documents", label: "Your documents" }]} />;
}
