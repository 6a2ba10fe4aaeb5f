/** One member's role: the page behind each "Change role" form, where a refused change is explained. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { RoleSelect } from "~/components/RoleSelect";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { type FieldErrors } from "~/lib/forms";
import { bidi, dirOf, useLanguage, useT, type Language } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { roleChangeSchema } from "~/modules/admin/forms.server";
import { changeRole, findMember } from "~/modules/admin/members.server";
import { roleLabel } from "~/modules/admin/roles";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { metaFor, pageMeta } from "~/lib/meta";

/** Only back to the members list (with its search and page), through the one redirect check. */
const backTo = (value: FormDataEntryValue | string | null) => {
  const path = safeRedirectPath(value, "/admin/users");
  return /^\/admin\/users(\?[^#]*)?$/.test(path) ? path : "/admin/users";
};

const notFound = (lang: Language) => new Response(translator(lang)("admin.role.notFound"), { status: 404 });

/** A member's name (or email) inside a sentence: kept whole when the sentence reads right to left. */
const who = (lang: Language, member: { name: string | null; email: string }) => {
  const name = member.name || member.email;
  return dirOf(lang) === "rtl" ? bidi(name) : name;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const member = await findMember(getCtx(), params.id ?? "");
  if (!member) throw notFound(lang);
  return {
    member: { id: member.id, name: member.name, email: member.email, role: member.role ?? "user", joined: formatDate(member.createdAt, lang) },
    isMe: member.id === me.id,
    back: backTo(new URL(request.url).searchParams.get("back")),
    ...(await pageMessages(request, ["admin"])),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const t = translator(lang);
  const parsed = await readForm(request, roleChangeSchema);
  const back = backTo(parsed.form.get("back"));
  const values = { role: parsed.values.role ?? "", back };
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  if (!parsed.ok) return invalid(parsed.errors);

  const result = await changeRole(getCtx(), {
    actorId: me.id,
    targetId: params.id ?? "",
    to: parsed.data.role,
    ip: clientIp(context),
    userAgent: userAgentOf(request),
    sessionId: me.sessionId,
  });
  switch (result.kind) {
    case "not_found":
      throw notFound(lang);
    case "not_admin":
      throw new Response(t("common.roleOnly", { roles: t("common.role.admin") }), { status: 403 });
    case "own_admin_role":
      return invalid({ role: t("admin.role.ownAdminRole") });
    case "unchanged":
      return redirect(back, {
        headers: {
          "Set-Cookie": await flashHeader("admin.role.unchanged", "info", { name: who(lang, result.member), role: result.member.role ?? "user" }),
        },
      });
    case "changed":
      return redirect(back, {
        headers: { "Set-Cookie": await flashHeader("admin.role.changed", "success", { name: who(lang, result.member), to: result.to, from: result.from }) },
      });
  }
}

export default function ChangeRole() {
  const { member, isMe, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const errors = actionData?.errors;
  return (
    <section aria-labelledby="role-title" className="mx-auto max-w-md space-y-4">
      <h1 id="role-title">{t("admin.role.title", { name: who(lang, member) })}</h1>
      <ErrorSummary errors={errors} labels={{ role: t("admin.role.label") }} />
      <div className="card space-y-1">
        <p>
          <bdi>{member.email}</bdi>
        </p>
        <p className="text-sm text-stone-600">{t("admin.role.current", { role: roleLabel(member.role, t), date: member.joined })}</p>
      </div>
      {isMe ? <p>{t("admin.role.yourOwn")}</p> : null}
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <input type="hidden" name="back" value={actionData?.values.back ?? back} />
        <div className="space-y-1">
          <RoleSelect id="role" label={t("admin.role.label")} defaultValue={actionData?.values.role || member.role} error={errors?.role} />
        </div>
        <Button>
          {t("admin.role.submit")}
        </Button>
      </Form>
      <p>
        <Link to={actionData?.values.back ?? back}>{t("admin.role.back")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("admin.role.metaTitle", { name: args.data ? args.data.member.name || args.data.member.email : "" })));
