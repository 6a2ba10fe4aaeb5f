import { Link } from "@remix-run/react";

/** The page after a public sign-up form: what happens next, and a way back. */
export function ThankYou({ message }: { message: string }) {
  return (
    <section aria-labelledby="thanks-title" className="card mx-auto max-w-md space-y-3">
      <h1 id="thanks-title">Thank you</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </section>
  );
}
