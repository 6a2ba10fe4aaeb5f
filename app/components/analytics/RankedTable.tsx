/**
 * A ranked table (top pages, referrers, devices...) with an inline bar per row, drawn as SVG
 * because the page's Content-Security-Policy allows no style attributes; its CSV link under it.
 */
import type { ReactNode } from "react";

export type RankedTableProps = {
  id: string;
  title: string;
  keyLabel: string;
  countLabel: string;
  rows: { key: string; count: string; share: number }[];
  empty: string;
  csvHref: string;
  csvLabel: string;
  rtl: boolean;
  /** Paths and addresses read left to right inside a right-to-left page. */
  ltrKeys?: boolean;
  children?: ReactNode;
};

export function RankedTable({ id, title, keyLabel, countLabel, rows, empty, csvHref, csvLabel, rtl, ltrKeys, children }: RankedTableProps) {
  return (
    <section aria-labelledby={id} className="card space-y-2">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {children}
      {rows.length === 0 ? (
        <p className="meta">{empty}</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <thead>
            <tr>
              <th scope="col" className="text-start">
                {keyLabel}
              </th>
              <th scope="col" className="w-20 text-end">
                {countLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td className="py-0.5">
                  <bdi className="block break-all" dir={ltrKeys ? "ltr" : "auto"}>
                    {row.key}
                  </bdi>
                  <svg viewBox="0 0 100 2" preserveAspectRatio="none" className="block h-1.5 w-full" aria-hidden="true">
                    <rect x={rtl ? 100 - row.share : 0} width={row.share} height="2" fill="#14b8a6" />
                  </svg>
                </td>
                <td className="text-end align-top tabular-nums">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm">
        <a href={csvHref}>{csvLabel}</a>
      </p>
    </section>
  );
}
