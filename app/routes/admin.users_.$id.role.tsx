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
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { roleChangeSchema } from "~/modules/admin/forms.server";
import { changeRole, findMember } from "~/modules/admin/members.server";
import { roleLabel } from "~/modules/admin/roles";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

/** Only back to the members list (with its search and page), through the one redirect check. */
const backTo = (value: FormDataEntryValue | string | null) => {
  const path = safeRedirectPath(value, "/admin/users");
  return /^\/admin\/users(\?[^#]*)?$/.test(path) ? path : "/admin/users";
};

const notFound = () => new Response("There is no member with this id. They may have deleted their account.", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const member = await findMember(getCtx(), params.id ?? "");
  if (!member) throw notFound();
  return {
    member: { id: member.id, name: member.name, email: member.email, role: member.role ?? "user", joined: formatDate(member.createdAt) },
    isMe: member.id === me.id,
    back: backTo(new URL(request.url).searchParams.get("back")),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
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
      throw notFound();
    case "not_admin":
      throw new Response("This page is for admin accounts only.", { status: 403 });
    case "own_admin_role":
      return invalid({
        role: "You cannot remove your own admin role: if every admin could, Ladder might be left with no admin. Ask another admin to do it.",
      });
    case "unchanged":
      return redirect(back, { headers: { "Set-Cookie": await flashHeader(`${result.member.name || result.member.email} is already ${article(result.member.role)}.`, "info") } });
    case "changed":
      return redirect(back, {
        headers: { "Set-Cookie": await flashHeader(`${result.member.name || result.member.email} is now ${article(result.to)} (was ${article(result.from)}).`) },
      });
  }
}

const article = (role: string | null) => {
  const label = roleLabel(role);
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label.toLowerCase() === "career team" ? "career team member" : label.toLowerCase()}`;
};

export default function ChangeRole() {
  const { member, isMe, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  return (
    <section aria-labelledby="role-title" className="mx-auto max-w-md space-y-4">
      <h1 id="role-title">Role of {member.name || member.email}</h1>
      <ErrorSummary errors={errors} labels={{ role: "Role" }} />
      <div className="card space-y-1">
        <p>{member.email}</p>
        <p className="text-sm text-stone-600">
          {roleLabel(member.role)} now · joined {member.joined}
        </p>
      </div>
      {isMe ? <p>This is your own account. You cannot remove your own admin role; another admin can.</p> : null}
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <input type="hidden" name="back" value={actionData?.values.back ?? back} />
        <div className="space-y-1">
          <RoleSelect id="role" label="Role" defaultValue={actionData?.values.role || member.role} error={errors?.role} />
        </div>
        <Button>
          Change role
        </Button>
      </Form>
      <p>
        <Link to={actionData?.values.back ?? back}>Back to the members</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageMeta(data ? `Role of ${data.member.name || data.member.email} | Admin | Ladder` : "Admin | Ladder");
