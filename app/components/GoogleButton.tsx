import { CsrfInput } from "~/components/forms";

/** "Sign in with Google": a plain POST form (CSRF-checked), then the provider's own page. */
export function GoogleButton({ label, redirectTo }: { label: string; redirectTo: string }) {
  return (
    <form method="post" action="/auth/google" className="card">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button type="submit" className="btn-quiet">
        {label}
      </button>
    </form>
  );
}
