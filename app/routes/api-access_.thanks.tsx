import type { MetaFunction } from "@remix-run/node";
import { ThankYou } from "~/components/ThankYou";
import { pageMeta } from "~/lib/meta";

export default function ApiAccessThanks() {
  return <ThankYou message="We have your request for API access and will write to you soon." />;
}

export const meta: MetaFunction = () => pageMeta("Thank you | Ladder API access");
