/**
 * An arrow that points the way the page reads: "back" points to the start of the line (left in
 * English, right in Arabic), "forward" to its end. Arrows are not mirrored by Unicode, so the
 * right-to-left page flips them.
 */
export function Arrow({ to }: { to: "back" | "forward" }) {
  return (
    <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
      {to === "back" ? "←" : "→"}
    </span>
  );
}
