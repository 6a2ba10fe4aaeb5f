import type { MetaFunction } from "@remix-run/node";
import { ThankYou } from "~/components/ThankYou";

export default function PremiumThanks() {
  return <ThankYou message="We have your details and will write to you when Ladder Premium opens." />;
}

export const meta: MetaFunction = () => [{ title: "Thank you | Ladder Premium" }];
