import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { days, formatDate, statusLabel } from "@/components/staff/format";
import { FilterForm, FilterInput, FilterSelect, ListPager } from "@/components/staff/list-controls";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { listAreasForStaff } from "@/lib/data/staff/areas";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { DEFAULT_BORD_REQUEST_STATUSES, parseBordRequestFilters } from "@/lib/validation/bord-request-filters";
import { listBordRequestsForStaff } from "@/lib/data/staff/bord-request-list";
import { BORD_REQUEST_STATUSES } from "@/lib/domain";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Bordaanvragen" };

export default async function BordRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("bord.decide", routes.staff.bords);
  const params = await searchParams;
  const filters = parseBordRequestFilters(params);
  const [page, wijken] = await Promise.all([
    listBordRequestsForStaff(user, filters),
    listAreasForStaff(user, first(params, "gemeente")).catch(() => null),
  ]);
  const isDefaultStatus = filters.status.join() === DEFAULT_BORD_REQUEST_STATUSES.join();
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
      <FilterForm label="Filter de aanvragen" clearHref={routes.staff.bords} columns={3}>
        <FilterSelect
          name="status"
          label="Status"
          defaultValue={statusValue}
          options={[["", "Open aanvragen"], ["alle", "Alle"], ...BORD_REQUEST_STATUSES.map((s) => [s, statusLabel(s)] as const)]}
        />
        <FilterSelect
          name="wijk"
          label="Wijk"
          defaultValue={filters.areaId ?? ""}
          options={[["", "Alle wijken"], ...(wijken?.areas ?? []).map((a) => [a.id, a.name] as const)]}
        />
        <FilterInput name="zoek" label="Zoek op groep of straat" type="search" maxLength={100} defaultValue={filters.q} />
        <FilterInput name="van" label="Ingediend vanaf" type="date" defaultValue={filters.from} />
        <FilterInput name="tot" label="Ingediend tot en met" type="date" defaultValue={filters.to} />
        <FilterSelect
          name="sorteer"
          label="Volgorde"
          defaultValue={filters.sort}
          options={[["oudste", "Oudste eerst"], ["nieuwste", "Nieuwste eerst"]]}
        />
      </FilterForm>

      <p className="mt-6" role="status">
        {page.total === 1 ? "1 aanvraag gevonden." : `${page.total} aanvragen gevonden.`}
      </p>
      {page.items.length > 0 ? (
        <Table
          caption="Bordaanvragen"
          columns={[
            { label: "Groep" },
            { label: "Wijk" },
            { label: "Status" },
            { label: "Ingediend" },
            { label: "Wacht" },
            { label: "Borden", numeric: true },
          ]}
        >
          {page.items.map((r) => (
            <tr key={r.id} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={routes.staff.bord(r.id)}>{r.groupName}</Link>
                {user.role === "platform_admin" ? <span className="block text-sm text-slate-700">{r.municipalityName}</span> : null}
              </th>
              <td className="py-2 pr-4">{r.areaName}</td>
              <td className="py-2 pr-4">{statusLabel(r.status)}</td>
              <td className="py-2 pr-4">{formatDate(r.createdAt)}</td>
              <td className="py-2 pr-4">{days(r.ageDays)}</td>
              <td className="py-2 text-right tabular-nums">{r.bordCount}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <ListPager path={routes.staff.bords} query={base} cursor={filters.cursor} nextCursor={page.nextCursor} />
    </Container>
  );
}
