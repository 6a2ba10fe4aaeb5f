/** /network/remove/<userId>: the confirmation step before removing a connection. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { getPublicProfile } from "~/modules/profile/profile.server";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { pageMeta } from "~/lib/meta";
import { uuidOf } from "~/lib/ids";

const NOT_CONNECTED = "You are not connected to this member, so there is nothing to remove.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = uuidOf(params.userId);
  if (!id) throw new Response(NOT_CONNECTED, { status: 404 });
  const ctx = getCtx();
  const [state, profile] = await Promise.all([stateWith(ctx, user.id, id), getPublicProfile(ctx, id)]);
  if (state !== "connected" || !profile) throw new Response(NOT_CONNECTED, { status: 404 });
  return { userId: id, name: displayName(profile.name) };
}

export default function RemoveConnection() {
  const { userId, name } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="remove-title" className="card space-y-3">
      <h1 id="remove-title">Remove {name} from your connections?</h1>
      <p>You will no longer be connected. Either of you can send a new request later. {name} is not told.</p>
      <Form method="post" action="/network" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="back" value="/network" />
        <Button variant="danger">
          Remove connection
        </Button>
        <Link to="/network">Cancel</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Remove a connection | Ladder");
