import type { MetaFunction } from "@remix-run/node";
import { ThankYou } from "~/components/ThankYou";
import { pageMeta } from "~/lib/meta";

export default function PremiumThanks() {
  return <ThankYou message="We have your details and will write to you when Ladder Premium opens." />;
}

export const meta: MetaFunction = () => pageMeta("Thank you | Ladder Premium");
