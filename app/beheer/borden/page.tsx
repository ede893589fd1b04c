import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { days, formatDate, statusLabel } from "@/components/staff/format";
import { Pager } from "@/components/staff/pager";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";
import { listAreasForStaff } from "@/lib/data/staff/areas";
import { first, toQuery, type SearchParams } from "@/lib/data/staff/params";
import { DEFAULT_SIGN_REQUEST_STATUSES, listSignRequestsForStaff, parseSignRequestFilters } from "@/lib/data/staff/sign-requests";
import { SIGN_REQUEST_STATUSES } from "@/lib/domain";

export const metadata: Metadata = { title: "Bordaanvragen" };

const inputClass = "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2";

export default async function SignRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRole(["staff"], "/beheer/borden");
  const params = await searchParams;
  const filters = parseSignRequestFilters(params);
  const [page, wijken] = await Promise.all([
    listSignRequestsForStaff(user, filters),
    listAreasForStaff(user, first(params, "gemeente")).catch(() => null),
  ]);
  const isDefaultStatus = filters.status.join() === DEFAULT_SIGN_REQUEST_STATUSES.join();
  const statusValue = filters.status.length === 0 ? "alle" : filters.status.length === 1 ? filters.status[0] : isDefaultStatus ? "" : filters.status.join(",");
  const base = {
    status: statusValue || undefined,
    wijk: filters.areaId,
    van: filters.from,
    tot: filters.to,
    zoek: filters.q,
    sorteer: filters.sort === "oudste" ? undefined : filters.sort,
  };
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Bordaanvragen</h1>
      <form method="get" className="mt-6 grid gap-4 rounded border-2 border-slate-300 p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter de aanvragen">
        <div>
          <label htmlFor="status" className="block font-semibold">Status</label>
          <select id="status" name="status" defaultValue={statusValue} className={inputClass}>
            <option value="">Open aanvragen</option>
            <option value="alle">Alle</option>
            {SIGN_REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>{statusLabel(s)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="wijk" className="block font-semibold">Wijk</label>
          <select id="wijk" name="wijk" defaultValue={filters.areaId ?? ""} className={inputClass}>
            <option value="">Alle wijken</option>
            {wijken?.areas.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="zoek" className="block font-semibold">Zoek op groep of straat</label>
          <input id="zoek" name="zoek" type="search" defaultValue={filters.q ?? ""} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="van" className="block font-semibold">Ingediend vanaf</label>
          <input id="van" name="van" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="tot" className="block font-semibold">Ingediend tot en met</label>
          <input id="tot" name="tot" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="sorteer" className="block font-semibold">Volgorde</label>
          <select id="sorteer" name="sorteer" defaultValue={filters.sort} className={inputClass}>
            <option value="oudste">Oudste eerst</option>
            <option value="nieuwste">Nieuwste eerst</option>
          </select>
        </div>
        <div className="flex items-end gap-4">
          <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-brand-700 px-5 py-2 font-semibold text-white">
            Filter
          </button>
          <Link href="/beheer/borden">Wis filters</Link>
        </div>
      </form>

      <p className="mt-6" role="status">
        {page.total === 1 ? "1 aanvraag gevonden." : `${page.total} aanvragen gevonden.`}
      </p>
      {page.items.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Bordaanvragen</caption>
            <thead>
              <tr className="border-b-2 border-slate-600">
                <th scope="col" className="py-2 pr-4">Groep</th>
                <th scope="col" className="py-2 pr-4">Wijk</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Ingediend</th>
                <th scope="col" className="py-2 pr-4">Wacht</th>
                <th scope="col" className="py-2 text-right">Borden</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={`/beheer/borden/${r.id}`}>{r.groupName}</Link>
                    {user.role === "platform_admin" ? <span className="block text-sm text-slate-700">{r.municipalityName}</span> : null}
                  </th>
                  <td className="py-2 pr-4">{r.areaName}</td>
                  <td className="py-2 pr-4">{statusLabel(r.status)}</td>
                  <td className="py-2 pr-4">{formatDate(r.createdAt)}</td>
                  <td className="py-2 pr-4">{days(r.ageDays)}</td>
                  <td className="py-2 text-right tabular-nums">{r.signCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager
        isFirst={!filters.cursor}
        firstHref={`/beheer/borden${toQuery(base)}`}
        nextHref={page.nextCursor ? `/beheer/borden${toQuery({ ...base, na: page.nextCursor })}` : null}
      />
    </Container>
  );
}
