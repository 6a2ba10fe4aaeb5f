import { CsrfInput } from "~/components/forms";
import { Button } from "./ui/Button";

/** "Sign in with Google": a plain POST form (CSRF-checked), then the provider's own page. */
export function GoogleButton({ label, redirectTo }: { label: string; redirectTo: string }) {
  return (
    <form method="post" action="/auth/google" className="card">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button variant="secondary">
        {label}
      </Button>
    </form>
  );
}
