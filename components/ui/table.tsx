import type { ReactNode } from "react";

/** A column of a Table; `numeric` columns are right-aligned. */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}

/**
 * A data table with a caption for screen readers and a header row. On a narrow screen it scrolls
 * sideways inside its own box (never the page): the box is a labelled region that takes keyboard
 * focus, so it can be scrolled with the arrow keys. The body rows come as children.
 */
export function Table({ caption, columns, children }: { caption: string; columns: readonly TableColumn[]; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative mt-3 max-w-full overflow-x-auto focus:outline-2 focus:outline-offset-2 focus:outline-brand-700">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-600">
            {columns.map((column, i) => (
              <th
                key={column.label}
                scope="col"
                className={["py-2", i < columns.length - 1 ? "pr-4" : "", column.numeric ? "text-right" : ""].filter(Boolean).join(" ")}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
