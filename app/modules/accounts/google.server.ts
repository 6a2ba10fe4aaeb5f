/** Google sign-in: offered only when GOOGLE_CLIENT_ID is set. */
import { env } from "~/env.server";

export function googleEnabled(): boolean {
  return Boolean(env().GOOGLE_CLIENT_ID);
}
