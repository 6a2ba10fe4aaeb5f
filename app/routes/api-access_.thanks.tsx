import type { MetaFunction } from "@remix-run/node";
import { ThankYou } from "~/components/ThankYou";

export default function ApiAccessThanks() {
  return <ThankYou message="We have your request for API access and will write to you soon." />;
}

export const meta: MetaFunction = () => [{ title: "Thank you | Ladder API access" }];
