/**
 * /admin/analytics/tracking: every activity category with its types, and a form per type to stop
 * or start recording it (decision 050). Security types are always recorded. Plain POST forms; the
 * redirect brings the admin back to the type they switched (#type-<name>).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { activityWords } from "~/modules/analytics/catalog-words";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { trackingSwitchSchema } from "~/modules/analytics/forms.server";
import { listTracking, setTracked } from "~/modules/analytics/tracking.server";
import { flashHeader } from "~/services/flash.server";

const PAGE = "/admin/analytics/tracking";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const t = translator(await languageOf(request));
  const categories = await listTracking(getCtx());
  return {
    categories: categories.map((c) => ({
      name: c.name,
      description: activityWords(t, "category", c.name, c.description),
      types: c.types.map((type) => ({ ...type, description: activityWords(t, "type", type.name, type.description) })),
    })),
    ...(await pageMessages(request, ["admin", "adminTracking"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const t = translator(await languageOf(request));
  const parsed = await readForm(request, trackingSwitchSchema);
  const refuse = (message: string, type: string | null) => data({ error: t(message), type }, { status: 400 });
  if (!parsed.ok) return refuse(Object.values(parsed.errors)[0] ?? "adminTracking.error.noType", parsed.values.type ?? null);
  const { type, tracked } = parsed.data;
  const result = await setTracked(getCtx(), type, tracked === "on");
  switch (result.kind) {
    case "not_found":
      return refuse("adminTracking.error.noType", null);
    case "always_recorded":
      return refuse("adminTracking.error.alwaysRecorded", type);
    case "changed":
    case "unchanged": {
      const message = result.tracked ? "adminTracking.switched.on" : "adminTracking.switched.off";
      return redirect(`${PAGE}#type-${type}`, { headers: { "Set-Cookie": await flashHeader(message, "success", { type }) } });
    }
  }
}

export default function AdminTracking() {
  const { categories } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="tracking-title" className="space-y-4">
      <h1 id="tracking-title">{t("adminTracking.title")}</h1>
      <p>{t("adminTracking.intro")}</p>
      {refused ? (
        <p role="alert" className="card border-red-300 text-red-800">
          {refused.error}
        </p>
      ) : null}
      {categories.map((category) => (
        <section key={category.name} aria-labelledby={`category-${category.name}`} className="space-y-2">
          <h2 id={`category-${category.name}`} className="text-lg">
            {category.description || category.name}
          </h2>
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {category.types.map((type) => (
              <li key={type.name} id={`type-${type.name}`} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="min-w-0 space-y-1">
                  <p>{type.description}</p>
                  <p className="text-sm text-stone-600">
                    <code dir="ltr">{type.name}</code>
                    {" · "}
                    {type.alwaysRecorded ? t("adminTracking.always") : type.tracked ? t("adminTracking.on") : t("adminTracking.off")}
                  </p>
                </div>
                {type.alwaysRecorded ? null : (
                  <Form method="post" preventScrollReset>
                    <CsrfInput />
                    <input type="hidden" name="type" value={type.name} />
                    <input type="hidden" name="tracked" value={type.tracked ? "off" : "on"} />
                    <Button variant="secondary" aria-label={t(type.tracked ? "adminTracking.switchOffNamed" : "adminTracking.switchOnNamed", { type: type.name })}>
                      {t(type.tracked ? "adminTracking.switchOff" : "adminTracking.switchOn")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("adminTracking.metaTitle")));
