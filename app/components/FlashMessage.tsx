import type { Flash } from "~/services/flash.server";

const styles: Record<Flash["kind"], string> = {
  success: "border-teal-700 bg-teal-50",
  info: "border-sky-700 bg-sky-50",
  error: "border-red-700 bg-red-50",
};

export function FlashMessage({ flash }: { flash: Flash }) {
  return (
    <p role={flash.kind === "error" ? "alert" : "status"} className={`mb-4 rounded border-s-4 p-3 ${styles[flash.kind]}`}>
      {flash.message}
    </p>
  );
}
