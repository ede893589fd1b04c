import type { ReactNode } from "react";
import { formatDateTime } from "@/components/staff/format";

/** One step in a record's history, as the staff detail pages list them. */
export type HistoryItem = { id: number; createdAt: Date; note: string | null };

/**
 * The "Geschiedenis" section of a staff detail page: each step with its moment, what happened
 * (`describe`, which differs per kind of record) and the note that came with it.
 */
export function HistoryList<T extends HistoryItem>({ items, describe }: { items: T[]; describe: (item: T) => ReactNode }) {
  return (
    <section aria-labelledby="geschiedenis" className="mt-8">
      <h2 id="geschiedenis" className="text-2xl font-bold">Geschiedenis</h2>
      <ol className="mt-3 space-y-3">
        {items.map((h) => (
          <li key={h.id} className="border-l-4 border-slate-300 pl-3">
            <p>
              <strong>{formatDateTime(h.createdAt)}</strong>: {describe(h)}
            </p>
            {h.note ? <p className="whitespace-pre-line text-slate-700">{h.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
