import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export default function ApiAccessThanks() {
  return (
    <section aria-labelledby="thanks-title" className="card mx-auto max-w-md space-y-3">
      <h1 id="thanks-title">Thank you</h1>
      <p>We have your request for API access and will write to you soon.</p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Thank you | Ladder API access" }];
