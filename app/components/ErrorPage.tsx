import { Link } from "@remix-run/react";

export interface ErrorCopy {
  title: string;
  message: string;
}

/** What a person reads for each status: what happened, in plain words. */
export function errorCopy(status: number): ErrorCopy {
  switch (status) {
    case 400:
      return { title: "That request could not be understood", message: "Please go back and check what you entered." };
    case 401:
      return { title: "Please sign in", message: "You need to be signed in to see this page." };
    case 403:
      return { title: "You do not have access to this page", message: "It belongs to someone else, or needs a role you do not have." };
    case 404:
      return { title: "Page not found", message: "The page may have moved, or the link may be wrong." };
    case 405:
      return { title: "That action is not allowed here", message: "Please use the page's own buttons and forms." };
    case 429:
      return { title: "Too many tries", message: "Please wait a little and try again." };
    case 503:
      return { title: "Ladder is unavailable for a moment", message: "Please try again in a minute." };
    default:
      return status >= 500
        ? { title: "Something went wrong on our side", message: "It is not your fault. Please try again; if it keeps happening, tell us." }
        : { title: "Something went wrong", message: "Please go back and try again." };
  }
}

export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const copy = errorCopy(status);
  return (
    <section aria-labelledby="error-title" className="card space-y-3">
      <p className="text-sm font-semibold text-stone-500">Error {status}</p>
      <h1 id="error-title">{copy.title}</h1>
      <p>{copy.message}</p>
      {detail ? <p className="text-stone-700">{detail}</p> : null}
      <p className="flex flex-wrap gap-3">
        <Link to="/" className="btn">
          Back to the home page
        </Link>
      </p>
    </section>
  );
}
