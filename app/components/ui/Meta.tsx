/** The small grey line of facts under a title (place, date, feed): one style on every page, parts joined by " · ". */
import { Fragment, type ReactNode } from "react";

export function MetaLine({ parts, className }: { parts: ReactNode[]; className?: string }) {
  const shown = parts.filter((part) => part !== null && part !== undefined && part !== false && part !== "");
  if (shown.length === 0) return null;
  return (
    <p className={`meta ${className ?? ""}`}>
      {shown.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : null}
          {part}
        </Fragment>
      ))}
    </p>
  );
}
