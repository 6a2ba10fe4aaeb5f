/** A labelled select of the five roles, with its error beside it (admin pages). */
import { useT } from "~/lib/i18n";
import { roleLabel, userRoles } from "~/modules/admin/roles";

export function RoleSelect({
  id,
  label,
  defaultValue,
  error,
  labelClassName = "block font-medium",
}: {
  id: string;
  label: string;
  defaultValue: string;
  error?: string;
  labelClassName?: string;
}) {
  // The role names come from the admin namespace, which every page with this select sends.
  const t = useT();
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`rounded border bg-white px-2 py-1 ${error ? "border-red-700" : "border-stone-400"}`}
      >
        {userRoles.map((role) => (
          <option key={role} value={role}>
            {roleLabel(role, t)}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </>
  );
}
