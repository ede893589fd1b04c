import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate, formatNumber, statusLabel } from "@/components/staff/format";
import { Pager } from "@/components/staff/pager";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";
import { listAreasForStaff } from "@/lib/data/staff/areas";
import { listGroupsForStaff, parseGroupFilters } from "@/lib/data/staff/groups";
import { toQuery, type SearchParams } from "@/lib/data/staff/params";
import { SIGN_REQUEST_STATUSES } from "@/lib/domain";

export const metadata: Metadata = { title: "Groepen" };

const inputClass = "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2";

export default async function StaffGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRole(["staff"], "/beheer/groepen");
  const filters = parseGroupFilters(await searchParams);
  const [page, wijken] = await Promise.all([
    listGroupsForStaff(user, filters),
    listAreasForStaff(user, filters.municipalityId).catch(() => null),
  ]);
  const base = {
    wijk: filters.areaId,
    status: filters.status === "active" ? undefined : filters.status,
    bord: filters.bord,
    vanaf: filters.minAddresses,
    tot: filters.maxAddresses,
    zoek: filters.q,
    gemeente: filters.municipalityId,
    sorteer: filters.sort === "naam" ? undefined : filters.sort,
  };
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Groepen</h1>
      <form method="get" aria-label="Filter de groepen" className="mt-6 grid gap-4 rounded border-2 border-slate-300 p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="zoek" className="block font-semibold">Zoek op naam</label>
          <input id="zoek" name="zoek" type="search" maxLength={100} defaultValue={filters.q ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="wijk" className="block font-semibold">Wijk</label>
          <select id="wijk" name="wijk" defaultValue={filters.areaId ?? ""} className={inputClass}>
            <option value="">Alle wijken</option>
            {wijken?.areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block font-semibold">Status</label>
          <select id="status" name="status" defaultValue={filters.status} className={inputClass}>
            <option value="active">Actief</option>
            <option value="dissolved">Opgeheven</option>
            <option value="alle">Alle</option>
          </select>
        </div>
        <div>
          <label htmlFor="bord" className="block font-semibold">Bord</label>
          <select id="bord" name="bord" defaultValue={filters.bord ?? ""} className={inputClass}>
            <option value="">Alle</option>
            <option value="geen">Nooit aangevraagd</option>
            {SIGN_REQUEST_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="vanaf" className="block font-semibold">Minstens … adressen</label>
          <input id="vanaf" name="vanaf" inputMode="numeric" defaultValue={filters.minAddresses ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="tot" className="block font-semibold">Hooguit … adressen</label>
          <input id="tot" name="tot" inputMode="numeric" defaultValue={filters.maxAddresses ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="sorteer" className="block font-semibold">Volgorde</label>
          <select id="sorteer" name="sorteer" defaultValue={filters.sort} className={inputClass}>
            <option value="naam">Op naam</option>
            <option value="nieuwste">Nieuwste eerst</option>
          </select>
        </div>
        <div className="flex items-end gap-4">
          <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-brand-700 px-5 py-2 font-semibold text-white">Filter</button>
          <Link href="/beheer/groepen">Wis filters</Link>
        </div>
      </form>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <p role="status">{page.total === 1 ? "1 groep gevonden." : `${formatNumber(page.total)} groepen gevonden.`}</p>
        <a href={`/beheer/groepen/export${toQuery({ ...base, sorteer: undefined })}`} className="font-semibold" download>
          Download als CSV (voor Excel)
        </a>
      </div>
      {page.items.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Groepen</caption>
            <thead>
              <tr className="border-b-2 border-slate-600">
                <th scope="col" className="py-2 pr-4">Naam</th>
                <th scope="col" className="py-2 pr-4">Wijk</th>
                <th scope="col" className="py-2 pr-4 text-right">Adressen</th>
                <th scope="col" className="py-2 pr-4 text-right">Beheerders</th>
                <th scope="col" className="py-2 pr-4">Bord</th>
                <th scope="col" className="py-2">Sinds</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((g) => (
                <tr key={g.id} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={`/beheer/groepen/${g.id}`}>{g.name}</Link>
                    {g.status === "dissolved" ? <span className="ml-2 text-sm">(opgeheven)</span> : null}
                    {user.role === "platform_admin" ? <span className="block text-sm text-slate-700">{g.municipalityName}</span> : null}
                  </th>
                  <td className="py-2 pr-4">{g.areaName}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(g.addressCount)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">
                    {g.adminCount}
                    {g.adminCount < 2 ? <span className="sr-only"> (weinig)</span> : null}
                    {g.adminCount < 2 ? <span aria-hidden="true"> ⚠</span> : null}
                  </td>
                  <td className="py-2 pr-4">{statusLabel(g.bordStatus)}</td>
                  <td className="py-2">{formatDate(g.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager
        isFirst={!filters.cursor}
        firstHref={`/beheer/groepen${toQuery(base)}`}
        nextHref={page.nextCursor ? `/beheer/groepen${toQuery({ ...base, na: page.nextCursor })}` : null}
      />
    </Container>
  );
}
