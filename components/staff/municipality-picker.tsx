import type { MunicipalityChoice } from "@/lib/data/staff/scope";

/** Platform admins: which municipality a page works on (a GET form, so it stays in the URL). */
export function MunicipalityPicker({ list, current }: { list: MunicipalityChoice[]; current: string }) {
  if (list.length < 2) return null;
  return (
    <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="gemeente" className="block font-semibold">
          Gemeente
        </label>
        <select id="gemeente" name="gemeente" defaultValue={current} className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2">
          {list.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700">
        Kies gemeente
      </button>
    </form>
  );
}
