import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/SearchForm";
import { CsrfInput } from "~/components/forms";
import { RoleSelect } from "~/components/RoleSelect";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listMembers, SEARCH_MAX } from "~/modules/admin/members.server";
import { roleLabel } from "~/modules/admin/roles";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const after = adminCursor.from(url.searchParams.get("cursor"), "members");
  if (after === null) throw new Response(translator(lang)("admin.members.brokenLink"), { status: 400 });
  const page = await listMembers(getCtx(), { q, after });
  const params = (cursor: string) => new URLSearchParams({ ...(q ? { q } : {}), cursor }).toString();
  return {
    q,
    meId: me.id,
    here: url.pathname + url.search,
    paged: Boolean(after),
    members: page.rows.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role ?? "user", joined: formatDate(m.createdAt, lang) })),
    nextHref: page.next ? `/admin/users?${params(adminCursor.to(page.next, "members"))}` : null,
    ...(await pageMessages(request, ["admin"])),
  };
}

export default function AdminMembers() {
  const { q, meId, here, paged, members, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  // What was typed (a search, a name), kept whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  const whole = (value: string) => (rtl ? bidi(value) : value);
  const typed = whole(q);
  return (
    <section aria-labelledby="members-title" className="space-y-4">
      <h1 id="members-title">{t("admin.nav.members")}</h1>
      <SearchForm label={t("admin.members.search")} defaultValue={q} maxLength={SEARCH_MAX} />
      {q ? (
        <p>
          {t("admin.members.matching", { q: typed })} <Link to="/admin/users">{t("admin.members.showEveryone")}</Link>
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="card">{q ? t("admin.members.noneMatching", { q: typed }) : t("admin.members.none")}</p>
      ) : (
        <ul aria-label={t("admin.nav.members")} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {members.map((m) => (
            <li key={m.id} className="space-y-1 p-3">
              <p>
                <Link to={`/admin/users/${m.id}`} className="font-medium" dir="auto">
                  {m.name || t("admin.members.noName")}
                </Link>{" "}
                · <bdi>{m.email}</bdi>
              </p>
              <p className="text-sm text-stone-600">{t("admin.members.roleJoined", { role: roleLabel(m.role, t), date: m.joined })}</p>
              {m.id === meId ? (
                <p className="text-sm">{t("admin.members.you")}</p>
              ) : (
                <Form method="post" action={`/admin/users/${m.id}/role`} className="flex flex-wrap items-center gap-2">
                  <CsrfInput />
                  <input type="hidden" name="back" value={here} />
                  <RoleSelect
                    id={`role-${m.id}`}
                    label={t("admin.role.title", { name: whole(m.name || m.email) })}
                    defaultValue={m.role}
                    labelClassName="sr-only"
                  />
                  <Button variant="secondary" size="sm">
                    {t("admin.role.submit")}
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to={q ? `/admin/users?${new URLSearchParams({ q })}` : "/admin/users"}>{t("admin.pager.first")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("admin.pager.next")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("admin.members.metaTitle")));
