import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/accounts/current-user.server";

/** /settings has no page of its own: the profile is where members start. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw redirect("/settings/profile");
}
