import type { ReactNode } from "react";

/** A column of a Table; `numeric` columns are right-aligned. */
export interface TableColumn {
  label: string;
  numeric?: boolean;
}

/**
 * A data table with a caption for screen readers and a header row; scrolls sideways on a
 * narrow screen. The body rows come as children.
 */
export function Table({ caption, columns, children }: { caption: string; columns: readonly TableColumn[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto">
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
