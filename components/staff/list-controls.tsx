/**
 * The parts every staff list (/beheer/borden, /beheer/groepen, /beheer/audit) is built from:
 * a filter form that works without JavaScript (GET, so the filters stay in the URL), its
 * fields and the keyset pager. The results go in a Table (components/ui/table.tsx).
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { toQuery, type QueryValues } from "@/lib/validation/search-params";

const inputClass = "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2";

const gridColumns = { 3: "lg:grid-cols-3", 4: "lg:grid-cols-4" } as const;

/** A GET form with a "Filter" button and a link that clears every filter. */
export function FilterForm({
  label,
  clearHref,
  columns,
  children,
}: {
  /** The form's accessible name, e.g. "Filter de groepen". */
  label: string;
  /** The list without any filter. */
  clearHref: string;
  /** Fields next to each other on a wide screen. */
  columns: keyof typeof gridColumns;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      aria-label={label}
      className={`mt-6 grid gap-4 rounded border-2 border-slate-300 p-4 sm:grid-cols-2 ${gridColumns[columns]}`}
    >
      {children}
      <div className="flex items-end gap-4">
        <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-brand-700 px-5 py-2 font-semibold text-white">
          Filter
        </button>
        <Link href={clearHref}>Wis filters</Link>
      </div>
    </form>
  );
}

/** One choice of a FilterSelect: [value, label]. */
export type FilterOption = readonly [value: string, label: string];

/** A labelled select; its id and name are `name`. */
export function FilterSelect({
  name,
  label,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  defaultValue: string;
  options: readonly FilterOption[];
}) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">{label}</label>
      <select id={name} name={name} defaultValue={defaultValue} className={inputClass}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/** A labelled text, search, date or number input; its id and name are `name`. */
export function FilterInput({
  name,
  label,
  defaultValue,
  type = "text",
  inputMode,
  maxLength,
}: {
  name: string;
  label: string;
  defaultValue: string | number | null | undefined;
  type?: "text" | "search" | "date";
  inputMode?: "numeric";
  maxLength?: number;
}) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        inputMode={inputMode}
        maxLength={maxLength}
        defaultValue={defaultValue ?? ""}
        className={inputClass}
      />
    </div>
  );
}

/**
 * Keyset paging for the list at `path` with the current filters `query`: back to the first
 * page when on a later one (`cursor` set), on to the next when there is one (`nextCursor`).
 */
export function ListPager({
  path,
  query,
  cursor,
  nextCursor,
}: {
  path: string;
  query: QueryValues;
  cursor: string | null | undefined;
  nextCursor: string | null | undefined;
}) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pagina's" className="mt-4 flex gap-6">
      {cursor ? <Link href={`${path}${toQuery(query)}`}>Naar de eerste pagina</Link> : null}
      {nextCursor ? <Link href={`${path}${toQuery({ ...query, na: nextCursor })}`}>Volgende pagina</Link> : null}
    </nav>
  );
}
