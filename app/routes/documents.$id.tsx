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
import { useT, type Language, type Translate } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
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
import { coachPageMessages } from "~/modules/coach/page-messages.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";

const NOT_FOUND = "documents.notFound";

function documentId(raw: string | undefined, t: Translate): string {
  const id = uuidOf(raw);
  if (!id) throw new Response(t(NOT_FOUND), { status: 404 });
  return id;
}

const kindLabel = (kind: string, t: Translate) => (kind in KIND_LABELS ? t(KIND_LABELS[kind as keyof typeof KIND_LABELS]) : kind);

type Rendered = { kind: "html"; html: string } | { kind: "code"; text: string } | { kind: "table"; rows: string[][] } | { kind: "broken"; message: string; text: string } | { kind: "image"; text: string };

function render(kind: string, content: string, t: Translate): Rendered {
  if (kind === "code") return { kind: "code", text: content };
  if (kind === "sheet") {
    const parsed = parseCsv(content, t);
    return parsed.ok ? { kind: "table", rows: padRows(parsed.rows) } : { kind: "broken", message: t("documents.page.brokenSheet", { problem: parsed.message }), text: content };
  }
  if (kind === "image") return { kind: "image", text: content };
  return { kind: "html", html: markdownHtml(content) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const id = documentId(params.id, t);
  const url = new URL(request.url);
  const at = parseVersionParam(url.searchParams.get("version"));
  const before = parseVersionParam(url.searchParams.get("before"));
  if (at === null || before === null) throw new Response(t("documents.brokenVersion"), { status: 400 });
  const ctx = getCtx();
  const now = new Date();
  const [latest, shown, history, suggestions, left] = await Promise.all([
    getVersion(ctx, user.id, id),
    at ? getVersion(ctx, user.id, id, at) : Promise.resolve(null),
    listVersions(ctx, user.id, id, before),
    openSuggestions(ctx, user.id, id),
    messagesLeft(ctx, user.id, now),
  ]);
  if (!latest) throw new Response(t(NOT_FOUND), { status: 404 });
  const { zone } = await effectiveZone(ctx, user.id, request);
  if (at && !shown) throw new Response(t("documents.noVersionHistory"), { status: 404 });
  const version = shown ?? latest;
  const isLatest = version.createdAt.getTime() === latest.createdAt.getTime();
  return {
    id,
    title: version.title,
    kind: version.kind,
    kindLabel: kindLabel(version.kind, t),
    content: version.content,
    rendered: render(version.kind, version.content, t),
    savedAt: version.createdAt.toISOString(),
    savedLabel: versionLabel(version.createdAt, zone, lang),
    isLatest,
    versions: history.versions.map((v) => ({ at: v.toISOString(), label: versionLabel(v, zone, lang), current: v.getTime() === version.createdAt.getTime(), latest: v.getTime() === latest.createdAt.getTime() })),
    olderHref: history.next ? `/documents/${id}?before=${encodeURIComponent(history.next.toISOString())}${at ? `&version=${encodeURIComponent(at.toISOString())}` : ""}#history` : null,
    pagedHistory: Boolean(before),
    suggestions: isLatest
      ? suggestions.map((s) => ({ id: s.id, originalText: s.originalText, suggestedText: s.suggestedText, description: s.description, applies: anchorOf(latest.content, s.originalText) >= 0 }))
      : [],
    openCount: suggestions.length,
    quota: quotaLine(left, t),
    left,
    offline: aiMode() === "offline",
    ...(await coachPageMessages(request, ["documents"])),
  };
}

const back = (id: string, hash = "") => `/documents/${id}${hash}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const lang: Language = await languageOf(request);
  const t = translator(lang);
  const id = documentId(params.id, t);
  const read = await readForm(request, documentPageSchema, { maxBytes: 700_000 });
  if (!read.ok) {
    if (read.errors.suggestionId) throw new Response(read.errors.suggestionId, { status: 404 });
    throw new Response(read.errors.version ?? t(DOCUMENT_MESSAGES.unknownIntent), { status: 400 });
  }
  const form = read.data;
  const ctx = getCtx();
  /** A flash: a message id and its values (the next page words it), or a sentence already in the reader's language. */
  const flash = async (message: string, kind: "success" | "info" | "error" = "success", hash = "", values?: Record<string, string | number>) =>
    redirect(back(id, hash), { headers: { "Set-Cookie": await flashHeader(message, kind, values) } });

  if (form.intent === "save") {
    const current = await getVersion(ctx, user.id, id);
    if (!current) throw new Response(t(NOT_FOUND), { status: 404 });
    const values = pick(read.values, ["title", "content"]);
    const checked = checkDocument(form, current.kind === "image" ? "text" : current.kind, t);
    if (!checked.ok) return data({ errors: checked.errors, values }, { status: 400 });
    if (checked.input.title === current.title && checked.input.content === current.content) return flash("documents.flash.unchanged", "info");
    const saved = await saveVersion(ctx, user.id, id, checked.input);
    if (!saved) throw new Response(t(NOT_FOUND), { status: 404 });
    return flash("documents.flash.saved");
  }
  if (form.intent === "restore") {
    const at = form.version;
    const restored = await restoreVersion(ctx, user.id, id, at);
    if (!restored) throw new Response(t("documents.noVersion"), { status: 404 });
    const { zone } = await effectiveZone(ctx, user.id, request);
    return flash("documents.flash.restored", "success", "", { date: versionLabel(at, zone, lang) });
  }
  if (form.intent === "suggest") {
    const outcome = await suggestImprovements(ctx, user.id, id, new Date(), lang);
    switch (outcome.kind) {
      case "not_found":
        throw new Response(t(NOT_FOUND), { status: 404 });
      case "quota":
        return flash(outcome.message, "error", "#suggestions");
      case "failed":
        return flash(outcome.message, "error", "#suggestions");
      case "none":
        return flash(outcome.offline ? "documents.flash.noneFoundOffline" : "documents.flash.noneFound", "info", "#suggestions", { quota: quotaLine(outcome.left, t) });
      case "stored":
        return flash(outcome.offline ? "documents.flash.madeOffline" : "documents.flash.made", "success", "#suggestions", {
          count: outcome.count,
          quota: quotaLine(outcome.left, t),
        });
    }
  }
  {
    const { suggestionId } = form;
    if (form.intent === "dismiss") {
      if (!(await dismissSuggestion(ctx, user.id, id, suggestionId))) throw new Response(t("documents.noSuggestion"), { status: 404 });
      return flash("documents.flash.dismissed", "success", "#suggestions");
    }
    const outcome = await acceptSuggestion(ctx, user.id, id, suggestionId);
    if (outcome === "not_found") throw new Response(t("documents.noSuggestion"), { status: 404 });
    if (outcome === "stale") return flash("documents.flash.stale", "error", "#suggestions", { reason: t(STALE_REASON) });
    return flash("documents.flash.accepted", "success", "#suggestions");
  }
}

/** A box that scrolls sideways can be focused and scrolled with the keyboard (WCAG 2.1.1), and says what it holds. */
const scrollable = (label: string) => ({ tabIndex: 0, role: "region", "aria-label": label }) as const;

function RenderedContent({ rendered }: { rendered: Rendered }) {
  const t = useT();
  switch (rendered.kind) {
    case "html":
      return <Prose html={rendered.html} dir="auto" />;
    case "code":
      return (
        <pre {...scrollable(t("documents.page.code"))} className="overflow-x-auto rounded bg-stone-100 p-2 text-sm">
          <code>{rendered.text}</code>
        </pre>
      );
    case "table": {
      const [head, ...body] = rendered.rows;
      return (
        <div {...scrollable(t("documents.page.sheet"))} className="overflow-x-auto">
          <table className="text-sm" dir="auto">
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
          <p>{t("documents.page.image")}</p>
          <pre {...scrollable(t("documents.page.storedStart"))} className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-sm">
            <code>{rendered.text.slice(0, 500)}</code>
          </pre>
        </div>
      );
    case "broken":
      return (
        <div>
          <p className="text-red-800">{rendered.message}</p>
          <pre {...scrollable(t("documents.page.storedText"))} className="overflow-x-auto rounded bg-stone-100 p-2 text-sm">
            <code>{rendered.text}</code>
          </pre>
        </div>
      );
  }
}

export default function DocumentPage() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <article aria-labelledby="document-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/documents">{t("documents.title")}</Link>
      </p>
      <header>
        <h1 id="document-title" className="break-words" dir="auto">
          {d.title}
        </h1>
        <p className="text-sm text-stone-600">
          {t(d.isLatest ? "documents.page.latest" : "documents.page.earlier", { kind: d.kindLabel, date: d.savedLabel })}
        </p>
      </header>
      {d.isLatest ? null : (
        <div className="rounded border-s-4 border-amber-600 bg-amber-50 p-3">
          <p>{t("documents.page.earlierNote")}</p>
          <Form method="post" className="mt-2 flex flex-wrap items-center gap-3">
            <CsrfInput />
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="version" value={d.savedAt} />
            <button type="submit" className="btn">
              {t("documents.page.restore")}
            </button>
            <Link to={`/documents/${d.id}`}>{t("documents.page.backToLatest")}</Link>
          </Form>
        </div>
      )}
      <div className="gap-4 md:grid md:grid-cols-3">
        <section aria-label={t("documents.page.text")} className="card md:col-span-2">
          <RenderedContent rendered={d.rendered} />
        </section>
        {d.isLatest ? (
          <aside id="suggestions" aria-labelledby="suggestions-title" className="mt-4 space-y-3 md:mt-0">
            <h2 id="suggestions-title">{t("documents.suggestions.title")}</h2>
            {d.suggestions.length === 0 ? <p className="text-sm text-stone-600">{t("documents.suggestions.none")}</p> : null}
            <ul className="space-y-3">
              {d.suggestions.map((s) => (
                <li key={s.id} className="card space-y-1 text-sm">
                  {s.description ? <p dir="auto">{s.description}</p> : null}
                  <p>
                    <span className="font-medium">{t("documents.suggestions.replace")}</span>{" "}
                    <del className="whitespace-pre-wrap break-words" dir="auto">
                      {s.originalText}
                    </del>
                  </p>
                  <p>
                    <span className="font-medium">{t("documents.suggestions.with")}</span>{" "}
                    <ins className="whitespace-pre-wrap break-words" dir="auto">
                      {s.suggestedText}
                    </ins>
                  </p>
                  {s.applies ? null : <p className="font-medium text-amber-800">{t("documents.suggestions.stale", { reason: t(STALE_REASON) })}</p>}
                  <div className="flex flex-wrap gap-2">
                    {s.applies ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="accept" />
                        <input type="hidden" name="suggestionId" value={s.id} />
                        <button type="submit" className="btn" aria-label={t("documents.suggestions.acceptLabel", { text: s.originalText.slice(0, 40) })}>
                          {t("documents.suggestions.accept")}
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="dismiss" />
                      <input type="hidden" name="suggestionId" value={s.id} />
                      <button type="submit" className="btn-quiet" aria-label={t("documents.suggestions.dismissLabel", { text: s.originalText.slice(0, 40) })}>
                        {t("documents.suggestions.dismiss")}
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
                  {t("documents.suggestions.ask")}
                </button>
                <p className="text-sm text-stone-600">
                  {d.offline ? t("documents.suggestions.free") : t("documents.suggestions.uses", { quota: d.quota })}
                </p>
              </Form>
            )}
          </aside>
        ) : (
          <aside className="mt-4 text-sm text-stone-600 md:mt-0">
            {d.openCount > 0 ? t("documents.suggestions.openOnLatest", { count: d.openCount }) : t("documents.suggestions.onLatest")}
          </aside>
        )}
      </div>
      {d.isLatest && d.kind !== "image" ? (
        <section aria-labelledby="edit-title" className="card space-y-2">
          <h2 id="edit-title">{t("documents.edit.title")}</h2>
          <p className="text-sm text-stone-600">{t("documents.edit.note")}</p>
          <DocumentForm
            action={`/documents/${d.id}`}
            values={failed?.values ?? { title: d.title, content: d.content }}
            errors={failed?.errors}
            fixedKind={d.kind}
            submitLabel={t("documents.edit.submit")}
            cancelHref={`/documents/${d.id}`}
          />
        </section>
      ) : null}
      <section id="history" aria-labelledby="history-title" className="space-y-2">
        <h2 id="history-title">{t("documents.history.title")}</h2>
        <ol className="space-y-1 text-sm">
          {d.versions.map((v) => (
            <li key={v.at}>
              {v.current ? (
                <span aria-current="page" className="font-medium">
                  {t("documents.history.shown", { label: v.label })}
                </span>
              ) : (
                <Link to={v.latest ? `/documents/${d.id}` : `/documents/${d.id}?version=${encodeURIComponent(v.at)}`}>{v.label}</Link>
              )}
              {v.latest ? ` · ${t("documents.history.latest")}` : ""}
            </li>
          ))}
        </ol>
        {d.versions.length === 0 && d.pagedHistory ? <p className="text-sm text-stone-600">{t("documents.history.none")}</p> : null}
        {d.olderHref ? <Link to={d.olderHref}>{t("documents.history.older")}</Link> : null}
      </section>
      <p className="text-sm">
        <Link to={`/documents/${d.id}/delete`}>{t("documents.page.delete")}</Link>
      </p>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(args.data ? t("documents.page.metaTitle", { title: args.data.title }) : t("common.title.suffix", { title: t("documents.page.untitled") })),
  );

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/documents", label: t("common.area.documents") }]} />;
}
