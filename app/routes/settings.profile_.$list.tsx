/**
 * /settings/profile/<list>: education, experience, skills or certifications as a plain form.
 * Entries are indexed inputs ("education.0.school"); "Add another", "Remove", "Move up" and "Move
 * down" are submit buttons with an intent ("education:add", "education:remove:2", ...) that change
 * the typed list and show it again, unsaved. "Save" checks every entry and writes the whole list
 * at once, or nothing.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { getCtx } from "~/db.server";
import type { FieldErrors } from "~/lib/forms";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { getOwnLists, updateProfile } from "~/modules/profile/profile.server";
import {
  changeList,
  draftsFromForm,
  draftsFromSaved,
  isListName,
  LISTS,
  parseListIntent,
  type Draft,
  type ListField,
  type ListName,
} from "~/modules/profile/rules";
import { profileSchemas } from "~/modules/profile/schemas.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

function listOf(params: { list?: string }, t: Translate): ListName {
  const list = params.list ?? "";
  if (!isListName(list)) throw new Response(t("profile.list.noSuchList"), { status: 404 });
  return list;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const list = listOf(params, t);
  const lists = await getOwnLists(getCtx(), user.id);
  if (!lists) throw new Response(t("profile.error.noAccount"), { status: 404 });
  return { list, drafts: draftsFromSaved(list, lists[list]), ...(await pageMessages(request, ["profile"])) };
}

type Result = { drafts: Draft[]; errors: FieldErrors; notice: string | null; focus: number | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const list = listOf(params, t);
  // The entries repeat their names (one per line of the list): the list module reads them in order.
  const { form } = await readForm(request, noFields);
  const typed = draftsFromForm(list, form.entries());
  // The page shows at most a full list back: a form with hundreds of entries gets a 400, not a
  // page hundreds of times its size.
  const drafts = typed.slice(0, LISTS[list].max);
  const answer = (result: Partial<Result>, status: number) =>
    data<Result>({ drafts, errors: {}, notice: null, focus: null, ...result }, { status });
  if (typed.length > LISTS[list].max) return answer({ errors: { [list]: t("profile.list.tooManyTyped", { max: LISTS[list].max, count: typed.length }) } }, 400);

  const intent = parseListIntent(list, String(form.get("intent") ?? ""));
  if (!intent) return answer({ errors: { form: t("profile.list.unknownButton") } }, 400);
  if (intent.op !== "save") {
    const change = changeList(list, drafts, intent, t);
    if ("error" in change) return answer({ errors: { form: change.error } }, 400);
    return answer(change, 200);
  }

  const checked = profileSchemas(t).validateList(list, drafts);
  if (!checked.ok) return answer({ errors: checked.errors }, 400);
  const column = list === "skills" ? "professional_skills" : list;
  await updateProfile(getCtx(), user.id, { [column]: checked.value }, {
    ip: clientIp(context),
    userAgent: userAgentOf(request),
    sessionId: user.sessionId,
  });
  return redirect(`/settings/profile/${list}`, {
    headers: { "Set-Cookie": await flashHeader(`profile.list.${list}.saved`, "success") },
  });
}

/** What a month field shows until something is typed: the form it takes (not words). */
const MONTH_EXAMPLE = "2024-06";

function EntryField({ list, index, field, value, error, autoFocus }: { list: ListName; index: number; field: ListField; value: string; error?: string; autoFocus: boolean }) {
  const t = useT();
  const name = `${list}.${index}.${field.name}`;
  const label = t(`profile.list.${list}.field.${field.name}`);
  const hint = field.hint ? t(`profile.list.${list}.field.${field.name}Hint`) : undefined;
  // What members type (schools, titles, what they did) reads in its own direction; years, months and links left to right.
  const dir = field.kind === "text" || field.kind === "textarea" ? "auto" : "ltr";
  const common = { label, name, hint, error, defaultValue: value, autoFocus, dir };
  if (field.kind === "textarea") return <TextareaField {...common} rows={3} />;
  return (
    <Field
      {...common}
      type={field.kind === "url" ? "url" : "text"}
      inputMode={field.kind === "year" ? "numeric" : undefined}
      placeholder={field.kind === "month" ? MONTH_EXAMPLE : undefined}
      className={field.kind === "year" || field.kind === "month" ? "max-w-[10rem]" : undefined}
    />
  );
}

export default function ListEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const list = loaded.list;
  const spec = LISTS[list];
  const drafts = result?.drafts ?? loaded.drafts;
  const errors = result?.errors ?? {};
  const busy = navigation.state === "submitting";
  const say = (key: string, values?: Record<string, unknown>) => t(`profile.list.${list}.${key}`, values);
  const entryName = (i: number) => say("entryName", { n: i + 1 });
  const labels: Record<string, string> = {};
  labels[list] = say("title");
  drafts.forEach((_, i) =>
    spec.fields.forEach((f) => (labels[`${list}.${i}.${f.name}`] = t("profile.list.errorLabel", { entry: entryName(i), field: say(`field.${f.name}`).toLowerCase() }))),
  );

  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link to="/settings/profile">
          <Arrow to="back" /> {t("profile.list.back")}
        </Link>
      </p>
      <h1>{say("heading")}</h1>
      <p>{say("intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      {result?.notice ? (
        <p role="status" className="rounded border-s-4 border-sky-700 bg-sky-50 p-3">
          {result.notice} {say("notSaved")}
        </p>
      ) : null}
      <Form
        method="post"
        className="space-y-4"
        noValidate
        key={`${list}:${JSON.stringify(drafts)}`}
        aria-describedby={errors[list] ? `${list}-error` : undefined}
      >
        <CsrfInput />
        {/* Pressing Enter in a field saves (the first submit button of a form is its default). */}
        <button type="submit" name="intent" value={list} className="hidden" tabIndex={-1}>
          {say("save")}
        </button>
        {errors[list] ? (
          <div id={list} tabIndex={-1}>
            <p id={`${list}-error`} className="font-medium text-red-800">
              {errors[list]}
            </p>
          </div>
        ) : null}
        {drafts.length === 0 ? <p className="card">{say("empty")}</p> : null}
        {drafts.map((draft, i) => (
          <fieldset key={i} className="card space-y-3">
            <legend className="px-1 font-semibold">{entryName(i)}</legend>
            {spec.fields.map((field, f) => (
              <EntryField
                key={field.name}
                list={list}
                index={i}
                field={field}
                value={draft[field.name] ?? ""}
                error={errors[`${list}.${i}.${field.name}`]}
                autoFocus={f === 0 && result?.focus === i}
              />
            ))}
            <div className="flex flex-wrap gap-2 text-sm">
              {i > 0 ? (
                <button type="submit" name="intent" value={`${list}:up:${i}`} className="btn-quiet">
                  {t("profile.list.moveUp")}
                  <span className="sr-only"> {entryName(i)}</span>
                </button>
              ) : null}
              {i < drafts.length - 1 ? (
                <button type="submit" name="intent" value={`${list}:down:${i}`} className="btn-quiet">
                  {t("profile.list.moveDown")}
                  <span className="sr-only"> {entryName(i)}</span>
                </button>
              ) : null}
              <button type="submit" name="intent" value={`${list}:remove:${i}`} className="btn-quiet">
                {t("profile.list.remove")}
                <span className="sr-only"> {entryName(i)}</span>
              </button>
            </div>
          </fieldset>
        ))}
        <div className="flex flex-wrap gap-2">
          {drafts.length < spec.max ? (
            <button type="submit" name="intent" value={`${list}:add`} className="btn-quiet">
              {drafts.length === 0 ? say("add") : say("addAnother")}
            </button>
          ) : null}
          <button type="submit" name="intent" value={list} className="btn" disabled={busy}>
            {busy && navigation.formData?.get("intent") === list ? t("profile.list.saving") : say("save")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(args.data ? t(`profile.list.${args.data.list}.pageTitle`) : t("profile.edit.pageTitle")));
